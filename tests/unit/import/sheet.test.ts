import { utils, write } from '@e965/xlsx';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { findHeader } from '../../../lib/import/columns';
import { MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS } from '../../../lib/import/limits';
import { importRows } from '../../../lib/import/rows';
import { readSheets } from '../../../lib/import/sheet';

/** A real workbook, written by the same library a clerk's Excel file is read with. */
function workbook(sheets: Record<string, unknown[][]>, bookType: 'xlsx' | 'biff8' = 'xlsx'): Uint8Array {
  const book = utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = utils.aoa_to_sheet(rows);
    if (name === '客户') sheet['!merges'] = [utils.decode_range('A1:D1')];
    utils.book_append_sheet(book, sheet, name);
  }
  return new Uint8Array(write(book, { type: 'array', bookType }));
}

const CUSTOMERS = [
  ['某某商贸公司 客户资料'],
  ['导出于 2026-11-27'],
  [],
  ['客户名称', '统一社会信用代码/纳税人识别号', '地址、电话', '银行账号'],
  ['北京小米科技有限责任公司', '91110000600037341L', '北京市海淀区清河中街68号 010-60606666', '0200049619200088888'],
  ['上海大华纺织品进出口有限公司', '31010413245678X', '上海市黄浦区中山东一路1号', Number('6222020200112233445')], // typed into a number cell
];

describe('reading import files', () => {
  it.each(['xlsx', 'biff8'] as const)(
    'reads a %s workbook: every sheet, titles above the header, numbers flagged',
    (type) => {
      const result = readSheets(workbook({ 客户: CUSTOMERS, 说明: [['这一页没有客户']] }, type), '客户.xlsx');
      if (!result.ok) throw new Error(result.problem);
      expect(result.sheets.map((s) => s.name)).toEqual(['客户', '说明']);
      const rows = result.sheets[0]?.rows ?? [];
      const header = findHeader(rows.map((r) => r.map((c) => c.text)));
      expect(header?.row).toBe(3);
      const customers = importRows(rows, header?.row ?? 0, header?.columns ?? []);
      expect(customers.map((c) => c.input.name)).toEqual(['北京小米科技有限责任公司', '上海大华纺织品进出口有限公司']);
      expect(customers[0]?.input.entries[0]).toMatchObject({
        address: '北京市海淀区清河中街68号',
        phone: '010-60606666',
        bankAccount: '0200049619200088888',
      });
      // The 19-digit account typed into a number cell: its last digits are gone, so the row says so.
      expect(customers[1]?.findings.map((f) => f.code)).toContain('import.digitsLost');
      expect(customers[1]?.input.entries[0]?.bankAccount).toBe('');
    },
  );

  it('reads a GBK CSV as Excel saves it on a Chinese Windows', () => {
    const csv =
      '客户名称,税号,开户行及账号\r\n北京小米科技有限责任公司,91110000600037341L,中国工商银行北京海淀支行 0200049619200088888\r\n';
    const result = readSheets(new Uint8Array(iconv.encode(csv, 'gbk')), '客户.csv');
    if (!result.ok) throw new Error(result.problem);
    expect(result.sheets[0]?.rows[1]?.map((c) => c.text)).toEqual([
      '北京小米科技有限责任公司',
      '91110000600037341L',
      '中国工商银行北京海淀支行 0200049619200088888',
    ]);
  });

  it("takes off the apostrophe Taitou's CSV export puts before formula-like text, but keeps a workbook's", () => {
    const texts = (bytes: Uint8Array, name: string) => {
      const result = readSheets(bytes, name);
      if (!result.ok) throw new Error(result.problem);
      return result.sheets[0]?.rows.map((row) => row[0]?.text);
    };
    const csv = new TextEncoder().encode("客户名称\r\n'=前进贸易\r\n'前进贸易\r\n''+86 571\r\n");
    expect(texts(csv, 'f.csv')).toEqual(['客户名称', '=前进贸易', "'前进贸易", "'+86 571"]);
    const book = utils.book_new();
    utils.book_append_sheet(book, utils.aoa_to_sheet([['客户名称'], ["'=前进贸易"]]), 'S');
    const xlsx = new Uint8Array(write(book, { type: 'array', bookType: 'xlsx' }));
    expect(texts(xlsx, 'f.xlsx')).toEqual(['客户名称', "'=前进贸易"]);
  });

  it('reads cells pasted from Excel (tab-separated)', () => {
    const result = readSheets(new TextEncoder().encode('名称\t税号\n张三商行\t92330106MA28QB4U0W\n'));
    expect(result.ok && result.sheets[0]?.rows[1]?.map((c) => c.text)).toEqual(['张三商行', '92330106MA28QB4U0W']);
  });

  it.each([
    ['an empty file', new Uint8Array(), 'empty'],
    [
      'a zip signature and garbage after it',
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(200).fill(7)]),
      'damaged',
    ],
    ['binary garbage named .csv', new Uint8Array(2048).map((_, i) => (i * 37) % 32), 'binary'],
    [
      'a CSV 10,000 columns wide',
      new TextEncoder().encode(`${Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',')}\n`),
      'tooWide',
    ],
    [
      'a workbook 10,000 columns wide',
      workbook({ 宽: [Array.from({ length: MAX_COLUMNS + 1 }, (_, i) => i)] }),
      'tooWide',
    ],
  ])('refuses %s with a reason', (_, bytes, problem) => {
    expect(readSheets(bytes)).toEqual({ ok: false, problem });
  });

  it('reads an HTML table saved as .xls with every cell as text, and refuses a web page without one', () => {
    const page = `<html><head><meta charset="utf-8"></head><body><table>
      <tr><td>客户名称</td><td>银行账号</td></tr><tr><td>北京小米&amp;科技</td><td>0200049619200088888</td></tr>
    </table></body></html>`;
    const result = readSheets(new TextEncoder().encode(page), '客户.xls');
    expect(result.ok && result.sheets[0]?.rows[1]).toEqual([
      { text: '北京小米&科技' },
      { text: '0200049619200088888' },
    ]);
    const signIn = new TextEncoder().encode(
      '<!DOCTYPE html><html><body><form><input name="user"></form></body></html>',
    );
    expect(readSheets(signIn, '客户.xls')).toEqual({ ok: false, problem: 'webPage' });
    // A CSV whose first cell happens to start with < is still a CSV.
    const csv = readSheets(new TextEncoder().encode('<客户名称>,税号\n甲公司,1\n'), '客户.csv');
    expect(csv.ok && csv.sheets[0]?.rows[0]?.map((c) => c.text)).toEqual(['<客户名称>', '税号']);
  });

  it('drops the empty rows Excel writes at the end of a CSV, and says where a quote is never closed', () => {
    const csv = `名称,税号\r\n甲公司,1\r\n${',\r\n'.repeat(MAX_ROWS + 5)}`;
    const result = readSheets(new TextEncoder().encode(csv), '客户.csv');
    expect(result.ok && result.sheets[0]?.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['名称', '税号'],
      ['甲公司', '1'],
    ]);
    const unclosed = new TextEncoder().encode('名称,税号\n甲公司,1\n"乙公司,2\n丙公司,3\n');
    expect(readSheets(unclosed, '客户.csv')).toEqual({ ok: false, problem: 'badQuotes', line: 3 });
  });

  it('refuses a file over the size limit before reading a byte of it', () => {
    expect(readSheets(new Uint8Array(MAX_FILE_BYTES + 1).fill(0x41))).toEqual({ ok: false, problem: 'tooLarge' });
  });
});
