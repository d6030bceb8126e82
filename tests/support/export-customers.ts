import type { Customer } from '../../lib/domain/customer';
import { customer, entry } from './customer';

/** Customers the export tests write: whole Customer records, as the book stores them. */

/** What makes CSV and spreadsheets trip: quotes, commas, line breaks, CJK beyond the BMP, emoji, leading zeros. */
export const TRICKY: Customer[] = [
  customer('q', '北京"小米"科技有限责任公司, 清河分公司', {
    taxId: '91110000600037341L',
    entries: [
      entry('q-1', {
        address: '北京市海淀区清河中街68号\n华润五彩城写字楼2号楼',
        phone: '010-60606666',
        bankName: '中国工商银行北京海淀支行',
        bankAccount: '0200049619200088888',
      }),
    ],
    defaultEntryId: 'q-1',
    email: 'fapiao@example.com',
    mobile: '13812345678',
    contact: '王"小"明',
  }),
  customer('e', '🍵𠀀龙井茶业（杭州）有限公司', {
    taxId: '010104132456789',
    entries: [
      entry('e-1', {
        address: '杭州市西湖区龙井路1号，茶园“南坡”',
        phone: '0571-87996781',
        bankName: '杭州银行西湖支行',
        bankAccount: '6222020200112233445',
      }),
    ],
    defaultEntryId: 'e-1',
    contact: 'Zoë 李',
  }),
  customer('p', '张三', { kind: 'naturalPerson', mobile: '13900001111' }),
];

/** Cells that a spreadsheet would run as formulas, were they written as they are. */
export const FORMULAS: Customer[] = [
  customer('f1', '=HYPERLINK("http://x","y")', {
    taxId: '91110000600037341L',
    entries: [
      entry('f1-1', {
        address: "+cmd|' /C calc'!A0",
        phone: '+86 571 8888 8888',
        bankName: '@SUM(1+1)',
        bankAccount: '-5',
      }),
    ],
    defaultEntryId: 'f1-1',
    email: '\t=1+1',
    contact: "'=already quoted",
  }),
];
