import { type Finding, finding, hasErrors } from '../domain/findings';
import { type InvoiceDraft, InvoiceDraftSchema, type InvoiceItem } from '../domain/invoice';
import { normalizeTaxId, toHalfWidth } from '../domain/normalize';
import { HEADER_SEARCH_ROWS } from './limits';
import type { SheetCell } from './rows';
import type { Sheet } from './sheet';

/** The columns of the platform's invoice query export (全量发票查询) and the other names seen for them. */
const HEADERS = {
  code: ['发票代码'],
  number: ['发票号码'],
  digitalNumber: ['数电发票号码', '数电票号码', '全电发票号码'],
  sellerTaxId: ['销方识别号', '销售方识别号', '销方纳税人识别号', '销售方纳税人识别号'],
  sellerName: ['销方名称', '销售方名称'],
  buyerTaxId: ['购方识别号', '购买方识别号', '购方纳税人识别号', '购买方纳税人识别号'],
  buyerName: ['购买方名称', '购方名称'],
  issued: ['开票日期', '开票时间'],
  amount: ['金额', '不含税金额'],
  tax: ['税额'],
  total: ['价税合计'],
  origin: ['发票来源'],
  kind: ['发票票种', '票种'],
  status: ['发票状态'],
  positive: ['是否正数发票'],
  risk: ['发票风险等级'],
  issuer: ['开票人'],
  remarks: ['备注'],
  taxCode: ['税收分类编码', '商品和服务税收分类编码'],
  businessType: ['特定业务类型'],
  itemName: ['货物或应税劳务名称', '货物或应税劳务、服务名称', '项目名称'],
  spec: ['规格型号'],
  unit: ['单位'],
  quantity: ['数量'],
  unitPrice: ['单价'],
  taxRate: ['税率', '税率/征收率'],
} as const satisfies Record<string, readonly string[]>;

type InvoiceColumn = keyof typeof HEADERS;
/** Where each column is, by its index in the header row. */
type InvoiceColumns = Partial<Record<InvoiceColumn, number>>;
/** The basic export has one row per invoice; the detailed one a row per item, the invoice's fields repeated. */
type ExportVariant = 'basic' | 'detailed';

interface InvoiceHeader {
  row: number;
  columns: InvoiceColumns;
  variant: ExportVariant;
}

/** Something one row made the import notice; `row` counts from 1 as Excel does. */
interface InvoiceRowFinding {
  sheet: string;
  row: number;
  finding: Finding;
}

export interface InvoiceExport {
  /** The sheets read as an export, and where their header is. */
  sheets: { name: string; header: number; variant: ExportVariant }[];
  invoices: InvoiceDraft[];
  findings: InvoiceRowFinding[];
}

/** A header as compared: half-width, no spaces, no asterisks, no unit such as （元） at the end. */
function plain(header: string): string {
  return toHalfWidth(header)
    .replace(/\s+|\*/g, '')
    .replace(/\((?:元|%|人民币)\)$/, '');
}

const BY_HEADER = new Map<string, InvoiceColumn>();
for (const [column, texts] of Object.entries(HEADERS) as [InvoiceColumn, readonly string[]][]) {
  for (const text of texts) BY_HEADER.set(plain(text), column);
}

/**
 * The header row of an invoice query export among a sheet's first rows (titles may sit above it), or null when the
 * sheet is not one: the header names the invoice number, the date, the buyer and an amount.
 */
export function findInvoiceHeader(rows: readonly (readonly string[])[]): InvoiceHeader | null {
  for (const [row, cells] of rows.slice(0, HEADER_SEARCH_ROWS).entries()) {
    const columns: InvoiceColumns = {};
    cells.forEach((cell, index) => {
      const column = BY_HEADER.get(plain(cell));
      if (column && columns[column] === undefined) columns[column] = index;
    });
    const has = (c: InvoiceColumn) => columns[c] !== undefined;
    const isExport =
      (has('digitalNumber') || has('number')) &&
      has('issued') &&
      (has('buyerTaxId') || has('buyerName')) &&
      (has('total') || has('amount'));
    if (isExport) return { row, columns, variant: has('itemName') ? 'detailed' : 'basic' };
  }
  return null;
}

