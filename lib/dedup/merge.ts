import { type BillingEntry, type Customer, CustomerSchema } from '../domain/customer';
import { normalizeTaxId } from '../domain/normalize';
import { digitsOf, foldAddress, foldName } from './text';

/** The fields a clerk picks, member by member, when merging; the rest follow fixed rules (see mergeCluster). */
export const MERGE_FIELDS = [
  'name',
  'taxId',
  'kind',
  'email',
  'mobile',
  'contact',
  'tier',
  'invoiceDefaults',
  'creditLimit',
  'source',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

export interface MergeChoices {
  /** For each field, the id of the member whose value to keep; the survivor's by default. */
  fields?: Partial<Record<MergeField, string>>;
  /** The entry to use by default: any member's entry id; the survivor's default entry by default. */
  defaultEntryId?: string;
}

export type MergeResult =
  | {
      ok: true;
      /** The survivor as it is to be stored (same id; the write bumps its revision). */
      merged: Customer;
      /** The other members, to delete in the same transaction (before the survivor is written: its tax ID may be theirs). */
      deleteIds: string[];
    }
  | { ok: false; code: 'unknownMember' | 'invalid'; issues: string[] };

/** Two entries are one when their address, phone, bank and account say the same, however written. */
const entryKey = (e: BillingEntry) =>
  [foldAddress(e.address), digitsOf(e.phone), foldName(e.bankName), digitsOf(e.bankAccount)].join('|');

function mergeEntries(ordered: readonly Customer[], defaultEntryId: string) {
  const entries: BillingEntry[] = [];
  const byKey = new Map<string, BillingEntry>();
  const ids = new Set<string>();
  let chosen: BillingEntry | undefined;
  for (const member of ordered) {
    for (const entry of member.entries) {
      const key = entryKey(entry);
      let kept = byKey.get(key);
      if (!kept) {
        let id = entry.id;
        for (let n = 2; ids.has(id); n++) id = `${entry.id}-${n}`;
        kept = { ...entry, id };
        ids.add(id);
        byKey.set(key, kept);
        entries.push(kept);
      } else if (!kept.label && entry.label) {
        kept.label = entry.label;
      }
      if (entry.id === defaultEntryId && !chosen) chosen = kept;
    }
  }
  return { entries, defaultEntryId: chosen?.id ?? entries[0]?.id ?? '' };
}

const sameIdentity = (c: Customer, name: string, taxId: string) =>
  foldName(c.name) === foldName(name) && normalizeTaxId(c.taxId) === normalizeTaxId(taxId);

/**
 * Merges a cluster into its survivor. Each field in MERGE_FIELDS comes from the member the clerk chose (the
 * survivor's by default). Every distinct address/bank entry of every member is kept as an alternative (the chosen
 * one is the default); use counts are summed, the last use is the latest, tags are joined, notes are kept one after
 * another, and the most recent review is kept only if it reviewed the name and tax ID the merge keeps (a check of
 * another name proves nothing about this one). Pure: the caller writes the result and its undo.
 */
export function mergeCluster(
  members: readonly Customer[],
  survivorId: string,
  choices: MergeChoices = {},
  now = Date.now(),
): MergeResult {
  const survivor = members.find((m) => m.id === survivorId);
  if (!survivor) return { ok: false, code: 'unknownMember', issues: [`survivor ${survivorId} is not a member`] };
  const fields = choices.fields ?? {};
  const issues = Object.entries(fields)
    .filter(([, id]) => !members.some((m) => m.id === id))
    .map(([field, id]) => `${field}: ${id} is not a member`);
  if (issues.length > 0) return { ok: false, code: 'unknownMember', issues };
  const from = (field: MergeField) => members.find((m) => m.id === fields[field]) ?? survivor;

  const ordered = [survivor, ...members.filter((m) => m !== survivor)];
  const { entries, defaultEntryId } = mergeEntries(ordered, choices.defaultEntryId ?? survivor.defaultEntryId);
  const named = from('name');
  const taxId = from('taxId').taxId;

  const reviews = ordered
    .filter((m) => m.review.status === 'verified')
    .sort((x, y) => (y.review.at ?? 0) - (x.review.at ?? 0));
  const latest = reviews[0];
  const review =
    latest && sameIdentity(latest, named.name, taxId)
      ? latest.review
      : { status: 'pending' as const, by: '', at: null };

  const lastUsed = ordered.map((m) => m.lastUsedAt).filter((t): t is number => t !== null);
  const notes = [...new Set(ordered.map((m) => m.notes.trim()).filter(Boolean))];
  const keys: Customer['keys'] = { name: named.keys.name, pinyin: named.keys.pinyin, initials: named.keys.initials };
  const taxKey = normalizeTaxId(taxId);
  if (taxKey) keys.taxId = taxKey;

  const merged = {
    ...survivor,
    name: named.name,
    taxId,
    kind: from('kind').kind,
    email: from('email').email,
    mobile: from('mobile').mobile,
    contact: from('contact').contact,
    tier: from('tier').tier,
    invoiceDefaults: from('invoiceDefaults').invoiceDefaults,
    creditLimit: from('creditLimit').creditLimit,
    source: from('source').source,
    entries,
    defaultEntryId,
    tags: [...new Set(ordered.flatMap((m) => m.tags))],
    notes: notes.join('\n'),
    review,
    createdAt: Math.min(...ordered.map((m) => m.createdAt)),
    updatedAt: now,
    lastUsedAt: lastUsed.length > 0 ? Math.max(...lastUsed) : null,
    useCount: ordered.reduce((sum, m) => sum + m.useCount, 0),
    keys,
  };
  const parsed = CustomerSchema.safeParse(merged);
  if (!parsed.success) {
    return { ok: false, code: 'invalid', issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  }
  return { ok: true, merged: parsed.data, deleteIds: ordered.slice(1).map((m) => m.id) };
}
