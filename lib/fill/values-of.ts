import { defaultEntry } from '../domain/billing';
import type { Customer } from '../domain/customer';
import type { FillValues } from './values';

// Apart from values.ts because it needs the customer schema module, which must stay out of the content script.
/** The values of a customer with one of its address/bank entries (the default unless `entryId` names another). */
export function fillValuesOf(customer: Customer, entryId?: string): FillValues {
  const entry = customer.entries.find((e) => e.id === entryId) ?? defaultEntry(customer);
  return {
    customerId: customer.id,
    name: customer.name,
    taxId: customer.taxId,
    address: entry.address,
    phone: entry.phone,
    bankName: entry.bankName,
    bankAccount: entry.bankAccount,
    email: customer.email,
    mobile: customer.mobile,
    naturalPerson: customer.kind === 'naturalPerson',
  };
}
