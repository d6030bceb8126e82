/**
 * The table of contents of a zip file (an .xlsx is one), read before any of it is unpacked: which files it holds,
 * how big they are unpacked and their checksums. The workbook library trusts whatever it inflates; a file cut short
 * or with damaged bytes must be caught here instead.
 */
interface ZipEntry {
  name: string;
  /** Unpacked size as the directory states it. */
  size: number;
  /** Packed size as the directory states it (checked: the packed bytes lie within the file). */
  packed: number;
  crc32: number;
  encrypted: boolean;
}

/**
 * The directory, 'damaged' when the file is cut short or its directory is broken, 'zip64' when it uses the 64-bit
 * extension (needed only past 4 GB or 65,535 files; its directory is not read here).
 */
type ZipDirectory = { ok: true; entries: ZipEntry[] } | { ok: false; problem: 'damaged' | 'zip64' };

const END = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const END_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
const MAX_COMMENT = 0xffff;

const utf8 = new TextDecoder();

/** The entries of a zip file's central directory, each checked against its local header. */
export function readZipDirectory(bytes: Uint8Array): ZipDirectory {
  const damaged = { ok: false, problem: 'damaged' } as const;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record closes the file, followed only by its own comment.
  let end = -1;
  for (let i = bytes.length - END_SIZE; i >= Math.max(0, bytes.length - END_SIZE - MAX_COMMENT); i--) {
    if (view.getUint32(i, true) === END && i + END_SIZE + view.getUint16(i + 20, true) <= bytes.length) {
      end = i;
      break;
    }
  }
  if (end < 0) return damaged;
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const start = view.getUint32(end + 16, true);
  if (count === 0xffff || start === 0xffffffff) return { ok: false, problem: 'zip64' };
  if (start + size > end) return damaged;
  const entries: ZipEntry[] = [];
  let at = start;
  for (let n = 0; n < count; n++) {
    if (at + CENTRAL_SIZE > end || view.getUint32(at, true) !== CENTRAL) return damaged;
    const flags = view.getUint16(at + 8, true);
    const crc32 = view.getUint32(at + 16, true);
    const packed = view.getUint32(at + 20, true);
    const unpacked = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const nameBytes = bytes.subarray(at + CENTRAL_SIZE, at + CENTRAL_SIZE + nameLength);
    if (packed === 0xffffffff || unpacked === 0xffffffff || local === 0xffffffff)
      return { ok: false, problem: 'zip64' };
    if (local + LOCAL_SIZE > start || view.getUint32(local, true) !== LOCAL) return damaged;
    const localName = bytes.subarray(local + LOCAL_SIZE, local + LOCAL_SIZE + view.getUint16(local + 26, true));
    if (!sameBytes(nameBytes, localName)) return damaged;
    const dataEnd = local + LOCAL_SIZE + localName.length + view.getUint16(local + 28, true) + packed;
    if (dataEnd > start) return damaged;
    entries.push({ name: utf8.decode(nameBytes), size: unpacked, packed, crc32, encrypted: (flags & 1) === 1 });
    at += CENTRAL_SIZE + nameLength + extraLength + commentLength;
  }
  return { ok: true, entries };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 as zip stores it (IEEE 802.3, reflected). */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = (CRC_TABLE[(crc ^ (bytes[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
