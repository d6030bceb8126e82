import type { BillingEntry, Customer, CustomerDraft } from './customer';
import { toHalfWidth } from './normalize';

/** Everything of a stored customer that a person edits; ids, times, counts and search keys stay with the book. */
export function editableOf(c: Customer): CustomerDraft {
  const { id, createdAt, updatedAt, lastUsedAt, useCount, revision, keys, ...editable } = c;
  return editable;
}

const EMPTY_ENTRY = { label: '', address: '', phone: '', bankName: '', bankAccount: '' };

/** A new, empty address-and-bank entry at the end; it becomes the default only if the clerk says so. */
export function addEntry(d: CustomerDraft): CustomerDraft {
  const taken = new Set(d.entries.map((e) => e.id));
  let n = d.entries.length + 1;
  while (taken.has(`e${n}`)) n++;
  return { ...d, entries: [...d.entries, { id: `e${n}`, ...EMPTY_ENTRY }] };
}

/** Removes an entry; the last one cannot go, and if the default goes, the first remaining one becomes default. */
export function removeEntry(d: CustomerDraft, id: string): CustomerDraft {
  const entries = d.entries.filter((e) => e.id !== id);
  const first = entries[0];
  if (!first) return d;
  return {
    ...d,
    entries,
    defaultEntryId: entries.some((e) => e.id === d.defaultEntryId) ? d.defaultEntryId : first.id,
  };
}

export function changeEntry(d: CustomerDraft, id: string, patch: Partial<Omit<BillingEntry, 'id'>>): CustomerDraft {
  return { ...d, entries: d.entries.map((e) => (e.id === id ? { ...e, ...patch } : e)) };
}

/** Tags as typed in one box: separated by commas (either width), 、, semicolons or spaces; blanks and repeats dropped. */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(/[,，、;；\s]+/).filter(Boolean))];
}

/**
 * The credit limit amount from what the clerk typed: '' is no limit; text that is not an amount (at most two
 * decimals, commas allowed) is NaN, which validation reports and the book refuses.
 */
export function parseCreditAmount(text: string): number | null {
  const plain = toHalfWidth(text).trim().replace(/,/g, '');
  if (plain === '') return null;
  return /^\d+(\.\d{1,2})?$/.test(plain) ? Number(plain) : Number.NaN;
}

/** Marks the customer verified now by the named person. */
export function verify(d: CustomerDraft, by: string, at: number): CustomerDraft {
  return { ...d, review: { status: 'verified', by: by.trim(), at } };
}

/** Back to 待核实: who verified it and when no longer hold. */
export function unverify(d: CustomerDraft): CustomerDraft {
  return { ...d, review: { status: 'pending', by: '', at: null } };
}