/** The invoice's own fields, repeated on every item row of the detailed export. */
interface Head {
  id: string;
  code: string;
  number: string;
  digitalNumber: string;
  buyerTaxId: string;
  buyerName: string;
  sellerTaxId: string;
  sellerName: string;
  issuedOn: string;
  issuedTime: string;
  kind: string;
  origin: string;
  status: string;
  /** 是否正数发票: true for 是, false for 否, null when the export has no such column or leaves it empty. */
  positive: boolean | null;
  risk: string;
  issuer: string;
  remarks: string;
}

interface Money {
  amount: number;
  tax: number;
  total: number;
}

/** One data row as read: the invoice it belongs to (when its number could be read) and what it says. */
interface RowRead {
  row: number;
  id: string | null;
  head: Head | null;
  money: Money | null;
  item: InvoiceItem | null;
  findings: Finding[];
}

const WORDS: Record<string, [string, string]> = {
  code: ['发票代码', 'invoice code'],
  number: ['发票号码', 'invoice number'],
  digitalNumber: ['数电发票号码', 'digital invoice number'],
  buyerTaxId: ['购方识别号', "buyer's tax ID"],
  sellerTaxId: ['销方识别号', "seller's tax ID"],
  taxCode: ['税收分类编码', 'tax classification code'],
  amount: ['金额', 'amount'],
  tax: ['税额', 'tax'],
  total: ['价税合计', 'total'],
};
const words = (field: string) => WORDS[field] ?? [field, field];

/** Beyond 15 significant digits a spreadsheet number has lost the rest; text such as 2.53E+19 lost them too. */
const EXACT_DIGITS = 15;

function lostDigits(cell: SheetCell): boolean {
  if (/\d[.,]?\d*e\+\d+/i.test(cell.text)) return true;
  return cell.number !== undefined && Math.abs(cell.number) >= 10 ** EXACT_DIGITS;
}

function digitsLost(field: string, cell: SheetCell, severity: 'error' | 'warning' = 'error'): Finding {
  const [zh, en] = words(field);
  const effect = severity === 'error' ? '这一行未导入' : '这一项留空';
  const effectEn = severity === 'error' ? 'the row was not imported' : 'it was left empty';
  return finding(
    'import.digitsLost',
    field,
    severity,
    `${zh}在表格里存成了数字（${cell.text}），末尾数字已丢失，${effect}：请把这一列设为文本后重新导出`,
    `The ${en} was stored as a number (${cell.text}) and has lost its last digits, so ${effectEn}: make the column text and export again`,
  );
}

/**
 * Digits as a CSV keeps them from Excel: ="2544…" or a leading apostrophe, both to stop Excel from making a number
 * of them, come off with the white space.
 */
const squeeze = (text: string) =>
  toHalfWidth(text)
    .replace(/\s+/g, '')
    .replace(/^="(.*)"$|^'(.*)$/, '$1$2');

/**
 * The digits of an identifier. A number cell has dropped leading zeros: the identifiers have a fixed width, so they
 * are put back (and said so). Null when the digits are gone for good.
 */
function identifier(
  cell: SheetCell | undefined,
  field: 'code' | 'number' | 'digitalNumber',
  findings: Finding[],
): string | null {
  if (!cell?.text.trim()) return '';
  if (lostDigits(cell)) {
    findings.push(digitsLost(field, cell));
    return null;
  }
  if (cell.number === undefined || !Number.isInteger(cell.number)) return squeeze(cell.text);
  const digits = String(cell.number);
  // 发票号码 has 8 digits; 发票代码 10 or 12, and only the 12-digit kind begins with 0.
  const width = field === 'number' ? 8 : field === 'code' && digits.length === 11 ? 12 : digits.length;
  if (digits.length < width) {
    const [zh, en] = words(field);
    findings.push(
      finding(
        'invoice.zerosRestored',
        field,
        'info',
        `${zh}在表格里存成了数字，开头的 0 已按 ${width} 位补回`,
        `The ${en} was stored as a number; its leading zeros were put back to ${width} digits`,
      ),
    );
  }
  return digits.padStart(width, '0');
}

function taxIdOf(cell: SheetCell | undefined, field: 'buyerTaxId' | 'sellerTaxId', findings: Finding[]): string {
  if (!cell?.text.trim()) return '';
  if (lostDigits(cell)) {
    findings.push(digitsLost(field, cell));
    return '';
  }
  return normalizeTaxId(
    cell.number !== undefined && Number.isInteger(cell.number) ? String(cell.number) : squeeze(cell.text),
  );
}

const MONEY = /^([+-]?)(\d+)(?:\.(\d*))?$/;

/** Yuan as text to fen, exactly; null when it is not an amount or has fractions of a fen. */
function fenOfText(text: string): number | null {
  const match = MONEY.exec(text);
  if (!match) return null;
  const [, sign = '', whole = '', fraction = ''] = match;
  if (/[1-9]/.test(fraction.slice(2))) return null;
  const fen = Number(whole) * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) return null;
  return sign === '-' && fen !== 0 ? -fen : fen;
}

