import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { totalOf } from '../../../lib/domain/invoice';
import { fenOfCell, findInvoiceHeader, issuedOf, readInvoiceExport } from '../../../lib/import/invoices';
import { readSheets, type Sheet } from '../../../lib/import/sheet';
import {
  BASIC_HEADERS,
  basicExport,
  DETAILED_HEADERS,
  detailedExport,
  excelSerial,
  invoiceWorkbook,
  NUMBERS,
} from '../../support/invoice-export';

function sheetsOf(bytes: Uint8Array, name = '全量发票查询.xlsx'): Sheet[] {
  const result = readSheets(bytes, name);
  if (!result.ok) throw new Error(result.problem);
  return result.sheets;
}

function exportOf(bytes: Uint8Array, name?: string) {
  const read = readInvoiceExport(sheetsOf(bytes, name));
  if (!read) throw new Error('not recognised as an invoice export');
  return read;
}

const byId = (read: ReturnType<typeof exportOf>) => new Map(read.invoices.map((i) => [i.id, i]));
const codesAt = (read: ReturnType<typeof exportOf>, row: number) =>
  read.findings.filter((f) => f.row === row).map((f) => f.finding.code);

describe('the invoice query export (basic)', () => {
  const read = exportOf(invoiceWorkbook({ 发票基础信息: basicExport() }));
  const invoices = byId(read);

  it('finds the header under the title rows and reads one invoice a row', () => {
    expect(read.sheets).toEqual([{ name: '发票基础信息', header: 2, variant: 'basic' }]);
    expect([...invoices.keys()]).toEqual([
      NUMBERS.blue,
      NUMBERS.red,
      `044031900111-01234567`,
      `044031900112-01234568`,
      NUMBERS.person,
    ]);
  });

  it('takes a 数电 invoice by its 20-digit number when 发票号码 is empty, money in fen', () => {
    expect(invoices.get(NUMBERS.blue)).toMatchObject({
      code: '',
      number: '',
      digitalNumber: NUMBERS.blue,
      buyerTaxId: '91110000600037341L',
      buyerName: '北京小米科技有限责任公司',
      sellerTaxId: '91440300MA5G0000XA',
      sellerName: '深圳市某某软件有限公司',
      issuedOn: '2025-03-01',
      issuedTime: '10:22:11',
      amount: 100_000,
      tax: 13_000,
      total: 113_000,
      kind: '数电发票（增值税专用发票）',
      origin: '电子发票服务平台',
      status: '正常',
      red: false,
      void: false,
      redFlushed: false,
      risk: '正常',
      issuer: '王会计',
      items: [],
    });
  });

  it('keeps a red invoice negative, names the blue one it offsets, and reads a date serial with its time', () => {
    expect(invoices.get(NUMBERS.red)).toMatchObject({
      red: true,
      void: false,
      amount: -50_000,
      tax: -6_500,
      total: -56_500,
      offsets: NUMBERS.blue,
      issuedOn: '2025-03-16',
      issuedTime: '12:30:05',
    });
  });

  it('makes a red invoice negative when the export printed its amounts without the sign', () => {
    const rows = basicExport();
    const red = rows.find((r) => r[0] === 2);
    if (!red) throw new Error('no red row');
    red.splice(BASIC_HEADERS.indexOf('金额'), 3, 500, 65, 565);
    const unsigned = byId(exportOf(invoiceWorkbook({ 发票基础信息: rows }))).get(NUMBERS.red);
    expect(unsigned).toMatchObject({ red: true, amount: -50_000, tax: -6_500, total: -56_500 });
  });

  it('flags a voided invoice, keeps it, and gives an older one the identity 发票代码-发票号码', () => {
    expect(invoices.get('044031900111-01234567')).toMatchObject({
      code: '044031900111',
      number: '01234567',
      digitalNumber: '',
      status: '已作废',
      void: true,
      issuedOn: '2025-03-01',
      issuedTime: '',
      total: 22_600,
    });
  });

  it('puts back the leading zeros of a code and number stored as numbers, and says so', () => {
    expect(invoices.get('044031900112-01234568')).toMatchObject({ code: '044031900112', number: '01234568' });
    expect(codesAt(read, 7)).toEqual(['invoice.zerosRestored', 'invoice.zerosRestored']);
  });

  it('refuses a 数电发票号码 stored as a number (its last digits are gone) and imports nothing of it', () => {
    expect(codesAt(read, 8)).toEqual(['import.digitsLost']);
    expect(read.findings.find((f) => f.row === 8)?.finding).toMatchObject({
      severity: 'error',
      field: 'digitalNumber',
    });
    expect(read.invoices.map((i) => i.issuedOn)).not.toContain('2025-03-03');
  });

  it('stores a natural person without tax ID and passes over the 合计 line', () => {
    expect(invoices.get(NUMBERS.person)).toMatchObject({ buyerTaxId: '', buyerName: '张三', total: 1_050 });
    expect(read.findings.map((f) => f.row)).not.toContain(10);
  });

  it('adds up with red invoices subtracting and the voided one left out', () => {
    // blue + red (negative) + the invoice whose zeros were restored + the natural person; not the voided one.
    expect(totalOf(read.invoices)).toBe(113_000 - 56_500 + 11_300 + 1_050);
  });

  it('is not fooled by a customer list', () => {
    const customers = invoiceWorkbook({
      客户: [
        ['客户名称', '税号', '地址'],
        ['北京小米科技有限责任公司', '91110000600037341L', ''],
      ],
    });
    expect(readInvoiceExport(sheetsOf(customers))).toBeNull();
  });
});

