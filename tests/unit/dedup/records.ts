import type { Customer } from '../../../lib/domain/customer';
import { searchKeys } from '../../../lib/search/keys';
import type { PairRecord } from '../../support/dedup-pairs';

/** A stored customer with the given fields (keys computed as the book computes them) and plain defaults. */
export function customer(id: string, fields: Partial<Customer> & { name: string }): Customer {
  const taxId = fields.taxId ?? '';
  const entries = fields.entries ?? [
    { id: `${id}-1`, label: '', address: '', phone: '', bankName: '', bankAccount: '' },
  ];
  return {
    taxId,
    kind: 'company',
    email: '',
    mobile: '',
    contact: '',
    tier: 'normal',
    tags: [],
    notes: '',
    invoiceDefaults: { type: null, remarks: '' },
    creditLimit: null,
    review: { status: 'pending', by: '', at: null },
    source: 'manual',
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    lastUsedAt: null,
    useCount: 0,
    revision: 1,
    ...fields,
    id,
    entries,
    defaultEntryId: fields.defaultEntryId ?? entries[0]?.id ?? `${id}-1`,
    keys: searchKeys(fields.name, taxId),
  };
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
