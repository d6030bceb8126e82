import type { BillingEntry, Customer } from './customer';

/** The entry used when a fill does not say which. */
export function defaultEntry(customer: Pick<Customer, 'entries' | 'defaultEntryId'>): BillingEntry {
  const entry = customer.entries.find((e) => e.id === customer.defaultEntryId) ?? customer.entries[0];
  if (!entry) throw new Error('a customer always has at least one entry');
  return entry;
}