describe('the invoice query export (detailed)', () => {
  it('groups item rows by invoice; the invoice is the sum of its items; prices keep their digits', () => {
    const read = exportOf(invoiceWorkbook({ 信息明细: detailedExport() }));
    expect(read.sheets).toEqual([{ name: '信息明细', header: 1, variant: 'detailed' }]);
    const invoices = byId(read);
    const blue = invoices.get(NUMBERS.blue);
    expect(blue).toMatchObject({ amount: 100_000, tax: 13_000, total: 113_000, buyerTaxId: '91110000600037341L' });
    expect(blue?.items).toEqual([
      {
        name: '*信息技术服务*软件维护',
        spec: 'V2',
        unit: '次',
        quantity: '3',
        unitPrice: '200',
        amount: 60_000,
        taxRate: '13%',
        tax: 7_800,
        taxCode: '3040201000000000000',
        businessType: '',
      },
      {
        name: '*计算机配套产品*键盘',
        spec: '',
        unit: '个',
        quantity: '4.52',
        unitPrice: '88.495575221239',
        amount: 40_000,
        taxRate: '13%',
        tax: 5_200,
        taxCode: '1090511030000000000',
        businessType: '',
      },
    ]);
    // Red: the items are negative as well.
    expect(invoices.get(NUMBERS.red)?.items.map((i) => [i.amount, i.tax])).toEqual([[-50_000, -6_500]]);
    // 免税: the tax prints as ***.
    expect(invoices.get(NUMBERS.exempt)).toMatchObject({ amount: 3_000, tax: 0, total: 3_000 });
    expect(invoices.get(NUMBERS.exempt)?.items[0]?.taxRate).toBe('免税');
  });

  it('leaves out a whole invoice when one of its item rows has an error, and says why', () => {
    const read = exportOf(invoiceWorkbook({ 信息明细: detailedExport({ badPrice: true }) }));
    expect(read.invoices.map((i) => i.id)).not.toContain(NUMBERS.blue);
    expect(read.invoices.map((i) => i.id)).toContain(NUMBERS.red);
    const codes = read.findings.map((f) => f.finding.code);
    expect(codes).toContain('invoice.badAmount');
    expect(codes).toContain('invoice.skipped');
  });

  it('a tax classification code stored as a number is left empty with a warning, the invoice kept', () => {
    const read = exportOf(invoiceWorkbook({ 信息明细: detailedExport({ taxCodeAsNumber: true }) }));
    const blue = byId(read).get(NUMBERS.blue);
    expect(blue?.items[0]?.taxCode).toBe('');
    expect(read.findings.find((f) => f.finding.code === 'import.digitsLost')?.finding.severity).toBe('warning');
  });

  it('with both sheets in one workbook, attaches the items to the basic rows and checks that they add up', () => {
    const rows = detailedExport();
    // The second item of the blue invoice a fen off: the basic row's figures stand, with a warning.
    const column = (header: (typeof DETAILED_HEADERS)[number]) => DETAILED_HEADERS.indexOf(header);
    const keyboard = rows.find((r) => r[column('货物或应税劳务名称')] === '*计算机配套产品*键盘');
    if (!keyboard) throw new Error('no keyboard row');
    keyboard[column('金额')] = 400.01;
    keyboard[column('价税合计')] = 452.01;
    const read = exportOf(invoiceWorkbook({ 发票基础信息: basicExport(), 信息明细: rows }));
    const invoices = byId(read);
    expect(invoices.get(NUMBERS.blue)).toMatchObject({ amount: 100_000, total: 113_000 });
    expect(invoices.get(NUMBERS.blue)?.items).toHaveLength(2);
    expect(invoices.get(NUMBERS.exempt)?.items).toHaveLength(1);
    expect(read.findings.filter((f) => f.finding.code === 'invoice.itemsMismatch').map((f) => f.sheet)).toEqual([
      '信息明细',
    ]);
  });
});

