import type { Entry, Tag } from './entry';
import { addGramBits, packHead, SIGNATURE_WORDS, textHash } from './signature';
import type { ColumnTable } from './table';

// The filter table's columns, one row per entry. Heads: the first characters of name, pinyin,
// initials and tax ID, two words each (4 characters of the name, 8 of the others); hashes of
// the same four texts; the entry's tag bits; then the n-gram signature.
export const HEAD = 0;
export const HEAD_WORDS = 2;
export const HASH = 8;
export const TAGS = 12;
export const SIG = 13;
export const COLUMNS = SIG + SIGNATURE_WORDS;

/** Fills row `i` (all zeros) of `table` from `entry`. */
export function writeRow(table: ColumnTable, i: number, entry: Entry, vocabulary: Map<string, Tag>): void {
  const { data, capacity } = table;
  const tax = entry.taxId.toLowerCase();
  const texts = [entry.name, entry.pinyin, entry.initials, tax];
  texts.forEach((text, f) => {
    for (let w = 0; w < HEAD_WORDS; w++) {
      data[(HEAD + f * HEAD_WORDS + w) * capacity + i] = packHead(text, f === 0, w).head;
    }
    data[(HASH + f) * capacity + i] = textHash(text);
  });
  let tagBits = 0;
  for (const tag of entry.tags) tagBits |= vocabulary.get(tag)?.bit ?? 0;
  data[TAGS * capacity + i] = tagBits;
  const sig = SIG * capacity + i;
  for (const text of [...texts, ...entry.tags]) addGramBits(text, data, sig, capacity);
}
