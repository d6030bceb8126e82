import type { BillingEntry, CustomerDraft } from './customer';

/** The fields of a customer beside its address-and-bank entries. */
export type DraftField = Exclude<keyof CustomerDraft, 'entries'>;
/** The fields of one address-and-bank entry beside its id. */
export type EntryField = Exclude<keyof BillingEntry, 'id'>;

/** One of a customer's own invoice defaults (each is set apart from the others). */
export type DefaultsPart = keyof CustomerDraft['invoiceDefaults'];

/** One part of a customer that differs between two versions of it. */
export type DraftChange =
  | { kind: 'field'; field: Exclude<DraftField, 'invoiceDefaults'> }
  | { kind: 'field'; field: 'invoiceDefaults'; part: DefaultsPart }
  | { kind: 'entry'; entryId: string; field: EntryField }
  | { kind: 'entryAdded'; entryId: string }
  | { kind: 'entryRemoved'; entryId: string };

const ENTRY_FIELDS: readonly EntryField[] = ['label', 'address', 'phone', 'bankName', 'bankAccount'];

/** Deep equality of plain data (what a draft holds), whatever the order of an object's keys. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  const recordA = a as Record<string, unknown>;
  const recordB = b as Record<string, unknown>;
  return keysA.every((key) => Object.hasOwn(recordB, key) && sameValue(recordA[key], recordB[key]));
}

const fieldsOf = (draft: CustomerDraft) =>
  (Object.keys(draft) as (keyof CustomerDraft)[]).filter((k) => k !== 'entries');
const partsOf = (...defaults: CustomerDraft['invoiceDefaults'][]) =>
  [...new Set(defaults.flatMap((d) => Object.keys(d)))] as DefaultsPart[];
const byId = (entries: readonly BillingEntry[]) => new Map(entries.map((e) => [e.id, e]));

/** What differs from `from` to `to`: each field, each field of an entry kept by id, and entries added or removed. */
export function draftChanges(from: CustomerDraft, to: CustomerDraft): DraftChange[] {
  const changes: DraftChange[] = [];
  for (const field of new Set([...fieldsOf(from), ...fieldsOf(to)]) as Set<DraftField>) {
    if (field === 'invoiceDefaults') {
      for (const part of partsOf(from.invoiceDefaults, to.invoiceDefaults)) {
        if (!sameValue(from.invoiceDefaults[part], to.invoiceDefaults[part]))
          changes.push({ kind: 'field', field, part });
      }
    } else if (!sameValue(from[field], to[field])) changes.push({ kind: 'field', field });
  }
  const before = byId(from.entries);
  for (const entry of to.entries) {
    const old = before.get(entry.id);
    if (!old) changes.push({ kind: 'entryAdded', entryId: entry.id });
    else {
      for (const field of ENTRY_FIELDS) {
        if (old[field] !== entry[field]) changes.push({ kind: 'entry', entryId: entry.id, field });
      }
    }
  }
  const after = byId(to.entries);
  for (const entry of from.entries) {
    if (!after.has(entry.id)) changes.push({ kind: 'entryRemoved', entryId: entry.id });
  }
  return changes;
}

/** Tags as `mine` changed them from `base` (added and removed), applied to `theirs`. */
function rebaseTags(base: readonly string[], mine: readonly string[], theirs: readonly string[]): string[] {
  if (sameValue(theirs, base)) return [...mine];
  const removed = new Set(base.filter((tag) => !mine.includes(tag)));
  const added = mine.filter((tag) => !base.includes(tag) && !theirs.includes(tag));
  return [...theirs.filter((tag) => !removed.has(tag)), ...added];
}

/** A fresh entry id beside those taken (the editor names new entries e1, e2…: two editors may pick the same). */
function freeId(wanted: string, taken: Set<string>): string {
  let id = wanted;
  for (let n = 2; taken.has(id); n++) id = `${wanted}-${n}`;
  return id;
}

/** Entries as `mine` changed them from `base`, field by field, applied to `theirs`; and the ids mine's new ones got. */
function rebaseEntries(base: CustomerDraft, mine: CustomerDraft, theirs: CustomerDraft) {
  const renamed = new Map<string, string>();
  if (sameValue(theirs.entries, base.entries)) return { entries: mine.entries.map((e) => ({ ...e })), renamed };
  const baseEntries = byId(base.entries);
  const mineEntries = byId(mine.entries);
  const theirEntries = byId(theirs.entries);
  const entries: BillingEntry[] = [];
  for (const entry of theirs.entries) {
    const was = baseEntries.get(entry.id);
    const now = mineEntries.get(entry.id);
    if (!was)
      entries.push({ ...entry }); // added elsewhere
    else if (now) {
      const merged = { ...entry };
      for (const field of ENTRY_FIELDS) if (now[field] !== was[field]) merged[field] = now[field];
      entries.push(merged);
    }
    // else: removed here, and the clerk's removal stands
  }
  const taken = new Set(entries.map((e) => e.id));
  for (const entry of mine.entries) {
    const was = baseEntries.get(entry.id);
    // Removed elsewhere: gone, unless the clerk changed it here (the clerk's edit is kept).
    // Added here: kept, unless the very same entry was added elsewhere too.
    const keep = was
      ? !theirEntries.has(entry.id) && !sameValue(entry, was)
      : !sameValue(theirEntries.get(entry.id), entry);
    if (!keep) continue;
    const id = freeId(entry.id, taken);
    if (id !== entry.id) renamed.set(entry.id, id);
    taken.add(id);
    entries.push({ ...entry, id });
  }
  return { entries: entries.length > 0 ? entries : mine.entries.map((e) => ({ ...e })), renamed };
}

/**
 * The clerk's edits (from `base` to `mine`) made again on `theirs`, the customer as it was changed elsewhere since:
 * every field and every entry field the clerk changed takes the clerk's value; everything else keeps its value from
 * `theirs`, so that a change made elsewhere to a field the clerk did not touch is never undone. Each invoice default
 * counts as a field of its own; tags added and removed are applied to theirs (both sides' tags are kept); entries are
 * matched by id, field by field.
 */
export function rebaseEdits(base: CustomerDraft, mine: CustomerDraft, theirs: CustomerDraft): CustomerDraft {
  const next: Record<string, unknown> = { ...theirs };
  for (const field of fieldsOf(mine) as DraftField[]) {
    if (field === 'tags' || field === 'defaultEntryId' || field === 'invoiceDefaults') continue;
    if (!sameValue(mine[field], base[field])) next[field] = mine[field];
  }
  const defaults: Record<string, unknown> = { ...theirs.invoiceDefaults };
  for (const part of partsOf(base.invoiceDefaults, mine.invoiceDefaults)) {
    if (!sameValue(mine.invoiceDefaults[part], base.invoiceDefaults[part])) defaults[part] = mine.invoiceDefaults[part];
  }
  const { entries, renamed } = rebaseEntries(base, mine, theirs);
  const wanted =
    mine.defaultEntryId !== base.defaultEntryId
      ? (renamed.get(mine.defaultEntryId) ?? mine.defaultEntryId)
      : theirs.defaultEntryId;
  const first = entries[0]?.id ?? wanted;
  return {
    ...(next as CustomerDraft),
    invoiceDefaults: defaults as CustomerDraft['invoiceDefaults'],
    tags: rebaseTags(base.tags, mine.tags, theirs.tags),
    entries,
    defaultEntryId: entries.some((e) => e.id === wanted) ? wanted : first,
  };
}