/** Within this much of a whole fen, a number cell holds a sum Excel computed in binary (1130.0000000000002). */
const FEN_SLACK = 1e-6;

/**
 * A money cell in fen, exactly: undefined when empty, null when it is not yuan with at most two decimals. 免税 tax
 * prints as ***, which is nothing.
 */
export function fenOfCell(cell: SheetCell | undefined): number | null | undefined {
  if (cell?.number !== undefined) {
    const n = cell.number;
    const exact = fenOfText(String(n));
    if (exact !== null) return exact;
    return Math.abs(n * 100 - Math.round(n * 100)) < FEN_SLACK ? fenOfText(n.toFixed(2)) : null;
  }
  const text = squeeze(cell?.text ?? '')
    .replace(/^[¥￥]|,/g, '')
    .replace(/^([+-]?)[¥￥]/, '$1');
  if (!text) return undefined;
  if (/^\*+$/.test(text)) return 0;
  return fenOfText(text);
}

/** Amount, tax and total of a row; one of them may be missing (it follows from the other two), not two. */
function moneyOf(cells: readonly SheetCell[], columns: InvoiceColumns, findings: Finding[]): Money | null {
  const read: Partial<Money> = {};
  let unreadable = false;
  for (const field of ['amount', 'tax', 'total'] as const) {
    const col = columns[field];
    const cell = col === undefined ? undefined : cells[col];
    const fen = fenOfCell(cell);
    if (fen === null) {
      const [zh, en] = words(field);
      findings.push(
        finding(
          'invoice.badAmount',
          field,
          'error',
          `${zh}“${cell?.text ?? ''}”不是以元为单位、最多两位小数的金额`,
          `The ${en} "${cell?.text ?? ''}" is not an amount in yuan with at most two decimals`,
        ),
      );
      unreadable = true;
    } else if (fen !== undefined) read[field] = fen;
  }
  if (unreadable) return null;
  const { amount, tax, total } = read;
  const money =
    amount !== undefined && tax !== undefined
      ? { amount, tax, total: total ?? amount + tax }
      : amount !== undefined && total !== undefined
        ? { amount, tax: total - amount, total }
        : tax !== undefined && total !== undefined
          ? { amount: total - tax, tax, total }
          : amount !== undefined && columns.tax === undefined && columns.total === undefined
            ? { amount, tax: 0, total: amount }
            : null;
  if (!money) {
    findings.push(finding('invoice.noAmount', 'amount', 'error', '缺少金额', 'The amount is missing'));
    return null;
  }
  if (money.total !== money.amount + money.tax) {
    findings.push(
      finding(
        'invoice.totalMismatch',
        'total',
        'error',
        '价税合计不等于金额加税额',
        'The total is not the amount plus the tax',
      ),
    );
    return null;
  }
  return money;
}

const DATE_TEXT =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+(\d{1,2})[:：](\d{1,2})(?:[:：](\d{1,2}))?)?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const DAY_MS = 86_400_000;
/** Day 0 of Excel's 1900 date system, counted so that serials from March 1900 on come out right. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
/** Serials for 1990-01-01 and 2199-12-31: anything outside is not an invoice date. */
const SERIAL_RANGE = [32_874, 109_572] as const;

const two = (n: number) => String(n).padStart(2, '0');

