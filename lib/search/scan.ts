import { classify, type Entry, NONE } from './entry';
import { HASH, HEAD, SIG, TAGS } from './rows';
import { packHead, querySignature, textHash } from './signature';
import type { ColumnTable } from './table';

export type MatchKind = 'exact' | 'prefix' | 'substring';
export type MatchField = 'name' | 'pinyin' | 'initials' | 'taxId' | 'tag';
export interface SearchHit {
  id: string;
  match: MatchKind;
  field: MatchField;
}

const KINDS: readonly MatchKind[] = ['exact', 'prefix', 'substring'];
const FIELDS: readonly MatchField[] = ['name', 'pinyin', 'initials', 'taxId', 'tag'];

/**
 * The best `limit` hits for the normalised query `q` among `entries` (in rank order, row i of
 * `table` describing entry i). `tags` are the bits of the tags that equal or start with `q`.
 *
 * Hits of one kind come in rank order because the scan follows it, so the scan can stop early.
 * It touches an entry's strings only when the table says the entry may match: while substring
 * hits are still wanted the n-gram signature filters; once `limit` hits are in hand only a
 * prefix or exact hit could displace one, so the heads filter; once `limit` prefix hits are in
 * hand, only exact ones, so the hashes.
 */
export function scan(
  entries: readonly Entry[],
  table: ColumnTable,
  q: string,
  tags: { exact: number; prefix: number },
  limit: number,
): SearchHit[] {
  const upper = q.toUpperCase();
  const { data, capacity: c } = table;
  const n = entries.length;
  const heads = [packHead(q, true, 0), packHead(q, true, 1), packHead(q, false, 0), packHead(q, false, 1)];
  const [w0, w1, n0, n1] = heads.map((h) => h.head) as [number, number, number, number];
  const [wm0, wm1, nm0, nm1] = heads.map((h) => h.mask) as [number, number, number, number];
  const hash = textHash(q);
  const { words, masks } = querySignature(q);
  // Where each signature word of the query starts in the table. Every query has at least one
  // (its first character's bit); the loops test that one inline, the rest in `signature`.
  const columns = words.map((w) => (SIG + w) * c);
  const firstColumn = columns[0] as number;
  const firstMask = masks[0] as number;
  const signature = (i: number): boolean => {
    for (let w = 1; w < columns.length; w++) {
      const mask = masks[w] as number;
      if (((data[(columns[w] as number) + i] as number) & mask) !== mask) return false;
    }
    return true;
  };

  // Rows and classify codes of the hits, per kind.
  const found: number[][] = [[], [], []];
  const codes: number[][] = [[], [], []];
  // What can still change the answer: 2 any hit, 1 exact or prefix only, 0 exact only,
  // -1 nothing. It only goes down, so each value has its own tight loop below.
  let wanted = 2;
  const take = (i: number): void => {
    const code = classify(entries[i] as Entry, q, upper, wanted);
    const kind = code >> 3;
    if (kind === NONE) return;
    (found[kind] as number[]).push(i);
    (codes[kind] as number[]).push(code);
    const exact = (found[0] as number[]).length;
    const better = exact + (found[1] as number[]).length;
    wanted = exact >= limit ? -1 : better >= limit ? 0 : better + (found[2] as number[]).length >= limit ? 1 : 2;
  };

  let i = 0;
  for (; i < n && wanted === 2; i++) {
    if (((data[firstColumn + i] as number) & firstMask) === firstMask && signature(i)) take(i);
  }
  for (; i < n && wanted === 1; i++) {
    if (
      (((data[HEAD * c + i] as number) & wm0) !== w0 || ((data[(HEAD + 1) * c + i] as number) & wm1) !== w1) &&
      (((data[(HEAD + 2) * c + i] as number) & nm0) !== n0 || ((data[(HEAD + 3) * c + i] as number) & nm1) !== n1) &&
      (((data[(HEAD + 4) * c + i] as number) & nm0) !== n0 || ((data[(HEAD + 5) * c + i] as number) & nm1) !== n1) &&
      (((data[(HEAD + 6) * c + i] as number) & nm0) !== n0 || ((data[(HEAD + 7) * c + i] as number) & nm1) !== n1) &&
      ((data[TAGS * c + i] as number) & tags.prefix) === 0
    ) {
      continue;
    }
    if (((data[firstColumn + i] as number) & firstMask) === firstMask && signature(i)) take(i);
  }
  for (; i < n && wanted === 0; i++) {
    if (
      (data[HASH * c + i] as number) !== hash &&
      (data[(HASH + 1) * c + i] as number) !== hash &&
      (data[(HASH + 2) * c + i] as number) !== hash &&
      (data[(HASH + 3) * c + i] as number) !== hash &&
      ((data[TAGS * c + i] as number) & tags.exact) === 0
    ) {
      continue;
    }
    if (((data[firstColumn + i] as number) & firstMask) === firstMask && signature(i)) take(i);
  }

  const hits: SearchHit[] = [];
  for (let kind = 0; kind < 3 && hits.length < limit; kind++) {
    const rows = found[kind] as number[];
    for (let j = 0; j < rows.length && hits.length < limit; j++) {
      const code = (codes[kind] as number[])[j] as number;
      const entry = entries[rows[j] as number] as Entry;
      hits.push({ id: entry.id, match: KINDS[kind] as MatchKind, field: FIELDS[code & 7] as MatchField });
    }
  }
  return hits;
}
