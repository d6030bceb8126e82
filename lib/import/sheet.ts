import { read, type WorkSheet } from '@e965/xlsx';
import Papa from 'papaparse';
import { decodeText } from './decode';
import type { SheetCell } from './rows';

/** One sheet of a file, cell by cell as the file stored it. */
export interface Sheet {
  name: string;
  rows: SheetCell[][];
}

export type FileProblem = 'empty' | 'binary' | 'unreadable' | 'tooLarge' | 'tooWide';
export type SheetsResult = { ok: true; sheets: Sheet[] } | { ok: false; problem: FileProblem };

/** Bigger files are not customer lists; reading them would only hang the page. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** A customer list has a dozen columns; thousands mean a file that is not one. */
export const MAX_COLUMNS = 200;

const ZIP = [0x50, 0x4b, 0x03, 0x04]; // .xlsx
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // .xls
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * The sheets of an import file, told apart by their bytes rather than their names: a workbook (.xlsx, .xls) or
 * text (.csv in any encoding Excel or WPS writes, tab-separated cells pasted from Excel). Runs in the page.
 */
export function readSheets(bytes: Uint8Array, fileName = ''): SheetsResult {
  if (bytes.length === 0) return { ok: false, problem: 'empty' };
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, problem: 'tooLarge' };
  if (startsWith(bytes, ZIP) || startsWith(bytes, OLE)) return readWorkbook(bytes);
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, problem: decoded.reason };
  return textSheet(decoded.text, fileName.replace(/\.[^.]*$/, '') || 'CSV');
}

function readWorkbook(bytes: Uint8Array): SheetsResult {
  let book: ReturnType<typeof read>;
  try {
    book = read(bytes, { type: 'array', dense: true, cellFormula: false, cellHTML: false });
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
  const sheets: Sheet[] = [];
  for (const name of book.SheetNames) {
    const sheet = book.Sheets[name];
    if (!sheet) continue;
    const rows = sheetRows(sheet);
    if (rows === null) return { ok: false, problem: 'tooWide' };
    sheets.push({ name, rows });
  }
  return sheets.some((s) => s.rows.length > 0) ? { ok: true, sheets } : { ok: false, problem: 'empty' };
}

/** A worksheet's cells: the text as Excel shows it, and the number when the cell holds one. */
function sheetRows(sheet: WorkSheet): SheetCell[][] | null {
  const data = (sheet['!data'] ?? []) as ({ t?: string; v?: unknown; w?: string } | undefined)[][];
  const rows: SheetCell[][] = [];
  for (const row of data) {
    if ((row?.length ?? 0) > MAX_COLUMNS) return null;
    rows.push(
      Array.from(row ?? [], (cell) => {
        if (!cell || cell.v === undefined || cell.v === null) return { text: '' };
        const text = cell.w ?? String(cell.v);
        return cell.t === 'n' && typeof cell.v === 'number' ? { text, number: cell.v } : { text };
      }),
    );
  }
  return rows;
}

const DELIMITERS = ['\t', ',', ';', '|'] as const;

/** The separator the first line uses most: cells pasted from Excel are tab-separated, CSV files comma-separated. */
function delimiterOf(text: string): string {
  const first = text.split(/\r?\n/).find((line) => line.trim()) ?? '';
  const count = (d: string) => first.split(d).length - 1;
  return DELIMITERS.reduce((best, d) => (count(d) > count(best) ? d : best), ',');
}

/** CSV or pasted cells: commas, tabs, semicolons or bars, whichever the text uses. Every cell is text. */
function textSheet(text: string, name: string): SheetsResult {
  const parsed = Papa.parse<string[]>(text, { delimiter: delimiterOf(text), skipEmptyLines: false });
  const rows = parsed.data;
  if (rows.some((row) => row.length > MAX_COLUMNS)) return { ok: false, problem: 'tooWide' };
  return { ok: true, sheets: [{ name, rows: rows.map((row) => row.map((cell) => ({ text: cell }))) }] };
}
