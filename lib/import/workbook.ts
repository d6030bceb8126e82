import { CFB, read, type WorkBook, type WorkSheet } from '@e965/xlsx';
import { z } from '../domain/zod';
import { MAX_COLUMNS, MAX_ROWS, MAX_UNPACKED_BYTES } from './limits';
import type { FileProblem } from './problems';
import type { SheetCell } from './rows';
import type { Sheet, SheetsResult } from './sheet';
import { crc32, readZipDirectory } from './zip';

const fail = (problem: FileProblem): SheetsResult => ({ ok: false, problem });

/** The most an empty file packs to: an empty deflate stream is 2 bytes, one empty stored block 5. */
const EMPTY_PACKED = 8;

/** The part of SheetJS's container (zip or OLE) that is read here; the library types it as `any`. */
const ContainerSchema = z.object({
  FullPaths: z.array(z.string()),
  FileIndex: z.array(z.object({ type: z.number(), content: z.unknown().optional() })),
});
const STREAM = 2;

const utf8 = new TextDecoder();

/**
 * The files of a zip or the streams of an OLE container, unpacked, by lower-case path without the root. SheetJS
 * gives a zip's names byte for byte as Latin-1; they are UTF-8, as the zip directory read here gives them.
 */
function unpack(bytes: Uint8Array, zipNames = false): Map<string, Uint8Array> {
  const container = ContainerSchema.parse(CFB.read(bytes, { type: 'array' }));
  const files = new Map<string, Uint8Array>();
  container.FileIndex.forEach((entry, i) => {
    const full = container.FullPaths[i] ?? '';
    const path = full.slice(full.indexOf('/') + 1);
    const name = zipNames ? utf8.decode(Uint8Array.from(path, (c) => c.charCodeAt(0))) : path;
    const { content } = entry;
    const data = content instanceof Uint8Array ? content : Array.isArray(content) ? Uint8Array.from(content) : null;
    if (entry.type === STREAM && data) files.set(name.toLowerCase(), data);
  });
  return files;
}

/**
 * An .xlsx, .xlsm, .xlsb or .ods, checked before the workbook library reads it: a zip cut short or with damaged
 * bytes (the library would read a damaged sheet as an empty one), one that would unpack to far too much, one
 * encrypted by a zip tool, or a zip that holds something other than a workbook.
 */
export function readZipWorkbook(bytes: Uint8Array): SheetsResult {
  const directory = readZipDirectory(bytes);
  // The 64-bit extension is for archives over 4 GB; a file read here is at most MAX_FILE_BYTES, so one that uses it
  // was not written by a spreadsheet program, and none of the checks below could trust its directory.
  if (!directory.ok) return fail('damaged');
  const { entries } = directory;
  if (entries.some((e) => e.encrypted)) return fail('encrypted');
  if (entries.reduce((sum, e) => sum + e.size, 0) > MAX_UNPACKED_BYTES) return fail('tooLarge');
  // What the library unpacks of a file is as large as the directory states, except for a file stated empty: that one
  // grows to the end of its packed stream, however far that goes.
  if (entries.some((e) => e.size === 0 && e.packed > EMPTY_PACKED)) return fail('damaged');
  let files: Map<string, Uint8Array>;
  try {
    files = unpack(bytes, true);
  } catch {
    return fail('damaged');
  }
  // The sizes above are what the directory states; what was unpacked is what counts (a file stored as it is comes out
  // whole, whatever size the directory gives it). A directory that states a size other than the file's is damaged.
  let unpacked = 0;
  for (const data of files.values()) unpacked += data.length;
  if (unpacked > MAX_UNPACKED_BYTES) return fail('tooLarge');
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    const data = files.get(entry.name.toLowerCase());
    if (!data || data.length !== entry.size || crc32(data) !== entry.crc32) return fail('damaged');
  }
  const kind = zipKind(files);
  if (kind !== 'workbook') return fail(kind);
  if (missingSheet(files)) return fail('damaged');
  for (const [path, data] of files) {
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(path) && (lastValueRow(utf8.decode(data)) ?? 0) > MAX_ROWS) {
      return fail('tooManyRows');
    }
  }
  return parseWorkbook(bytes);
}

