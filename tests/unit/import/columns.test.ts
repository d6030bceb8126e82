import { describe, expect, it } from 'vitest';
import { findHeader, mapColumns, targetOfHeader } from '../../../lib/import/columns';
import { findInvoiceHeader } from '../../../lib/import/invoices';
import { HEADER_SEARCH_ROWS } from '../../../lib/import/limits';
import { problemMessage } from '../../../lib/import/problems';
import { readImportFile } from '../../../lib/import/read-file';
import { BASIC_HEADERS } from '../../support/invoice-export';

describe('column headers', () => {
  it('reads the platform customer export', () => {
    expect(mapColumns(['客户名称', '统一社会信用代码/纳税人识别号', '地址', '电话', '开户行名称', '银行账号'])).toEqual(
      ['name', 'taxId', 'address', 'phone', 'bankName', 'bankAccount'],
    );
  });

  it('reads the buyer columns of the batch-issue template and leaves the rest unused', () => {
    expect(
      mapColumns([
        '发票流水号',
        '发票类型',
        '购买方名称',
        '购买方纳税人识别号',
        '购买方地址',
        '购买方电话',
        '购买方开户银行',
        '购买方银行账号',
        '是否展示购买方信息',
        '购买方邮箱',
      ]),
    ).toEqual([null, null, 'name', 'taxId', 'address', 'phone', 'bankName', 'bankAccount', null, 'email']);
  });

  it('tells the buyer from the seller in the invoice query export', () => {
    expect(mapColumns(['序号', '数电发票号码', '销方识别号', '销方名称', '购方识别号', '购买方名称', '金额'])).toEqual([
      null,
      null,
      null,
      null,
      'taxId',
      'name',
      null,
    ]);
  });

  it.each([
    ['*客户名称（必填）', 'name'],
    ['单位名称 (必填)', 'name'],
    ['纳税人识别号', 'taxId'],
    ['税号', 'taxId'],
    ['购方税号', 'taxId'],
    ['地址、电话', 'addressPhone'],
    ['地址及电话', 'addressPhone'],
    ['开户行及账号', 'bankNameAccount'],
    ['开户行及帐号', 'bankNameAccount'],
    ['Company Name', 'name'],
    ['Tax ID', 'taxId'],
    ['Bank Account', 'bankAccount'],
    ['ＥＭＡＩＬ', 'email'],
    ['联系人', 'contact'],
    ['备注', null],
    ['金额', null],
    ['', null],
  ])('%s → %s', (header, target) => {
    expect(targetOfHeader(header)).toBe(target);
  });

  it('uses a target once: a second phone column stays unused', () => {
    expect(mapColumns(['名称', '电话', '联系电话'])).toEqual(['name', 'phone', null]);
  });
});

describe('the header row', () => {
  it('is found below title rows and blank rows', () => {
    const rows = [
      ['某某公司客户资料表', '', ''],
      ['导出日期：2026-11-27'],
      [],
      ['序号', '客户名称', '税号', '地址、电话'],
      ['1', '北京小米科技有限责任公司', '91110000600037341L', '北京市海淀区 010-60606666'],
    ];
    expect(findHeader(rows)).toEqual({ row: 3, columns: [null, 'name', 'taxId', 'addressPhone'] });
  });

  it('is not a data row that happens to contain a label, nor a sheet without a name column', () => {
    expect(findHeader([['名称'], ['北京小米科技有限责任公司']])).toBeNull();
    expect(
      findHeader([
        ['税号', '地址'],
        ['91110000600037341L', '北京'],
      ]),
    ).toBeNull();
    expect(findHeader([])).toBeNull();
  });

  it('is looked for in as many rows at the top as the message for a missing header says, by every reader', () => {
    /** `notes` rows of notes, then the header and a row under it. */
    const sheet = (notes: number, header: readonly string[]) => [
      ...Array.from({ length: notes }, (_, i) => [`说明 ${i + 1}`]),
      [...header],
      header.map(() => '1'),
    ];
    const csv = (rows: string[][]) => new TextEncoder().encode(rows.map((row) => row.join(',')).join('\r\n'));
    const last = HEADER_SEARCH_ROWS - 1;

    expect(findHeader(sheet(last, ['客户名称', '税号']))?.row).toBe(last);
    expect(findHeader(sheet(HEADER_SEARCH_ROWS, ['客户名称', '税号']))).toBeNull();
    expect(findInvoiceHeader(sheet(last, BASIC_HEADERS))?.row).toBe(last);
    expect(findInvoiceHeader(sheet(HEADER_SEARCH_ROWS, BASIC_HEADERS))).toBeNull();
    // A header without a name column is told apart from no header within the same rows.
    expect(readImportFile(csv(sheet(last, ['税号', '地址'])), 'a.csv')).toEqual({ ok: false, problem: 'noNameColumn' });
    expect(readImportFile(csv(sheet(HEADER_SEARCH_ROWS, ['税号', '地址'])), 'a.csv')).toEqual({
      ok: false,
      problem: 'noHeader',
    });

    const message = problemMessage('noHeader');
    expect(message['zh-CN']).toContain(`前 ${HEADER_SEARCH_ROWS} 行`);
    expect(message.en).toContain(`first ${HEADER_SEARCH_ROWS} rows`);
  });
});
