import { defaultEntry } from '../domain/billing';
import type { Customer } from '../domain/customer';
import { taxIdForPlatform } from './platform-customers';
import type { Table } from './table';

/**
 * The buyer columns of the platform's batch-issue template V260401 (批量开具): sheet 1-发票基本信息, notes on rows 1
 * and 2, the header on row 3, one invoice per row from row 4, every cell text. Only the buyer columns are filled, each
 * at the template's own column letter, so that the rows can be pasted into the official template over the same
 * columns; the invoice's own columns (流水号, 发票类型, amounts…) are the clerk's to fill.
 */

export const BATCH_ISSUE_SHEET = '1-发票基本信息';
export const BATCH_ISSUE_HEADER_ROW = 2;

/**
 * The one choice of the template's drop-down in column T the public record gives. Filled only when all four details
 * are there: the template then expects them all, and an invoice without them simply does not show them.
 */
export const SHOW_BUYER_DETAILS = '展示地址、电话、开户银行及银行账号';

/** Column letters (A, …, Z, AA, …) to an index from 0. */
function columnIndex(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0) - 1;
}

type BuyerColumn = readonly [letter: string, header: string, value: (c: Customer) => string];

const BUYER_COLUMNS: readonly BuyerColumn[] = [
  ['F', '购买方名称', (c) => c.name],
  ['G', '购买方纳税人识别号', (c) => taxIdForPlatform(c.taxId)],
  ['K', '购买方地址', (c) => defaultEntry(c).address],
  ['Q', '购买方电话', (c) => defaultEntry(c).phone],
  ['R', '购买方开户银行', (c) => defaultEntry(c).bankName],
  ['S', '购买方银行账号', (c) => defaultEntry(c).bankAccount],
  // The template's own header for T; docs/portals.md calls the column 是否展示购买方信息.
  ['T', '是否展示购买方地址电话银行账号', (c) => (showsBuyerDetails(c) ? SHOW_BUYER_DETAILS : '')],
  ['AE', '购买方邮箱', (c) => c.email],
];

const WIDTH = Math.max(...BUYER_COLUMNS.map(([letter]) => columnIndex(letter))) + 1;

function showsBuyerDetails(c: Customer): boolean {
  const entry = defaultEntry(c);
  return [entry.address, entry.phone, entry.bankName, entry.bankAccount].every((v) => v.trim());
}

function row(cells: (c: BuyerColumn) => string): string[] {
  const out = new Array<string>(WIDTH).fill('');
  for (const column of BUYER_COLUMNS) out[columnIndex(column[0])] = cells(column);
  return out;
}

const NOTES = [
  '购买方信息按批量开具模板 V260401「1-发票基本信息」的列位置排列（第 3 行表头，第 4 行起每行一张发票）；请把第 4 行起的各行复制到官方模板的同一位置，再填写发票类型、明细等其余各列。',
  'Buyer details at the columns of the batch-issue template V260401 (sheet 1-发票基本信息; header on row 3, one invoice a row from row 4). Copy the rows from row 4 into the official template at the same place, then fill in the invoice type, items and the other columns.',
];

/** The buyer columns of a batch-issue sheet, one row per customer (the default entry's details). */
export function batchIssueTable(customers: readonly Customer[]): Table {
  const notes = NOTES.map((note) => {
    const cells = new Array<string>(WIDTH).fill('');
    cells[0] = note;
    return cells;
  });
  return {
    name: BATCH_ISSUE_SHEET,
    header: BATCH_ISSUE_HEADER_ROW,
    rows: [...notes, row(([, header]) => header), ...customers.map((c) => row(([, , value]) => value(c)))],
  };
}