function zipKind(files: ReadonlyMap<string, Uint8Array>): 'workbook' | 'document' | 'archive' {
  const text = (path: string) => {
    const data = files.get(path);
    return data ? utf8.decode(data) : '';
  };
  const types = text('[content_types].xml');
  const mimetype = text('mimetype');
  if (files.has('xl/workbook.xml') || files.has('xl/workbook.bin') || /spreadsheetml\.sheet|ms-excel/.test(types)) {
    return 'workbook';
  }
  if (mimetype.startsWith('application/vnd.oasis.opendocument.spreadsheet')) return 'workbook';
  // Apple Numbers: the library says what it cannot read.
  if (files.has('index/document.iwa')) return 'workbook';
  if (/wordprocessingml|presentationml/.test(types) || mimetype.startsWith('application/vnd.oasis.opendocument')) {
    return 'document';
  }
  return 'archive';
}

/**
 * A worksheet the package lists in [Content_Types].xml that is not in the zip: a tool that failed halfway. The
 * library would read it as an empty sheet.
 */
function missingSheet(files: ReadonlyMap<string, Uint8Array>): boolean {
  const types = files.get('[content_types].xml');
  if (!types) return false;
  const overrides = utf8.decode(types).match(/<Override\b[^>]*>/g) ?? [];
  return overrides.some((tag) => {
    const part = /PartName="\/?([^"]+)"/.exec(tag)?.[1];
    return part !== undefined && /worksheet\+xml/.test(tag) && !files.has(part.toLowerCase());
  });
}

/**
 * The number of the last row of a worksheet's XML that holds a value, found from the end without parsing: rows
 * styled but empty do not count. Null when the rows carry no numbers (the library then counts them).
 */
