// Character classes for folding names, by UTF-16 code unit: a table, because a full scan folds every name and
// address of the book and a chain of regular expressions costs several times as much.
// 0: keep the character.
const DROP = 1;
const OPEN = 2;
const CLOSE = 3;
const CLASS = new Uint8Array(0x10000);
for (const ch of ' \t\n\r\f\v\u00a0\u3000·•・.,，、。;；:：\'"“”‘’`~!！?？@#$%^&*_+=|\\/<>—–-《》〈〉') {
  CLASS[ch.charCodeAt(0)] = DROP;
}
for (const ch of '(（[［【〔{｛') CLASS[ch.charCodeAt(0)] = OPEN;
for (const ch of ')）]］】〕}｝') CLASS[ch.charCodeAt(0)] = CLOSE;

/** A full-width ASCII form (U+FF01–U+FF5E) as its ASCII character; upper-case letters lower-cased. */
function halfWidthLower(code: number): number {
  const c = code >= 0xff01 && code <= 0xff5e ? code - 0xfee0 : code;
  return c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
}

/** The folded code of one character: -1 to drop it; brackets as ( and ) when kept. */
function foldedCode(code: number, brackets: boolean): number {
  let kind = CLASS[code];
  let c = code;
  if (kind === 0) {
    c = halfWidthLower(code);
    kind = CLASS[c];
  }
  if (kind === DROP) return -1;
  if (kind === OPEN) return brackets ? 0x28 : -1;
  if (kind === CLOSE) return brackets ? 0x29 : -1;
  return c;
}

/**
 * A name folded for comparison: half-width, lower-case, brackets of every kind as ASCII ( ), no white space or
 * punctuation (·, -, &, quotes, commas). Never shown: the registered name stays as typed.
 */
export function foldName(name: string, brackets = true): string {
  // Most names and addresses need no change: give them back as they are rather than build a copy.
  let i = 0;
  while (i < name.length && foldedCode(name.charCodeAt(i), brackets) === name.charCodeAt(i)) i++;
  if (i === name.length) return name;
  const codes: number[] = [];
  for (let x = 0; x < i; x++) codes.push(name.charCodeAt(x));
  for (; i < name.length; i++) {
    const c = foldedCode(name.charCodeAt(i), brackets);
    if (c >= 0) codes.push(c);
  }
  return String.fromCharCode(...codes);
}

/**
 * Whether `word` stands in `text` at `at`: startsWith, and endsWith at a position, compared code unit by code unit.
 * Chromium's own are several times slower on Chinese text, and a scan tries a dozen endings on every name.
 */
export function hasAt(text: string, word: string, at: number): boolean {
  if (at < 0 || at + word.length > text.length) return false;
  for (let i = 0; i < word.length; i++) if (text.charCodeAt(at + i) !== word.charCodeAt(i)) return false;
  return true;
}

/** Address text folded the same way, without brackets, for telling two entries apart or alike. */
export const foldAddress = (address: string) => foldName(address, false);

/** The digits of a text (full-width ones too), for accounts and phones. */
export function digitsOf(text: string): string {
  let i = 0;
  while (i < text.length && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
  if (i === text.length) return text;
  const codes: number[] = [];
  for (let x = 0; x < text.length; x++) {
    const code = text.charCodeAt(x);
    if (code >= 0x30 && code <= 0x39) codes.push(code);
    else if (code >= 0xff10 && code <= 0xff19) codes.push(code - 0xfee0);
  }
  return String.fromCharCode(...codes);
}

// Three rows of the distance table, reused between calls: names are short, and a scan compares many.
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)] as const;

/**
 * Optimal string alignment distance (edits: insert, delete, substitute, swap two neighbours), or `max + 1` as soon
 * as it must exceed `max`: names are compared only to tell "one slip of the keyboard" from "another name".
 */
export function editDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  if (rows[0].length < width) rows = [new Int32Array(width), new Int32Array(width), new Int32Array(width)];
  let [before, previous, current] = rows;
  for (let j = 0; j < width; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        d = Math.min(d, (before[j - 2] ?? 0) + 1);
      }
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  const distance = previous[b.length] ?? max + 1;
  return distance > max ? max + 1 : distance;
}
