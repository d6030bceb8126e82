import { type CellObject, utils, type WorkSheet, write } from '@e965/xlsx';
import { type Table, TableMetaSchema, tableWidth } from './table';

/** Excel's built-in "Text" number format: what a clerk types into the cell later stays text too. */
const TEXT_FORMAT = '@';
/** Column widths are guessed from this many rows; a wider cell further down only wraps. */
const WIDTH_SAMPLE_ROWS = 2000;
const MAX_COLUMN_WIDTH = 60;

/** Display width in Excel's character units: CJK and other wide characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) > 0x2e7f ? 2 : 1;
  return width;
}

function columnWidths(rows: readonly (readonly string[])[], width: number): { wch: number }[] {
  const widths = new Array<number>(width).fill(4);
  for (const row of rows.slice(0, WIDTH_SAMPLE_ROWS)) {
    row.forEach((cell, col) => {
      const longestLine = Math.max(...cell.split('\n').map(displayWidth));
      widths[col] = Math.min(MAX_COLUMN_WIDTH, Math.max(widths[col] ?? 0, longestLine + 2));
    });
  }
  return widths.map((wch) => ({ wch }));
}

function worksheet(table: Table): WorkSheet {
  const width = tableWidth(table);
  const rows = table.rows.map((row) => Array.from({ length: width }, (_, col) => row[col] ?? ''));
  // Every cell, empty ones included, is a text cell in the Text format: a 19-digit account typed into an empty
  // cell later would otherwise become 6.22E+18. The text goes in as it is, without neutralizeFormula's apostrophe:
  // a text cell is never evaluated, so the apostrophe would only show as text ('+86 571…) and travel on into the
  // tax platform's upload.
  const data: CellObject[][] = rows.map((row) => row.map((v) => ({ t: 's', v, z: TEXT_FORMAT })));
  const sheet: WorkSheet = { '!data': data };
  if (width > 0 && rows.length > 0) {
    sheet['!ref'] = utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length - 1, c: width - 1 } });
    sheet['!cols'] = columnWidths(rows, width);
  }
  if (width > 0 && rows.length > table.header + 1) {
    sheet['!autofilter'] = {
      ref: utils.encode_range({ s: { r: table.header, c: 0 }, e: { r: rows.length - 1, c: width - 1 } }),
    };
  }
  return sheet;
}

/**
 * The bytes of an .xlsx workbook with one sheet per table, in order. Every cell is a text cell (type `s`, number
 * format `@`) holding the text exactly as stored, so tax IDs with leading zeros, 19-digit accounts and text such as
 * `+86 571 8888 8888` or `=HYPERLINK(…)` open in Excel as typed and are never run (see neutralize.ts for why CSV
 * differs). Throws when there is no table, or a sheet name is not one Excel takes or appears twice.
 */
export function toXlsx(tables: readonly Table[]): Uint8Array {
  if (tables.length === 0) throw new Error('A workbook needs at least one sheet');
  const book = utils.book_new();
  const names = new Set<string>();
  for (const table of tables) {
    const { name } = TableMetaSchema.parse(table);
    // Excel compares sheet names without case.
    if (names.has(name.toLowerCase())) throw new Error(`Two sheets are named ${name}`);
    names.add(name.toLowerCase());
    utils.book_append_sheet(book, worksheet(table), name);
  }
  // bookSST: every text cell is a shared-string cell (t="s"), as Excel writes text. Without it the writer uses
  // t="str", which the format defines as a formula's cached string; harmless without an <f>, but needlessly odd.
  return new Uint8Array(write(book, { type: 'array', bookType: 'xlsx', compression: true, bookSST: true }));
}
