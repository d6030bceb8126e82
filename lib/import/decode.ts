/**
 * The text of a CSV or pasted file, whatever encoding Excel or WPS saved it in: UTF-8 (with or without BOM), UTF-16
 * (with BOM, as Excel saves "Unicode text", or without, as some exporters do), or GB18030 (which covers GBK and
 * GB2312). UTF-8 is tried strictly first: GBK bytes are almost never valid UTF-8.
 */
type Encoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/**
 * Why bytes are not usable text: nothing in them; binary; cut short in the middle of a character ('damaged');
 * lines in UTF-8 and lines in GBK in one file ('mixedEncoding'); bytes that are no character in any encoding
 * tried ('undecodable'); NUL bytes or other control characters that text never holds ('controlChars').
 */
type DecodeProblem = 'empty' | 'binary' | 'damaged' | 'mixedEncoding' | 'undecodable' | 'controlChars';

type DecodedText =
  | { ok: true; text: string; encoding: Encoding }
  | {
      ok: false;
      reason: DecodeProblem;
      /** The line (from 1) where control characters were found. */
      line?: number;
    };

const BOMS = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
] as const;

/** Tab, line feed, form feed and carriage return are text; other codes below 32 are not. */
const isControl = (code: number) => code < 32 && code !== 9 && code !== 10 && code !== 12 && code !== 13;
/** DOS tools end a text file with Ctrl-Z; it carries no data. */
const DOS_EOF = 0x1a;
/**
 * Binary files are judged on their first 64 KB: a text file has no control characters there, a binary one plenty
 * (over 1 in 100).
 */
const SAMPLE = 65536;

/** A sequence of character codes: the bytes of a file, or the UTF-16 units of its decoded text. */
type Codes = (i: number) => number;

/** Where a run of NULs at the end begins: a save that failed can leave the rest of the file zeroed. */
function paddingStart(length: number, code: Codes): number {
  let end = length;
  while (end > 0 && code(end - 1) === 0) end--;
  return end;
}

function isBinary(length: number, code: Codes): boolean {
  const sample = Math.min(length, SAMPLE);
  let controls = 0;
  for (let i = 0; i < sample; i++) if (isControl(code(i))) controls++;
  // A few stray control characters make damaged text, not a binary file.
  return controls * 100 > sample && controls >= 8;
}

/** Decode bytes a clerk chose as a CSV or text file. */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  const bom = BOMS.find((b) => b.bytes.every((byte, i) => bytes[i] === byte));
  const wide = bom ? (bom.encoding === 'utf-8' ? null : bom.encoding) : utf16WithoutBom(bytes);
  if (wide) {
    const body = bytes.subarray(bom ? 2 : 0);
    if (body.length % 2 === 1) return { ok: false, reason: 'damaged' };
    const text = new TextDecoder(wide).decode(body);
    if (text.includes('\uFFFD')) return { ok: false, reason: 'undecodable' };
    return checkText(text, wide);
  }
  const body = bytes.subarray(bom ? 3 : 0);
  const byte: Codes = (i) => body[i] as number;
  const textEnd = paddingStart(body.length, byte);
  if (body.length > 0 && (textEnd === 0 || isBinary(textEnd, byte))) return { ok: false, reason: 'binary' };
  try {
    return checkText(new TextDecoder('utf-8', { fatal: true }).decode(body), 'utf-8');
  } catch {
    if (cutInCharacter(body)) return { ok: false, reason: 'damaged' };
    if (mixedEncodings(body)) return { ok: false, reason: 'mixedEncoding' };
    const text = new TextDecoder('gb18030').decode(body);
    const bad = text.indexOf('\uFFFD');
    // A GBK file cut after the first byte of its last character.
    if (bad >= 0 && bad === text.length - 1) return { ok: false, reason: 'damaged' };
    if (bad >= 0) return { ok: false, reason: 'undecodable' };
    return checkText(text, 'gb18030');
  }
}

function checkText(text: string, encoding: Encoding): DecodedText {
  const code: Codes = (i) => text.charCodeAt(i);
  let end = paddingStart(text.length, code);
  const padded = end < text.length;
  if (end > 0 && code(end - 1) === DOS_EOF) end--;
  if (end === 0 ? padded : isBinary(end, code)) return { ok: false, reason: 'binary' };
  for (let i = 0; i < end; i++) {
    if (isControl(code(i))) return { ok: false, reason: 'controlChars', line: lineAt(text, i) };
  }
  if (padded) return { ok: false, reason: 'controlChars', line: lineAt(text, end) };
  const body = text.slice(0, end);
  if (body.trim() === '') return { ok: false, reason: 'empty' };
  return { ok: true, text: body, encoding };
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * UTF-16 without a byte-order mark, told by its zero bytes: the digits, commas and line breaks of a CSV are ASCII,
 * whose UTF-16 form has a zero in every other byte (the second of each pair in little-endian, the first in
 * big-endian), while Chinese characters have none.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const length = Math.min(bytes.length, 4096) & ~1;
  if (length < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = length / 2;
  if (oddZeros >= pairs / 5 && evenZeros <= pairs / 50) return 'utf-16le';
  if (evenZeros >= pairs / 5 && oddZeros <= pairs / 50) return 'utf-16be';
  return null;
}

/** The length of the well-formed UTF-8 sequence that starts at `i` (Unicode table 3-7), or 0. */
function utf8Length(bytes: Uint8Array, i: number): number {
  const lead = bytes[i] ?? 0;
  const next = (k: number, low = 0x80, high = 0xbf) => {
    const b = bytes[i + k];
    return b !== undefined && b >= low && b <= high;
  };
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return next(1) ? 2 : 0;
  if (lead >= 0xe0 && lead <= 0xef) {
    const [low, high] = lead === 0xe0 ? [0xa0, 0xbf] : lead === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
    return next(1, low, high) && next(2) ? 3 : 0;
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    const [low, high] = lead === 0xf0 ? [0x90, 0xbf] : lead === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    return next(1, low, high) && next(2) && next(3) ? 4 : 0;
  }
  return 0;
}

/** UTF-8 that is well-formed up to a last character the file stops in the middle of: a download or copy cut short. */
function cutInCharacter(bytes: Uint8Array): boolean {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const at = bytes.length - back;
    const b = bytes[at] ?? 0;
    if (b >= 0xc2 && b <= 0xf4) {
      const needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      if (needed <= back) return false;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, at));
        return true;
      } catch {
        return false;
      }
    }
    if (b < 0x80 || b > 0xbf) return false;
  }
  return false;
}

/**
 * Lines of Chinese in well-formed UTF-8 beside lines that are not UTF-8 at all: two files in different encodings
 * pasted together. Decoding either way would garble one part. A GBK line is well-formed UTF-8 only by a rare
 * accident, and never has a three-byte character as UTF-8 Chinese does.
 */
function mixedEncodings(bytes: Uint8Array): boolean {
  let utf8Lines = 0;
  let otherLines = 0;
  let i = 0;
  while (i < bytes.length) {
    let valid = true;
    let chinese = false;
    let high = false;
    while (i < bytes.length && bytes[i] !== 0x0a) {
      if ((bytes[i] ?? 0) < 0x80) {
        i++;
        continue;
      }
      high = true;
      const length = valid ? utf8Length(bytes, i) : 0;
      if (length === 0) valid = false;
      if (length >= 3) chinese = true;
      i += Math.max(length, 1);
    }
    i++;
    if (high && valid && chinese) utf8Lines++;
    if (high && !valid) otherLines++;
    if (utf8Lines > 0 && otherLines > 0) return true;
  }
  return false;
}
