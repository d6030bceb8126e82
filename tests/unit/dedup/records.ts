import type { Customer } from '../../../lib/domain/customer';
import { searchKeys } from '../../../lib/search/keys';
import { entry, customer as storedCustomer } from '../../support/customer';
import type { PairRecord } from '../../support/dedup-pairs';

/** A stored customer with the given fields (keys computed as the book computes them) and plain defaults. */
export function customer(id: string, fields: Partial<Customer> & { name: string }): Customer {
  const entries = fields.entries ?? [entry(`${id}-1`)];
  return storedCustomer(id, fields.name, {
    ...fields,
    entries,
    defaultEntryId: fields.defaultEntryId ?? entries[0]?.id ?? `${id}-1`,
    keys: searchKeys(fields.name, fields.taxId ?? ''),
  });
}

/** A record of the labelled set as a stored customer. */
export function fromPairRecord(id: string, r: PairRecord): Customer {
  return customer(id, {
    name: r.name,
    taxId: r.taxId ?? '',
    kind: r.kind ?? 'company',
    mobile: r.mobile ?? '',
    entries: [
      {
        id: `${id}-1`,
        label: '',
        address: r.address ?? '',
        phone: r.phone ?? '',
        bankName: '',
        bankAccount: r.bankAccount ?? '',
      },
    ],
  });
}
