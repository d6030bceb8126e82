import { toHalfWidth } from '../domain/normalize';

// Brackets of every width become ASCII ones (kept, so a bracketed region can be found); white space and the
// punctuation people scatter through names (·, -, &, quotes, commas) go.
const BRACKETS: Readonly<Record<string, string>> = {
  '【': '(',
  '】': ')',
  '〔': '(',
  '〕': ')',
  '［': '(',
  '］': ')',
  '[': '(',
  ']': ')',
  '{': '(',
  '}': ')',
  '《': '',
  '》': '',
  '〈': '',
  '〉': '',
};
const DROPPED = /[\s·•・.,，、。;；:：'"“”‘’`~!！?？@#$%^&*_+=|\\/<>—–-]+/g;
const BRACKET = /[【】〔〕［］[\]{}《》〈〉]/g;

/**
 * A name folded for comparison: half-width, lower-case, brackets as ASCII ( ), no white space or punctuation.
 * Never shown: the registered name stays as typed.
 */
export function foldName(name: string): string {
  return toHalfWidth(name)
    .toLowerCase()
    .replace(BRACKET, (ch) => BRACKETS[ch] ?? '')
    .replace(DROPPED, '');
}

/** Address text folded the same way, for telling two entries apart or alike. */
export const foldAddress = (address: string) => foldName(address).replace(/[()]/g, '');

/**
 * Optimal string alignment distance (edits: insert, delete, substitute, swap two neighbours), or `max + 1` as soon
 * as it must exceed `max`: names are compared only to tell "one slip of the keyboard" from "another name".
 */
export function editDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  let before = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, j) => j);
  let current = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      ) {
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

/** The digits of a text, for accounts and phones. */
export const digitsOf = (text: string) => toHalfWidth(text).replace(/\D+/g, '');
