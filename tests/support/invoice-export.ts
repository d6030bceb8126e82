import { utils, write } from '@e965/xlsx';

/** The invoice query export's columns (全量发票查询, sheet 发票基础信息). */
export const BASIC_HEADERS = [
  '序号',
  '发票代码',
  '发票号码',
  '数电发票号码',
  '销方识别号',
  '销方名称',
  '购方识别号',
  '购买方名称',
  '开票日期',
  '金额',
  '税额',
  '价税合计',
  '发票来源',
  '发票票种',
  '发票状态',
  '是否正数发票',
  '发票风险等级',
  '开票人',
  '备注',
] as const;

/** The item columns of the detailed variant, between the invoice's date and its amount. */
const ITEM_HEADERS = [
  '税收分类编码',
  '特定业务类型',
  '货物或应税劳务名称',
  '规格型号',
  '单位',
  '数量',
  '单价',
] as const;
const ISSUED = BASIC_HEADERS.indexOf('开票日期') + 1;
const TAX = BASIC_HEADERS.indexOf('税额');

/**
 * The detailed variant: one row per item, the invoice's fields repeated — the basic columns with the item's columns
 * after the date and its 税率 between 金额 and 税额 (the amounts are then the item's).
 */
export const DETAILED_HEADERS = [
  ...BASIC_HEADERS.slice(0, ISSUED),
  ...ITEM_HEADERS,
  ...BASIC_HEADERS.slice(ISSUED, TAX),
  '税率',
  ...BASIC_HEADERS.slice(TAX),
] as const;

export const NUMBERS = {
  blue: '25442000000012345678',
  red: '25442000000012349999',
  person: '25442000000012340001',
  exempt: '25332000000000000077',
} as const;

export const SELLER = ['91440300MA5G0000XA', '深圳市某某软件有限公司'] as const;
export const XIAOMI = ['91110000600037341L', '北京小米科技有限责任公司'] as const;
export const SHOP = ['92330106MA28QB4U0W', '张三商行'] as const;