function dayOf(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${two(month)}-${two(day)}`;
}

/** The day and time an invoice was issued, as Excel gives them: text in several spellings, or a date serial. */
export function issuedOf(cell: SheetCell | undefined): { day: string; time: string } | null {
  if (cell?.number !== undefined) {
    const serial = cell.number;
    if (serial < SERIAL_RANGE[0] || serial > SERIAL_RANGE[1]) return null;
    const seconds = Math.round(serial * 86_400);
    const days = Math.floor(seconds / 86_400);
    const rest = seconds - days * 86_400;
    const date = new Date(EXCEL_EPOCH + days * DAY_MS);
    const day = dayOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
    const time =
      rest === 0 ? '' : `${two(Math.floor(rest / 3600))}:${two(Math.floor(rest / 60) % 60)}:${two(rest % 60)}`;
    return day ? { day, time } : null;
  }
  const text = toHalfWidth(cell?.text ?? '').trim();
  const compact = COMPACT_DATE.exec(text);
  if (compact) {
    const day = dayOf(Number(compact[1]), Number(compact[2]), Number(compact[3]));
    return day ? { day, time: '' } : null;
  }
  const match = DATE_TEXT.exec(text);
  if (!match) return null;
  const [, y, m, d, hh, mm, ss] = match;
  const day = dayOf(Number(y), Number(m), Number(d));
  if (!day) return null;
  if (hh === undefined) return { day, time: '' };
  const [h, min, s] = [Number(hh), Number(mm), Number(ss ?? '0')];
  if (h > 23 || min > 59 || s > 59) return null;
  return { day, time: `${two(h)}:${two(min)}:${two(s)}` };
}

const DIGITAL_NUMBER = /^\d{20}$/;
/** 是否正数发票 as the platform writes it (是/否), and the other spellings seen in re-saved files. */
const POSITIVE = /^(是|正数|正|y|yes)$/i;
const NEGATIVE = /^(否|负数|负|n|no)$/i;

/** What one data row says. `id` is read even when other fields have errors, so that item rows can be grouped. */
function readRow(cells: readonly SheetCell[], row: number, header: InvoiceHeader): RowRead {
  const { columns } = header;
  const findings: Finding[] = [];
  const cell = (column: InvoiceColumn) => {
    const col = columns[column];
    return col === undefined ? undefined : cells[col];
  };
  const textOf = (column: InvoiceColumn) => (cell(column)?.text ?? '').trim();

  const code = identifier(cell('code'), 'code', findings);
  const number = identifier(cell('number'), 'number', findings);
  let digitalNumber = identifier(cell('digitalNumber'), 'digitalNumber', findings);
  // Some exports put a 数电 invoice's 20 digits under 发票号码 and leave 数电发票号码 empty.
  if (digitalNumber === '' && !code && number && DIGITAL_NUMBER.test(number)) digitalNumber = number;
  let id: string | null = null;
  if (digitalNumber && !DIGITAL_NUMBER.test(digitalNumber)) {
    findings.push(
      finding(
        'invoice.badNumber',
        'digitalNumber',
        'error',
        `数电发票号码“${digitalNumber}”不是 20 位数字`,
        `The digital invoice number "${digitalNumber}" is not 20 digits`,
      ),
    );
  } else if (digitalNumber) id = digitalNumber;
  else if (code && number) id = `${code}-${number}`;
  else if (digitalNumber !== null && code !== null && number !== null) {
    findings.push(
      finding(
        'invoice.noNumber',
        'digitalNumber',
        'error',
        '缺少数电发票号码（或发票代码加发票号码），无法确定是哪一张发票',
        'The digital invoice number (or the invoice code and number) is missing, so the invoice cannot be told apart',
      ),
    );
  }

  const buyerTaxId = taxIdOf(cell('buyerTaxId'), 'buyerTaxId', findings);
  const sellerTaxId = taxIdOf(cell('sellerTaxId'), 'sellerTaxId', findings);
  const issued = issuedOf(cell('issued'));
  if (!issued) {
    const shown = textOf('issued');
    findings.push(
      shown
        ? finding(
            'invoice.badDate',
            'issuedOn',
            'error',
            `开票日期“${shown}”无法识别`,
            `The date of issue "${shown}" cannot be read`,
          )
        : finding('invoice.noDate', 'issuedOn', 'error', '缺少开票日期', 'The date of issue is missing'),
    );
  }
  const money = moneyOf(cells, columns, findings);
  const positiveText = textOf('positive');
  const head: Head | null =
    id && issued
      ? {
          id,
          code: code ?? '',
          number: number ?? '',
          digitalNumber: digitalNumber ?? '',
          buyerTaxId,
          buyerName: textOf('buyerName'),
          sellerTaxId,
          sellerName: textOf('sellerName'),
          issuedOn: issued.day,
          issuedTime: issued.time,
          kind: textOf('kind'),
          origin: textOf('origin'),
          status: textOf('status'),
          positive: POSITIVE.test(positiveText) ? true : NEGATIVE.test(positiveText) ? false : null,
          risk: textOf('risk'),
          issuer: textOf('issuer'),
          remarks: textOf('remarks'),
        }
      : null;

  let item: InvoiceItem | null = null;
  if (header.variant === 'detailed' && money) {
    const taxCodeCell = cell('taxCode');
    let taxCode = '';
    if (taxCodeCell?.text.trim()) {
      if (lostDigits(taxCodeCell)) findings.push(digitsLost('taxCode', taxCodeCell, 'warning'));
      else taxCode = squeeze(taxCodeCell.text);
    }
    // Quantities and prices keep every digit the cell holds; the text Excel shows may be rounded.
    const exact = (column: InvoiceColumn) => {
      const c = cell(column);
      return c?.number !== undefined ? String(c.number) : (c?.text ?? '').trim();
    };
    item = {
      name: textOf('itemName'),
      spec: textOf('spec'),
      unit: textOf('unit'),
      quantity: exact('quantity'),
      unitPrice: exact('unitPrice'),
      amount: money.amount,
      taxRate: textOf('taxRate'),
      tax: money.tax,
      taxCode,
      businessType: textOf('businessType'),
    };
  }
  return { row, id, head, money, item, findings };
}

const SUMMARY_ROW = /^(合计|总计|小计)/;

/** The data rows of one export sheet; blank rows and a 合计 line at the end are passed over. */
function readRows(sheet: Sheet, header: InvoiceHeader): RowRead[] {
  const reads: RowRead[] = [];
  sheet.rows.forEach((cells, index) => {
    if (index <= header.row || cells.every((c) => !c.text.trim())) return;
    const read = readRow(cells, index + 1, header);
    if (!read.id && cells.some((c) => SUMMARY_ROW.test(c.text.trim()))) return;
    reads.push(read);
  });
  return reads;
}

/** Fields every item row of one invoice must agree on. */
const SHARED: readonly (keyof Head)[] = ['buyerTaxId', 'sellerTaxId', 'issuedOn', 'status', 'positive'];

/** The draft before its sign and flags are settled. */
interface Assembled {
  head: Head;
  money: Money;
  items: InvoiceItem[];
  sheet: string;
  row: number;
}

const sum = (items: readonly InvoiceItem[], key: 'amount' | 'tax') => items.reduce((s, i) => s + i[key], 0);

/**
 * The invoices in a workbook holding the platform's invoice query export, or null when no sheet is one. The basic
 * sheet (发票基础信息) gives one invoice a row; the detailed sheet an item a row, grouped here by invoice. When a
 * workbook has both, the basic sheet's amounts stand and the items are attached to them. An invoice with an error on
 * any of its rows is left out whole, never imported in part.
 */
export function readInvoiceExport(sheets: readonly Sheet[]): InvoiceExport | null {
  const found = sheets.flatMap((sheet) => {
    const header = findInvoiceHeader(sheet.rows.map((r) => r.map((c) => c.text)));
    return header ? [{ sheet, header }] : [];
  });
  if (found.length === 0) return null;
  // Basic sheets first, so that their amounts stand when the detailed sheet lists the same invoices.
  found.sort((a, b) => Number(a.header.variant === 'detailed') - Number(b.header.variant === 'detailed'));

  const findings: InvoiceRowFinding[] = [];
  const note = (sheet: string, row: number, f: Finding) => findings.push({ sheet, row, finding: f });
  const invoices = new Map<string, Assembled>();
  const refused = new Set<string>();

  for (const { sheet, header } of found) {
    const reads = readRows(sheet, header);
    for (const read of reads) for (const f of read.findings) note(sheet.name, read.row, f);
    if (header.variant === 'basic') {
      for (const read of reads) {
        if (!read.id) continue;
        if (hasErrors(read.findings) || !read.head || !read.money) {
          refused.add(read.id);
          continue;
        }
        if (invoices.has(read.id) || refused.has(read.id)) {
          note(sheet.name, read.row, duplicateRow(read.id));
          continue;
        }
        invoices.set(read.id, { head: read.head, money: read.money, items: [], sheet: sheet.name, row: read.row });
      }
      continue;
    }
    const groups = new Map<string, RowRead[]>();
    for (const read of reads) {
      if (read.id) groups.set(read.id, [...(groups.get(read.id) ?? []), read]);
    }
    for (const [id, group] of groups) attachItems(id, group, sheet.name, invoices, refused, note);
  }

  const drafts: InvoiceDraft[] = [];
  for (const assembled of invoices.values()) {
    const draft = settle(assembled);
    const parsed = InvoiceDraftSchema.safeParse(draft);
    if (parsed.success) drafts.push(parsed.data);
    else
      note(
        assembled.sheet,
        assembled.row,
        finding(
          'invoice.invalid',
          'row',
          'error',
          `发票 ${assembled.head.id} 有内容超出长度上限或不合规，未导入`,
          `Invoice ${assembled.head.id} has a value that is too long or malformed and was not imported`,
        ),
      );
  }
  const order = new Map(found.map(({ sheet }, index) => [sheet.name, index]));
  findings.sort((a, b) => (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0) || a.row - b.row);
  return {
    sheets: found.map(({ sheet, header }) => ({ name: sheet.name, header: header.row, variant: header.variant })),
    invoices: drafts,
    findings,
  };
}

function duplicateRow(id: string): Finding {
  return finding(
    'invoice.duplicateRow',
    'row',
    'warning',
    `发票 ${id} 在表中出现了不止一次，只取第一次`,
    `Invoice ${id} appears more than once; the first one is used`,
  );
}

/** One invoice's item rows from the detailed sheet: a new invoice, or the items of one the basic sheet gave. */
function attachItems(
  id: string,
  group: readonly RowRead[],
  sheet: string,
  invoices: Map<string, Assembled>,
  refused: Set<string>,
  note: (sheet: string, row: number, f: Finding) => void,
) {
  const [first] = group;
  if (!first || refused.has(id)) return;
  const firstHead = first.head;
  for (const read of group.slice(1)) {
    const head = read.head;
    if (!firstHead || !head || SHARED.every((key) => head[key] === firstHead[key])) continue;
    const conflict = finding(
      'invoice.conflictingRows',
      'row',
      'error',
      `这一行与发票 ${id} 的其他明细行在购方、销方、日期或状态上不一致`,
      `This row disagrees with the other item rows of invoice ${id} on the buyer, seller, date or status`,
    );
    read.findings.push(conflict);
    note(sheet, read.row, conflict);
  }
  const bad = group.filter((r) => hasErrors(r.findings) || !r.head || !r.item);
  if (bad.length > 0 || !firstHead) {
    refused.add(id);
    invoices.delete(id);
    if (group.length > 1) {
      note(
        sheet,
        first.row,
        finding(
          'invoice.skipped',
          'row',
          'error',
          `发票 ${id} 有明细行出错，整张发票未导入`,
          `An item row of invoice ${id} has an error, so none of the invoice was imported`,
        ),
      );
    }
    return;
  }
  const items = group.flatMap((r) => (r.item ? [r.item] : []));
  const money = { amount: sum(items, 'amount'), tax: sum(items, 'tax'), total: 0 };
  money.total = money.amount + money.tax;
  const basic = invoices.get(id);
  if (!basic) {
    invoices.set(id, { head: firstHead, money, items, sheet, row: first.row });
    return;
  }
  if (basic.items.length > 0) {
    note(sheet, first.row, duplicateRow(id));
    return;
  }
  basic.items = items;
  if (basic.money.amount !== money.amount || basic.money.tax !== money.tax) {
    note(
      sheet,
      first.row,
      finding(
        'invoice.itemsMismatch',
        'amount',
        'warning',
        `发票 ${id} 的明细合计与发票基础信息中的金额或税额不一致，以基础信息为准`,
        `The items of invoice ${id} do not add up to the amount or tax of its basic row; the basic row's figures are kept`,
      ),
    );
  }
}

const REMARK_OFFSETS = /被红冲蓝字数电发票号码[:：]?\s*(\d{20})/;

/** Signs and flags: a red invoice is negative, whatever sign the export printed; 作废 and 红冲 become flags. */
function settle({ head, money, items }: Assembled): InvoiceDraft {
  const red = head.positive === false || money.total < 0;
  const flip = red && money.total > 0;
  const sign = (n: number) => (flip ? -n : n);
  const { positive: _positive, ...fields } = head;
  return {
    ...fields,
    amount: sign(money.amount),
    tax: sign(money.tax),
    total: sign(money.total),
    red,
    void: /作废/.test(head.status),
    redFlushed: /红冲|冲红/.test(head.status),
    offsets: red ? (REMARK_OFFSETS.exec(head.remarks)?.[1] ?? '') : '',
    items: items.map((item) => ({ ...item, amount: sign(item.amount), tax: sign(item.tax) })),
  };
}
