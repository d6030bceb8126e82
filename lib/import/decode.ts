/**
 * The text of a CSV or pasted file, whatever encoding Excel or WPS saved it in: UTF-8 (with or without BOM), or
 * GB18030 (which covers GBK and GB2312). UTF-8 is tried strictly first: GBK bytes are almost never valid UTF-8.
 */
export type DecodedText =
  | { ok: true; text: string; encoding: 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be' }
  | { ok: false; reason: 'empty' | 'binary' };

const BOMS = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
] as const;

/** Control characters other than tab, newlines and form feed: text files have none, binary files plenty. */
function controlCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 32 && code !== 9 && code !== 10 && code !== 12 && code !== 13) n++;
  }
  return n;
}
const SAMPLE = 65536;

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  const bom = BOMS.find((b) => b.bytes.every((byte, i) => bytes[i] === byte));
  let text: string;
  let encoding: 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';
  if (bom) {
    encoding = bom.encoding;
    text = new TextDecoder(encoding).decode(bytes.subarray(bom.bytes.length));
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      encoding = 'utf-8';
    } catch {
      text = new TextDecoder('gb18030').decode(bytes);
      encoding = 'gb18030';
    }
  }
  const sample = text.slice(0, SAMPLE);
  if (controlCount(sample) * 100 > sample.length) return { ok: false, reason: 'binary' };
  if (text.trim() === '') return { ok: false, reason: 'empty' };
  return { ok: true, text, encoding };
}