/** An Excel date serial (1900 system) for a day and time, as a date cell holds it. */
export function excelSerial(year: number, month: number, day: number, h = 0, m = 0, s = 0): number {
  return (Date.UTC(year, month - 1, day, h, m, s) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

const dateCell = (serial: number) => ({ t: 'n', v: serial, z: 'yyyy-mm-dd hh:mm:ss' });

/** A real workbook, written by the same library a clerk's file is read with; a one-cell first row is a merged title. */
export function invoiceWorkbook(sheets: Record<string, unknown[][]>, bookType: 'xlsx' | 'biff8' = 'xlsx'): Uint8Array {
  const book = utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = utils.aoa_to_sheet(rows);
    const width = Math.max(...rows.map((r) => r.length));
    if (rows[0]?.length === 1) sheet['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: width - 1 } }];
    utils.book_append_sheet(book, sheet, name);
  }
  return new Uint8Array(write(book, { type: 'array', bookType }));
}

export interface BasicOptions {
  /** 发票状态 of the blue invoice (a later export may say 已红冲). */
  blueStatus?: string;
  /** 发票状态 of the old paper invoice (正常 in an export from before it was voided). */
  paperStatus?: string;
  /** Only these rows (by 序号). */
  only?: readonly number[];
}

/**
 * The basic export as the platform writes it: a title and a note above the header (row 3), then one row an
 * invoice — a 数电 invoice with 发票号码 empty, its red counterpart (date as a serial), a voided paper invoice, one whose
 * code and number Excel stored as numbers, one whose 20-digit number Excel stored as a number, a natural person —
 * and the 合计 line.
 */
export function basicExport(opts: BasicOptions = {}): unknown[][] {
  const [sellerId, sellerName] = SELLER;
  const [xiaomiId, xiaomiName] = XIAOMI;
  const common = ['电子发票服务平台'];
  const rows: unknown[][] = [
    [
      1,
      '',
      '',
      NUMBERS.blue,
      sellerId,
      sellerName,
      xiaomiId,
      xiaomiName,
      '2025-03-01 10:22:11',
      1000,
      130,
      1130,
      ...common,
      '数电发票（增值税专用发票）',
      opts.blueStatus ?? '正常',
      '是',
      '正常',
      '王会计',
      '',
    ],
    [
      2,
      '',
      '',
      NUMBERS.red,
      sellerId,
      sellerName,
      xiaomiId,
      xiaomiName,
      dateCell(excelSerial(2025, 3, 16, 12, 30, 5)),
      -500,
      -65,
      -565,
      ...common,
      '数电发票（增值税专用发票）',
      '正常',
      '否',
      '正常',
      '王会计',
      `被红冲蓝字数电发票号码：${NUMBERS.blue} 红字发票信息确认单编号：44030025031600000001`,
    ],
    [
      3,
      '044031900111',
      '01234567',
      '',
      sellerId,
      sellerName,
      xiaomiId,
      '北京小米科技有限公司',
      '2025/3/1',
      '200.00',
      '26.00',
      '226.00',
      '增值税发票管理系统',
      '增值税电子普通发票',
      opts.paperStatus ?? '已作废',
      '是',
      '正常',
      '李会计',
      '',
    ],
    [
      4,
      44031900112,
      1234568,
      '',
      sellerId,
      sellerName,
      xiaomiId,
      xiaomiName,
      '2025/3/2',
      100,
      13,
      113,
      '增值税发票管理系统',
      '增值税电子普通发票',
      '正常',
      '是',
      '正常',
      '李会计',
      '',
    ],
    [
      5,
      '',
      '',
      Number('25442000000012340000'),
      sellerId,
      sellerName,
      xiaomiId,
      xiaomiName,
      '2025-03-03 09:00:00',
      10,
      1.3,
      11.3,
      ...common,
      '数电发票（普通发票）',
      '正常',
      '是',
      '正常',
      '王会计',
      '',
    ],
    [
      6,
      '',
      '',
      NUMBERS.person,
      sellerId,
      sellerName,
      '',
      '张三',
      '2025-03-04 15:00:00',
      10,
      0.5,
      10.5,
      ...common,
      '数电发票（普通发票）',
      '正常',
      '是',
      '正常',
      '王会计',
      '',
    ],
  ];
  const kept = opts.only ? rows.filter((r) => opts.only?.includes(r[0] as number)) : rows;
  return [
    ['全量发票查询'],
    ['开票日期：2025-03-01 至 2025-03-31'],
    [...BASIC_HEADERS],
    ...kept,
    ['合计', '', '', '', '', '', '', '', '', 810, 105.8, 915.8],
  ];
}

export interface DetailedOptions {
  /** The keyboard's amount written in words: an unreadable row. */
  badPrice?: boolean;
  /** The first tax classification code (19 digits) stored as a number. */
  taxCodeAsNumber?: boolean;
}

/** The detailed export: the blue invoice's two items, the red one's item, and a tax-exempt invoice to an individual business. */
export function detailedExport(opts: DetailedOptions = {}): unknown[][] {
  const [sellerId, sellerName] = SELLER;
  const [xiaomiId, xiaomiName] = XIAOMI;
  const [shopId, shopName] = SHOP;
  const blue = [NUMBERS.blue, sellerId, sellerName, xiaomiId, xiaomiName, '2025-03-01 10:22:11'];
  const blueTail = ['电子发票服务平台', '数电发票（增值税专用发票）', '正常', '是', '正常', '王会计', ''];
  return [
    ['发票明细'],
    [...DETAILED_HEADERS],
    [
      1,
      '',
      '',
      ...blue,
      opts.taxCodeAsNumber ? Number('3040201000000000000') : '3040201000000000000',
      '',
      '*信息技术服务*软件维护',
      'V2',
      '次',
      3,
      200,
      600,
      '13%',
      78,
      678,
      ...blueTail,
    ],
    [
      2,
      '',
      '',
      NUMBERS.red,
      sellerId,
      sellerName,
      xiaomiId,
      xiaomiName,
      dateCell(excelSerial(2025, 3, 16, 12, 30, 5)),
      '3040201000000000000',
      '',
      '*信息技术服务*软件维护',
      'V2',
      '次',
      -2.5,
      200,
      -500,
      '13%',
      -65,
      -565,
      '电子发票服务平台',
      '数电发票（增值税专用发票）',
      '正常',
      '否',
      '正常',
      '王会计',
      `被红冲蓝字数电发票号码：${NUMBERS.blue}`,
    ],
    [
      3,
      '',
      '',
      ...blue,
      '1090511030000000000',
      '',
      '*计算机配套产品*键盘',
      '',
      '个',
      4.52,
      88.495575221239,
      opts.badPrice ? '四百元' : 400,
      '13%',
      52,
      452,
      ...blueTail,
    ],
    [
      4,
      '',
      '',
      NUMBERS.exempt,
      sellerId,
      sellerName,
      shopId,
      shopName,
      '2025-03-05',
      '3070201020000000000',
      '',
      '*生活服务*咨询',
      '',
      '次',
      1,
      30,
      '30.00',
      '免税',
      '***',
      '30.00',
      '电子发票服务平台',
      '数电发票（普通发票）',
      '正常',
      '是',
      '正常',
      '王会计',
      '',
    ],
  ];
}
