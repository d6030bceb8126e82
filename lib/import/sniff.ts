/**
 * What a file is, from its first bytes: clerks pick files by name, and names lie (a PDF invoice saved as .xlsx, a
 * screenshot of a customer list, a .csv.gz with its last extension dropped).
 */
type Sniffed =
  | 'zip'
  | 'ole'
  /** The first bytes of a zip or OLE workbook and nothing after them. */
  | 'cutMagic'
  | 'pdf'
  | 'image'
  | 'archive'
  | 'document'
  /** Nothing recognised: text, or binary the decoder will tell apart. */
  | 'other';

const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** An archive with no files in it starts with its end record. */
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const SIGNATURES: readonly { magic: readonly number[]; at?: number; kind: Exclude<Sniffed, 'zip' | 'ole'> }[] = [
  { magic: ascii('%PDF-'), kind: 'pdf' },
  { magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], kind: 'image' }, // PNG
  { magic: [0xff, 0xd8, 0xff], kind: 'image' }, // JPEG
  { magic: ascii('GIF87a'), kind: 'image' },
  { magic: ascii('GIF89a'), kind: 'image' },
  { magic: [0x49, 0x49, 0x2a, 0x00], kind: 'image' }, // TIFF, little-endian
  { magic: [0x4d, 0x4d, 0x00, 0x2a], kind: 'image' }, // TIFF, big-endian
  { magic: ascii('ftypheic'), at: 4, kind: 'image' }, // photos from an iPhone
  { magic: ascii('ftypheix'), at: 4, kind: 'image' },
  { magic: ascii('ftypmif1'), at: 4, kind: 'image' },
  { magic: [0x1f, 0x8b], kind: 'archive' }, // gzip
  { magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], kind: 'archive' }, // 7z
  { magic: [...ascii('Rar!'), 0x1a, 0x07], kind: 'archive' },
  { magic: EMPTY_ZIP, kind: 'archive' },
  { magic: ascii('{\\rtf'), kind: 'document' },
];

const has = (bytes: Uint8Array, magic: readonly number[], at = 0) =>
  bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);

/** A BMP states its own length in bytes 2–5; text that happens to start with "BM" does not. */
function isBmp(bytes: Uint8Array): boolean {
  if (bytes.length < 26 || bytes[0] !== 0x42 || bytes[1] !== 0x4d) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return view.getUint32(2, true) === bytes.length;
}

/** The kind of file the bytes start like. */
export function sniff(bytes: Uint8Array): Sniffed {
  if (has(bytes, ZIP)) return 'zip';
  if (has(bytes, OLE)) return 'ole';
  if (bytes.length > 0 && bytes.length < OLE.length) {
    const prefixOf = (magic: readonly number[]) => Array.from(bytes).every((b, i) => magic[i] === b);
    if (prefixOf(ZIP) || prefixOf(OLE)) return 'cutMagic';
  }
  if (isBmp(bytes) || (has(bytes, ascii('RIFF')) && has(bytes, ascii('WEBP'), 8))) return 'image';
  return SIGNATURES.find((s) => has(bytes, s.magic, s.at))?.kind ?? 'other';
}
