import { type ColumnTarget, findHeader, mapColumns } from './columns';
import { HEADER_SEARCH_ROWS } from './limits';
import type { ImportProblem } from './problems';
import type { SheetCell } from './rows';
import { readSheets } from './sheet';

/** A sheet of the chosen file, with its header row found. */
export interface ImportSheet {
  name: string;
  rows: SheetCell[][];
  /** The header row (an index into `rows`) and each column's target; null when the sheet has no header. */
  header: { row: number; columns: ColumnTarget[] } | null;
  /** Rows under the header with something in them: the customers the sheet may hold. */
  dataRows: number;
}

/**
 * Every sheet of a file that has customers to import, or the one reason it has none (see problemMessage for what
 * to tell the clerk). `line` (from 1) is where in a text file the problem is, when known.
 */
export type ImportFile = { ok: true; sheets: ImportSheet[] } | { ok: false; problem: ImportProblem; line?: number };

const blank = (row: readonly SheetCell[]) => row.every((cell) => !cell.text.trim());

/**
 * Read the file a clerk picked for import: its sheets, each with its header row and column targets, or a problem
 * when no sheet has a customer to import. A problem means nothing may be written. Pure and synchronous: it runs in
 * the page or a Worker, never in the service worker.
 */
export function readImportFile(bytes: Uint8Array, fileName: string): ImportFile {
  const read = readSheets(bytes, fileName);
  if (!read.ok) return read;
  const sheets = read.sheets.map((sheet): ImportSheet => {
    const header = findHeader(sheet.rows.map((row) => row.map((cell) => cell.text)));
    const dataRows = header ? sheet.rows.slice(header.row + 1).filter((row) => !blank(row)).length : 0;
    return { name: sheet.name, rows: sheet.rows, header, dataRows };
  });
  if (sheets.every((sheet) => sheet.rows.every(blank))) return { ok: false, problem: 'empty' };
  const withHeader = sheets.filter((sheet) => sheet.header);
  if (withHeader.length === 0) {
    return { ok: false, problem: sheets.some(hasHeaderWithoutName) ? 'noNameColumn' : 'noHeader' };
  }
  if (withHeader.every((sheet) => sheet.dataRows === 0)) return { ok: false, problem: 'noRows' };
  return { ok: true, sheets };
}

/** A row near the top naming two or more columns Taitou knows, none of them the name. */
function hasHeaderWithoutName(sheet: ImportSheet): boolean {
  return sheet.rows.slice(0, HEADER_SEARCH_ROWS).some((row) => {
    const targets = mapColumns(row.map((cell) => cell.text)).filter(Boolean);
    return targets.length >= 2 && !targets.includes('name');
  });
}
