import type { Customer } from '../domain/customer';
import { toHalfWidth } from '../domain/normalize';
import { frecency, type Rankable } from './rank';

export type SearchRecord = Pick<Customer, 'id' | 'name' | 'keys' | 'tags' | 'lastUsedAt' | 'useCount'>;

/** Queries and tags: half-width, lower-case, no white space; ü as v, as pinyin keys write it. */
export function normalizeQuery(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, '').toLowerCase().replace(/ü/g, 'v');
}

/** What the index keeps of a record: only the strings the search reads, not the whole customer. */
export interface Entry extends Rankable {
  initials: string;
  /** Upper-case as stored; '' when the customer has none. */
  taxId: string;
  tags: readonly string[];
}

/** A tag's shared text and its bit in a row's tag column (its vocabulary number mod 32). */
export interface Tag {
  text: string;
  bit: number;
}

const NO_TAGS: readonly string[] = [];

/** The entry of a record; new tags join `vocabulary`, and the entry uses the vocabulary's strings. */
export function toEntry(record: SearchRecord, vocabulary: Map<string, Tag>): Entry {
  let tags = NO_TAGS;
  for (const raw of record.tags) {
    const text = normalizeQuery(raw);
    if (text === '') continue;
    let tag = vocabulary.get(text);
    if (!tag) {
      tag = { text, bit: 1 << (vocabulary.size % 32) };
      vocabulary.set(text, tag);
    }
    // The vocabulary's copy, so that 100k customers tagged VIP share one string.
    if (!tags.includes(tag.text)) tags = [...tags, tag.text];
  }
  return {
    id: record.id,
    score: frecency(record.lastUsedAt, record.useCount),
    name: record.keys.name,
    pinyin: record.keys.pinyin,
    initials: record.keys.initials,
    taxId: record.keys.taxId ?? '',
    tags,
  };
}

export const EXACT = 0;
export const PREFIX = 1;
export const SUBSTRING = 2;
export const NONE = 3;

/** EXACT, PREFIX, SUBSTRING or NONE; kinds above `upto` are not looked for. */
export function kindOf(text: string, q: string, upto: number): number {
  if (text.length < q.length) return NONE;
  if (text.length === q.length) return text === q ? EXACT : NONE;
  if (upto < SUBSTRING) return upto === PREFIX && text.startsWith(q) ? PREFIX : NONE;
  const at = text.indexOf(q);
  return at === 0 ? PREFIX : at > 0 ? SUBSTRING : NONE;
}

/**
 * The best match of `q` (normalised; `upper` is its upper-case form for the tax ID) in an entry,
 * as kind * 8 + field (0 name, 1 pinyin, 2 initials, 3 tax ID, 4 tag); on a tie the earlier field wins.
 */
export function classify(e: Entry, q: string, upper: string, upto: number): number {
  let best = kindOf(e.name, q, upto) * 8;
  let k = kindOf(e.pinyin, q, upto);
  if (k < best >> 3) best = k * 8 + 1;
  k = kindOf(e.initials, q, upto);
  if (k < best >> 3) best = k * 8 + 2;
  k = kindOf(e.taxId, upper, upto);
  if (k < best >> 3) best = k * 8 + 3;
  for (const tag of e.tags) {
    k = kindOf(tag, q, upto);
    if (k < best >> 3) best = k * 8 + 4;
  }
  return best;
}
