import type { BillingEntry, Customer } from '../../lib/domain/customer';
import { NO_INVOICE_DEFAULTS } from '../../lib/domain/vocabulary';
import { searchKeys } from '../../lib/search/keys';

/** The time the records below were made and last changed, unless a test says otherwise. */
export const NOW = Date.UTC(2026, 10, 27, 16, 30);

/** A billing entry with every field empty but its id; override what a test cares about. */
export function entry(id: string, over: Partial<BillingEntry> = {}): BillingEntry {
  return { id, label: '', address: '', phone: '', bankName: '', bankAccount: '', ...over };
}

/**
 * A whole Customer record as the book stores it (not an input for the db to complete): one empty entry `<id>-1` as
 * the default, search keys from the name and tax ID, everything else empty or at its default.
 */
export function customer(id: string, name: string, over: Partial<Customer> = {}): Customer {
  const taxId = over.taxId ?? '';
  return {
    id,
    name,
    taxId,
    kind: 'company',
    entries: [entry(`${id}-1`)],
    defaultEntryId: `${id}-1`,
    email: '',
    mobile: '',
    contact: '',
    tier: 'normal',
    tags: [],
    notes: '',
    invoiceDefaults: NO_INVOICE_DEFAULTS,
    creditLimit: null,
    review: { status: 'pending', by: '', at: null },
    source: 'manual',
    createdAt: NOW,
    updatedAt: NOW,
    lastUsedAt: null,
    useCount: 0,
    revision: 1,
    keys: searchKeys(name, taxId),
    ...over,
  };
}
