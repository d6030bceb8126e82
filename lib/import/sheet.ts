import Papa from 'papaparse';
import { restoreFormulaText } from '../export/neutralize';
import { decodeText } from './decode';
import { MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS } from './limits';
import type { FileProblem } from './problems';
import type { SheetCell } from './rows';
import { sniff } from './sniff';
import { readMarkupWorkbook, readOleWorkbook, readZipWorkbook, withoutBlankTail } from './workbook';

/** One sheet of a file, cell by cell as the file stored it. */
export interface Sheet {
  name: string;
  rows: SheetCell[][];
}

/** The sheets, or why there are none; `line` (from 1) is where in a text file the problem is, when known. */
export type SheetsResult = { ok: true; sheets: Sheet[] } | { ok: false; problem: FileProblem; line?: number };

/**
 * The sheets of an import file, told apart by their bytes rather than their names: a workbook (.xlsx, .xls, .ods,
 * an HTML table saved as .xls) or text (.csv in any encoding Excel or WPS writes, tab-separated cells pasted from
 * Excel). Pure and synchronous: it runs in the page or a Worker, never in the service worker.
 */
export function readSheets(bytes: Uint8Array, fileName = ''): SheetsResult {
  if (bytes.length === 0) return { ok: false, problem: 'empty' };
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, problem: 'tooLarge' };
  const kind = sniff(bytes);
  if (kind === 'zip') return readZipWorkbook(bytes);
  if (kind === 'ole') return readOleWorkbook(bytes);
  if (kind === 'cutMagic') return { ok: false, problem: 'damaged' };
  if (kind !== 'other') return { ok: false, problem: kind };
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    const { reason, line } = decoded;
    return line === undefined ? { ok: false, problem: reason } : { ok: false, problem: reason, line };
  }
  return readMarkupWorkbook(decoded.text) ?? textSheet(decoded.text, fileName.replace(/\.[^.]*$/, '') || 'CSV');
}

const DELIMITERS = ['\t', ',', ';', '|'] as const;

/** The first line with something on it, found without splitting a file of many megabytes into lines. */
function firstLine(text: string): string {
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(start, end);
    if (line.trim()) return line;
    start = end + 1;
  }
  return '';
}

/** How often the line uses each separator: cells pasted from Excel are tab-separated, CSV files comma-separated. */
function delimiterOf(line: string): { delimiter: string; cells: number } {
  const count = (d: string) => line.split(d).length - 1;
  const delimiter = DELIMITERS.reduce<string>((best, d) => (count(d) > count(best) ? d : best), ',');
  return { delimiter, cells: count(delimiter) + 1 };
}

const BLANK_TAIL = new Set([',', '\t', ';', '|', ' ', '\r', '\n']);

/** The text without the lines of empty cells Excel writes for rows that were only formatted. */
function withoutBlankLines(text: string): string {
  let end = text.length;
  while (end > 0 && BLANK_TAIL.has(text.charAt(end - 1))) end--;
  const newline = text.indexOf('\n', end);
  return newline < 0 ? text : text.slice(0, newline + 1);
}

/** CSV or pasted cells: commas, tabs, semicolons or bars, whichever the text uses. Every cell is text. */
function textSheet(text: string, name: string): SheetsResult {
  const body = withoutBlankLines(text);
  const { delimiter, cells } = delimiterOf(firstLine(body));
  if (cells > MAX_COLUMNS) return { ok: false, problem: 'tooWide' };
  // One row more than allowed is enough to know the file has too many.
  const parsed = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: false, preview: MAX_ROWS + 1 });
  const unclosed = parsed.errors.find((e) => e.code === 'MissingQuotes');
  if (unclosed) return { ok: false, problem: 'badQuotes', line: (unclosed.row ?? 0) + 1 };
  // A CSV from Taitou's own export has an apostrophe before text a spreadsheet would run as a formula: take it off
  // again (a workbook's text cells never carry one, so an apostrophe there is the clerk's).
  const rows = withoutBlankTail(
    parsed.data.map((row) => row.map((cell): SheetCell => ({ text: restoreFormulaText(cell) }))),
  );
  if (rows.length > MAX_ROWS) return { ok: false, problem: 'tooManyRows' };
  if (rows.some((row) => row.length > MAX_COLUMNS)) return { ok: false, problem: 'tooWide' };
  return { ok: true, sheets: [{ name, rows }] };
}
