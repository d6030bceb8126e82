import Papa from 'papaparse';
import { neutralizeFormula } from './neutralize';
import { type Table, TableMetaSchema } from './table';

/** Excel takes a CSV for UTF-8 only when it starts with a byte order mark; without it, a Chinese Excel reads GBK. */
const BOM = '\uFEFF';
const CRLF = '\r\n';
/** A number and nothing else: no operator after it can make it a formula. */
const SIGNED_NUMBER = /^-?\d+(\.\d+)?%?$/;

/**
 * A table as CSV text for Excel and WPS: a BOM first, CRLF line ends, RFC 4180 quoting (a cell holding a comma,
 * quote, line break or edge space is quoted, quotes doubled), formulas neutralised (see neutralize.ts). Encode it
 * as UTF-8 (a Blob does) to save it.
 */
export function toCsv(table: Table): string {
  TableMetaSchema.parse(table);
  const signed = new Set(table.signed ?? []);
  const rows = table.rows.map((row) =>
    row.map((cell, column) => (signed.has(column) && SIGNED_NUMBER.test(cell) ? cell : neutralizeFormula(cell))),
  );
  if (rows.length === 0) return BOM;
  return BOM + Papa.unparse(rows, { delimiter: ',', newline: CRLF, quoteChar: '"', escapeFormulae: false }) + CRLF;
}
