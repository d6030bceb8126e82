import type { Customer, CustomerDraft } from './customer';

/**
 * A book customer updated from an imported row: what the row has replaces what the customer had, in the default
 * address-and-bank entry and the contact fields; what the row leaves empty stays; tags are added. Null when the row
 * changes nothing.
 */
export function mergeImported(current: Customer, draft: CustomerDraft): Customer | null {
  const incoming = draft.entries[0];
  const pick = (now: string, next: string | undefined) => (next ? next : now);
  const entries = current.entries.map((e) =>
    e.id === current.defaultEntryId && incoming
      ? {
          ...e,
          address: pick(e.address, incoming.address),
          phone: pick(e.phone, incoming.phone),
          bankName: pick(e.bankName, incoming.bankName),
          bankAccount: pick(e.bankAccount, incoming.bankAccount),
        }
      : e,
  );
  const next: Customer = {
    ...current,
    name: draft.name,
    taxId: pick(current.taxId, draft.taxId),
    entries,
    email: pick(current.email, draft.email),
    mobile: pick(current.mobile, draft.mobile),
    contact: pick(current.contact, draft.contact),
    tags: [...new Set([...current.tags, ...draft.tags])],
  };
  const same = JSON.stringify({ ...next, keys: null }) === JSON.stringify({ ...current, keys: null });
  return same ? null : next;
}