function lastValueRow(xml: string): number | null {
  // A value is <v> (numbers, shared strings) or <t> (inline strings), with or without a namespace prefix.
  const value = Math.max(...['</v>', ':v>', '</t>', ':t>'].map((tag) => xml.lastIndexOf(tag)));
  if (value < 0) return 0;
  const row = Math.max(xml.lastIndexOf('<row', value), xml.lastIndexOf(':row ', value));
  if (row < 0) return null;
  const number = /\sr=["'](\d+)["']/.exec(xml.slice(row, xml.indexOf('>', row)));
  return number ? Number(number[1]) : null;
}

/** Sector numbers from here up are markers (end of chain, free…), not sectors. */
const MAX_SECTOR = 0xfffffffa;
const HEADER_FAT_SECTORS = 109;

/**
 * An OLE file (.xls) cut short: the header's first FAT sectors, the directory, or a sector the FAT links a stream
 * to, lies past the end of the file.
 */
function oleCutShort(bytes: Uint8Array): boolean {
  if (bytes.length < 512) return true;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(30, true);
  if (shift !== 9 && shift !== 12) return false;
  const size = 1 << shift;
  // Sector n starts after the header, which takes one sector.
  const missing = (sector: number) => (sector + 1) * size >= bytes.length;
  const directory = view.getUint32(48, true);
  if (directory < MAX_SECTOR && missing(directory)) return true;
  for (let k = 0; k < Math.min(view.getUint32(44, true), HEADER_FAT_SECTORS); k++) {
    const sector = view.getUint32(76 + 4 * k, true);
    if (sector >= MAX_SECTOR) continue;
    if (missing(sector) || (sector + 2) * size > bytes.length) return true;
    const start = (sector + 1) * size;
    for (let e = 0; e < size / 4; e++) {
      const next = view.getUint32(start + 4 * e, true);
      if (next < MAX_SECTOR && missing(next)) return true;
    }
  }
  return false;
}

/**
 * An .xls (or an .xlsx protected by a password, which Excel stores in an OLE container): cut short, encrypted,
 * a Word or PowerPoint file, or some other OLE file that is no workbook.
 */
export function readOleWorkbook(bytes: Uint8Array): SheetsResult {
  if (oleCutShort(bytes)) return fail('damaged');
  let streams: Map<string, Uint8Array>;
  try {
    streams = unpack(bytes);
  } catch {
    return fail('damaged');
  }
  if (streams.has('encryptioninfo') || streams.has('encryptedpackage')) return fail('encrypted');
  if (streams.has('worddocument') || streams.has('powerpoint document')) return fail('document');
  if (!streams.has('workbook') && !streams.has('book')) return fail('binary');
  return parseWorkbook(bytes);
}

/** How HTML and XML files begin (a CSV whose first cell starts with < does not). */
const MARKUP_START = /^<(?:!--|(?:!doctype|\?xml|html|head|body|meta|table|workbook)[\s>])/i;

/**
 * A workbook saved as markup: an HTML table (Excel's "web page", and the .xls many Chinese systems export) or
 * Excel 2003 XML. Null when the text is not markup; 'webPage' for markup with no table in it, such as a sign-in
 * page saved in place of an export.
 */
export function readMarkupWorkbook(text: string): SheetsResult | null {
  if (!MARKUP_START.test(text.slice(0, 4096).trimStart())) return null;
  if (/<table[\s>]/i.test(text)) return parseWorkbook(text, true);
  if (text.includes('urn:schemas-microsoft-com:office:spreadsheet')) return parseWorkbook(text);
  return fail('webPage');
}

/** `html`: every cell is text, as the page shows it (a 19-digit account in a table cell is not a number). */
function parseWorkbook(data: Uint8Array | string, html = false): SheetsResult {
  let book: WorkBook;
  try {
    book =
      typeof data === 'string'
        ? read(data, { type: 'string', dense: true, raw: html, cellHTML: false })
        : read(data, { type: 'array', dense: true, cellFormula: false, cellHTML: false });
  } catch (error) {
    return fail(/password/i.test(String(error)) ? 'encrypted' : 'unreadable');
  }
  const sheets: Sheet[] = [];
  for (const name of book.SheetNames) {
    const sheet = book.Sheets[name];
    if (!sheet) continue;
    const rows = sheetRows(sheet);
    if (rows === 'tooWide') return fail('tooWide');
    if (rows.length > MAX_ROWS) return fail('tooManyRows');
    sheets.push({ name, rows });
  }
  return sheets.some((s) => s.rows.length > 0) ? { ok: true, sheets } : fail('empty');
}

/** A worksheet's cells: the text as Excel shows it, and the number when the cell holds one. */
function sheetRows(sheet: WorkSheet): SheetCell[][] | 'tooWide' {
  const data = (sheet['!data'] ?? []) as ({ t?: string; v?: unknown; w?: string } | undefined)[][];
  const rows: SheetCell[][] = [];
  for (const row of data) {
    if ((row?.length ?? 0) > MAX_COLUMNS) return 'tooWide';
    rows.push(
      Array.from(row ?? [], (cell) => {
        if (!cell || cell.v === undefined || cell.v === null) return { text: '' };
        const text = cell.w ?? String(cell.v);
        return cell.t === 'n' && typeof cell.v === 'number' ? { text, number: cell.v } : { text };
      }),
    );
  }
  return withoutBlankTail(rows);
}

/** Rows up to the last one with something in it: Excel keeps rows that were only formatted. */
export function withoutBlankTail<T extends SheetCell[]>(rows: T[]): T[] {
  let end = rows.length;
  while (end > 0 && (rows[end - 1] ?? []).every((cell) => !cell.text.trim())) end--;
  return end === rows.length ? rows : rows.slice(0, end);
}
