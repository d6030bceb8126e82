// A per-record Bloom-style signature of character n-grams. A record can contain the query only if
// every n-gram of the query is in the record, so a query whose bits are not all set in a record's
// signature is rejected without touching its strings. False positives are checked by the caller.

/** Words of hashed bits: 1024 bits, of which a typical company record sets about 36 %. */
const HASHED_WORDS = 32;
/** Then one exact bit per ASCII character (128 bits), so a rare symbol is never hidden by a collision. */
const ASCII_WORDS = 4;
/** 32-bit words per signature. */
export const SIGNATURE_WORDS = HASHED_WORDS + ASCII_WORDS;
const BIT_SHIFT = 32 - Math.log2(HASHED_WORDS * 32);
const FNV_PRIME = 0x01000193;

function setBit(bit: number, data: Uint32Array, base: number, stride: number): void {
  const at = base + (bit >>> 5) * stride;
  data[at] = (data[at] as number) | (1 << (bit & 31));
}

/** Sets the two bits of one n-gram hash (a Bloom filter with k = 2). */
function setHashBits(hash: number, data: Uint32Array, base: number, stride: number): void {
  // murmur3's finaliser spreads the FNV state. With two bits per n-gram, a chance collision
  // with the bits that nearly every record sets (有限公司, youxiangongsi) is much less likely.
  let h = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  setBit(h >>> BIT_SHIFT, data, base, stride);
  setBit((h >>> (BIT_SHIFT - 10)) & (HASHED_WORDS * 32 - 1), data, base, stride);
}

/**
 * Adds the bits of every character and every 2-, 3- and 4-gram of `text` to the signature whose
 * word w is `data[base + w * stride]`. ASCII characters get an exact bit each (a rare symbol then
 * rules out nearly every record); all else is hashed. The 4-grams matter for pinyin, where the
 * trigrams of a rare query are often common (cheng + chen).
 */
export function addGramBits(text: string, data: Uint32Array, base: number, stride: number): void {
  let prev1 = 0;
  let prev2 = 0;
  let prev3 = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const uni = Math.imul(0x811c9dc5 ^ c, FNV_PRIME);
    const bi = Math.imul(prev1 ^ c, FNV_PRIME);
    const tri = Math.imul(prev2 ^ c, FNV_PRIME);
    if (c < 128) setBit(HASHED_WORDS * 32 + c, data, base, stride);
    else setHashBits(uni, data, base, stride);
    if (i >= 1) setHashBits(bi, data, base, stride);
    if (i >= 2) setHashBits(tri, data, base, stride);
    if (i >= 3) setHashBits(Math.imul(prev3 ^ c, FNV_PRIME), data, base, stride);
    prev3 = tri;
    prev2 = bi;
    prev1 = uni;
  }
}

/**
 * The query's signature as (word, mask) pairs in the order a scan should test them: hashed words
 * with more bits first (each bit is one more n-gram a record must have), the exact ASCII words
 * last (common letters are in nearly every record).
 */
export function querySignature(query: string): { words: number[]; masks: number[] } {
  const sig = new Uint32Array(SIGNATURE_WORDS);
  addGramBits(query, sig, 0, 1);
  const pairs: [word: number, mask: number, order: number][] = [];
  sig.forEach((mask, word) => {
    // As int32, because the scan compares it with the result of `&`.
    if (mask !== 0) pairs.push([word, mask | 0, word < HASHED_WORDS ? popcount(mask) : -1]);
  });
  pairs.sort((a, b) => b[2] - a[2]);
  return { words: pairs.map((p) => p[0]), masks: pairs.map((p) => p[1]) };
}

function popcount(x: number): number {
  let n = 0;
  for (let v = x >>> 0; v !== 0; v &= v - 1) n++;
  return n;
}

/** A 32-bit hash of a whole text, for ruling out exact matches without reading the text. */
export function textHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 15)) >>> 0;
}

/**
 * Characters of a text packed in one int32, for ruling out prefix matches without reading the
 * text: word `word` of the text's head. `wide` packs two 16-bit characters per word (names),
 * otherwise four characters' low bytes (pinyin, initials, tax IDs, which are ASCII). A text
 * starts with the query only if `textHead & mask` equals the query's `head` in every word.
 */
export function packHead(text: string, wide: boolean, word: number): { head: number; mask: number } {
  const count = wide ? 2 : 4;
  const bits = 32 / count;
  let head = 0;
  let mask = 0;
  for (let i = word * count; i < (word + 1) * count; i++) {
    head <<= bits;
    mask <<= bits;
    if (i < text.length) {
      const c = text.charCodeAt(i);
      // Narrow: non-ASCII characters to the upper half, so that 佳 (U+4F73) is not an "s".
      head |= wide ? c : c < 0x80 ? c : 0x80 | (c & 0x7f);
      mask |= (1 << bits) - 1;
    }
  }
  return { head, mask };
}
