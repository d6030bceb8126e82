import type { Customer } from '../../../lib/domain/customer';
import { type InvoiceDraft, InvoiceDraftSchema, type InvoiceItem } from '../../../lib/domain/invoice';
import { customer } from '../../support/customer';

/**
 * A small history whose figures the tests write out by hand. As of 2025-06-30, money in fen:
 *
 *   A 杭州甲 (normal)   4 purchases, 1 red (−500 yuan), 1 voided; total 6,000 yuan; last 2025-05-18
 *   B 上海乙 (normal)   5 purchases, 12,000 yuan, most of it in the last three months
 *   C 北京丙 (normal)   2 purchases in mid-2024, 1,000 yuan; its tax ID typed with a space and lower case
 *   D 深圳丁            no invoices
 *   E 厦门戊 (' VIP')   5 purchases, 9,000 yuan, steady
 *   U                  not in the book: 2 invoices, renamed between them, 1,000 yuan
 *   张三                a natural person (no tax ID), not in the book: 1 invoice, 50 yuan
 */

export const TODAY = '2025-06-30';

export const TAX = {
  a: '91330106MA27Y8RL06',
  b: '91310104MA1FL5LX3J',
  c: '91110108551385082Q',
  d: '91440300MA5G0000XA',
  e: '91350203MA31RWDL9B',
  u: '91440101MA59ABCD1X',
} as const;

export const CUSTOMERS: Customer[] = [
  customer('a', '杭州甲科技有限公司', { taxId: TAX.a }),
  customer('b', '上海乙贸易有限公司', { taxId: TAX.b }),
  customer('c', '北京丙建材有限公司', { taxId: '91110108 551385082q' }),
  customer('d', '深圳丁物流有限公司', { taxId: TAX.d }),
  customer('e', '厦门戊食品有限公司', { taxId: TAX.e, tier: ' VIP' }),
];

type Item = Pick<InvoiceItem, 'name' | 'taxCode' | 'amount' | 'tax'>;

export const COMPUTER_CODE = '1090511030000000000';

/** A checked invoice (total = amount + tax, as the schema insists); amount and tax come from the items when given. */
export function invoice(
  id: string,
  buyer: readonly [taxId: string, name: string],
  issuedOn: string,
  total: number,
  over: { red?: boolean; void?: boolean; items?: Item[] } = {},
): InvoiceDraft {
  const items = over.items ?? [];
  const tax = items.reduce((sum, item) => sum + item.tax, 0);
  return InvoiceDraftSchema.parse({
    id,
    buyerTaxId: buyer[0],
    buyerName: buyer[1],
    issuedOn,
    amount: total - tax,
    tax,
    total,
    red: over.red ?? false,
    void: over.void ?? false,
    items,
  });
}

const A = [TAX.a, '杭州甲科技有限公司'] as const;
const B = [TAX.b, '上海乙贸易有限公司'] as const;
const C = [TAX.c, '北京丙建材有限公司'] as const;
const E = [TAX.e, '厦门戊食品有限公司'] as const;

export const HISTORY: InvoiceDraft[] = [
  invoice('a1', A, '2024-01-15', 100_000),
  invoice('a2', A, '2024-12-10', 50_000),
  invoice('a3', A, '2025-02-20', 300_000, {
    items: [
      { name: '*电子计算机*笔记本电脑', taxCode: COMPUTER_CODE, amount: 200_000, tax: 26_000 },
      // No short name in the name: the same code gives it 电子计算机.
      { name: '鼠标', taxCode: COMPUTER_CODE, amount: 65_487, tax: 8_513 },
    ],
  }),
  invoice('a4', A, '2025-03-05', -50_000, {
    red: true,
    items: [{ name: '*电子计算机*笔记本电脑', taxCode: COMPUTER_CODE, amount: -44_248, tax: -5_752 }],
  }),
  invoice('a5', A, '2025-05-18', 200_000),
  invoice('a6', A, '2025-06-01', 999_999, {
    void: true,
    items: [{ name: '*电子计算机*台式机', taxCode: COMPUTER_CODE, amount: 884_955, tax: 115_044 }],
  }),
  invoice('b1', B, '2025-02-10', 200_000),
  invoice('b2', B, '2025-04-10', 250_000, {
    items: [{ name: '＊信息技术服务＊软件开发费', taxCode: '3040201000000000000', amount: 235_849, tax: 14_151 }],
  }),
  invoice('b3', B, '2025-05-10', 250_000),
  invoice('b4', B, '2025-06-05', 250_000),
  invoice('b5', B, '2025-06-10', 250_000),
  invoice('c1', C, '2024-06-01', 80_000),
  invoice('c2', C, '2024-07-01', 20_000),
  invoice('e1', E, '2024-09-15', 100_000),
  invoice('e2', E, '2024-11-15', 200_000),
  invoice('e3', E, '2025-01-15', 300_000),
  invoice('e4', E, '2025-04-15', 200_000),
  invoice('e5', E, '2025-06-15', 100_000),
  invoice('u1', [TAX.u, '广州己贸易有限公司'], '2025-01-08', 30_000, {
    items: [{ name: '办公用品', taxCode: '1060512990000000000', amount: 26_549, tax: 3_451 }],
  }),
  invoice('u2', [TAX.u, '广州己科技有限公司'], '2025-06-20', 70_000),
  invoice('p1', ['', '张三'], '2025-06-25', 5_000, {
    items: [{ name: '服务费', taxCode: '', amount: 5_000, tax: 0 }],
  }),
];