describe('reading the export from other files', () => {
  it('reads it from a GBK CSV, where long numbers are text unless Excel turned them into 2.5442E+19', () => {
    const seller = '91440300MA5G0000XA,深圳市某某软件有限公司,91110000600037341L,北京小米科技有限责任公司';
    const tail = (positive: string) => `电子发票服务平台,数电发票（普通发票）,正常,${positive},正常,王会计,`;
    const csv = [
      BASIC_HEADERS.join(','),
      `1,,,${NUMBERS.blue},${seller},2025-03-01 10:22:11,"1,000.00",130.00,"1,130.00",${tail('是')}`,
      `2,,,2.5442E+19,${seller},2025/3/2,10.00,1.30,11.30,${tail('是')}`,
      // Kept from Excel as a formula's text, as some tools write long numbers into CSV; 是否正数发票 as N.
      `3,,,"=""${NUMBERS.red}""",${seller},2025/3/16,500.00,65.00,565.00,${tail('N')}`,
      `4,,,2544200000001234567,${seller},2025/3/17,1.00,0.13,1.13,${tail('是')}`,
    ].join('\r\n');
    const read = exportOf(new Uint8Array(iconv.encode(csv, 'gbk')), '发票.csv');
    expect(read.invoices.map((i) => [i.id, i.buyerName, i.total])).toEqual([
      [NUMBERS.blue, '北京小米科技有限责任公司', 113_000],
      [NUMBERS.red, '北京小米科技有限责任公司', -56_500],
    ]);
    expect(read.findings.map((f) => [f.row, f.finding.code])).toEqual([
      [3, 'import.digitsLost'],
      [5, 'invoice.badNumber'],
    ]);
  });

  it('reads it from an old .xls (BIFF8) workbook as well', () => {
    const read = exportOf(invoiceWorkbook({ 发票基础信息: basicExport() }, 'biff8'), '导出.xls');
    expect(read.invoices.map((i) => i.id)).toContain(NUMBERS.blue);
  });
});

describe('pieces of a row', () => {
  it.each([
    ['2025-03-01 10:22:11', { day: '2025-03-01', time: '10:22:11' }],
    ['2025/3/1', { day: '2025-03-01', time: '' }],
    ['2025/3/1 9:05', { day: '2025-03-01', time: '09:05:00' }],
    ['2025年3月1日', { day: '2025-03-01', time: '' }],
    ['20250301', { day: '2025-03-01', time: '' }],
    ['２０２５－０３－０１', { day: '2025-03-01', time: '' }],
    ['2025-02-29', null],
    ['2025-03-01 24:00:00', null],
    ['三月一日', null],
    ['', null],
  ])('reads the date %s as %j', (text, expected) => {
    expect(issuedOf({ text })).toEqual(expected);
  });

  it('reads date serials, and refuses numbers that cannot be an invoice date', () => {
    expect(issuedOf({ text: '3/1/25', number: excelSerial(2025, 3, 1) })).toEqual({ day: '2025-03-01', time: '' });
    expect(issuedOf({ text: '', number: excelSerial(2024, 2, 29, 23, 59, 59) })).toEqual({
      day: '2024-02-29',
      time: '23:59:59',
    });
    expect(issuedOf({ text: '1130', number: 1130 })).toBeNull();
  });

  it.each([
    [{ text: '1,130.00' }, 113_000],
    [{ text: '¥1130' }, 113_000],
    [{ text: '-¥565.5' }, -56_550],
    [{ text: '１１３０．００' }, 113_000],
    [{ text: '***' }, 0],
    [{ text: '1130', number: 1130.0000000000002 }, 113_000],
    [{ text: '0.3', number: 0.1 + 0.2 }, 30],
    [{ text: '' }, undefined],
    [{ text: '11.305' }, null],
    [{ text: '1130', number: 1130.005 }, null],
    [{ text: '一千' }, null],
  ])('reads money %j as %s fen', (cell, expected) => {
    expect(fenOfCell(cell)).toBe(expected);
  });

  it('turns any amount a spreadsheet stores in yuan back into the exact fen', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 13), max: 10 ** 13 }), (fen) => {
        const yuan = fen / 100;
        expect(fenOfCell({ text: String(yuan), number: yuan })).toBe(fen);
        expect(fenOfCell({ text: yuan.toFixed(2) })).toBe(fen);
      }),
    );
  });

  it('knows the header by its columns, not by the sheet name, and tells the variants apart', () => {
    expect(findInvoiceHeader([['导出'], [...BASIC_HEADERS]])).toMatchObject({ row: 1, variant: 'basic' });
    expect(findInvoiceHeader([[...DETAILED_HEADERS]])).toMatchObject({ row: 0, variant: 'detailed' });
    expect(findInvoiceHeader([['序号', '发票号码', '金额']])).toBeNull();
  });
});
