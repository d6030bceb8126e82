import { utils, write } from '@e965/xlsx';
import iconv from 'iconv-lite';
import { usccCheckChar } from '../../lib/domain/tax-id';

/** A valid 18-character USCC from its first 17 characters. */
export function uscc(first17: string): string {
  const check = usccCheckChar(first17);
  if (!check) throw new Error(`not a USCC body: ${first17}`);
  return first17 + check;
}

/** The kind of customer list a clerk keeps: two title rows (one merged across), then the header, then customers. */
export function customerWorkbook(rows: readonly (readonly (string | number)[])[]): Buffer {
  const sheet = utils.aoa_to_sheet([
    ['2026 年度客户开票信息表'],
    ['制表：财务部', '', '', '更新日期：2026-11-01'],
    ['客户名称', '统一社会信用代码/纳税人识别号', '地址', '电话', '开户行名称', '银行账号', '备注'],
    ...rows.map((row) => [...row]),
  ]);
  sheet['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 6 } }];
  const book = utils.book_new();
  utils.book_append_sheet(book, utils.aoa_to_sheet([['说明'], ['本表由财务部维护']]), '说明');
  utils.book_append_sheet(book, sheet, '客户');
  return write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

/** A CSV as a Chinese Excel or WPS saves it by default: GBK, CRLF, quoted where needed. */
export function gbkCsv(lines: readonly (readonly string[])[]): Buffer {
  const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return iconv.encode(`${lines.map((l) => l.map(quote).join(',')).join('\r\n')}\r\n`, 'gbk');
}
