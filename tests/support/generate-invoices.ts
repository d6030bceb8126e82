import type { Customer } from '../../lib/domain/customer';
import type { InvoiceDraft, InvoiceItem } from '../../lib/domain/invoice';
import { makeRandom, type Random } from './generate';

// A deterministic fictional invoice history for the analytics tests and benchmark. No Node or DOM APIs, so the same
// module runs under vitest and inside a browser bundle.

/** The seeded generator of generate.ts, salted apart: the same seed always gives the same history. */
const historyRandom = (seed: number) => makeRandom(seed, 0x2545f491);

/** Goods and services as invoices name them: `*short name*item`, some bare names, some without a code. */
const CATALOGUE: readonly { name: string; taxCode: string; rate: number }[] = [
  { name: '*电子计算机*笔记本电脑', taxCode: '1090511030000000000', rate: 0.13 },
  { name: '*电子计算机*台式计算机', taxCode: '1090511030000000000', rate: 0.13 },
  { name: '*计算机配套产品*显示器', taxCode: '1090512010000000000', rate: 0.13 },
  { name: '*信息技术服务*软件开发服务', taxCode: '3040201010000000000', rate: 0.06 },
  { name: '*信息技术服务*运维服务', taxCode: '3040205000000000000', rate: 0.06 },
  { name: '*现代服务*咨询服务费', taxCode: '3040603000000000000', rate: 0.06 },
  { name: '*餐饮服务*餐费', taxCode: '3070401000000000000', rate: 0.06 },
  { name: '*纸制品*复印纸', taxCode: '1060512990000000000', rate: 0.13 },
  { name: '*运输服务*国内道路货物运输服务', taxCode: '3010102020100000000', rate: 0.09 },
  { name: '*建筑服务*装饰工程', taxCode: '3050300000000000000', rate: 0.09 },
  // Named without the short name: the code finds it (复印纸 above), or its head does.
  { name: '打印纸', taxCode: '1060512990000000000', rate: 0.13 },
  { name: '劳保手套', taxCode: '1070212010000000000', rate: 0.13 },
  { name: '服务费', taxCode: '', rate: 0.06 },
];

const SELLER = ['91440300MA5G0000XA', '深圳市某某软件有限公司'] as const;
const UNKNOWN_NAMES = [...'华信达科创新恒泰鑫源盛通宏远联安中天金瑞博智汇德丰'];
const PEOPLE = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高'];

export interface GenerateInvoicesOptions {
  seed?: number;
  /** The last day of the history, 'YYYY-MM-DD'; the history runs `months` months up to it. */
  until?: string;
  months?: number;
  /** Shares of invoices to buyers the book lacks (with a tax ID) and to natural persons (without one). */
  unknownShare?: number;
  personShare?: number;
  /** Shares of invoices that are voided, that a red invoice offsets, and that carry items. */
  voidShare?: number;
  redShare?: number;
  itemShare?: number;
}

const DAY_MS = 86_400_000;

/** Every day from `first` to `last` as the invoices write them (made once, so no invoice needs a Date). */
function dayTexts(first: number, last: number): string[] {
  const out: string[] = [];
  for (let d = first; d <= last; d++) out.push(new Date(d * DAY_MS).toISOString().slice(0, 10));
  return out;
}

interface Buyer {
  taxId: string;
  name: string;
  /** Offsets into the history's days: when the buyer starts and stops buying. */
  start: number;
  end: number;
  /** Skews the buyer's days: below 1 toward the end (growing), above 1 toward the start (shrinking). */
  skew: number;
}

interface Extra {
  items: InvoiceItem[];
  voided: boolean;
  offsets: string;
}

const item = (name: string, taxCode: string, taxRate: string, amount: number, tax: number): InvoiceItem => ({
  name,
  spec: '',
  unit: '',
  quantity: '1',
  unitPrice: '',
  amount,
  taxRate,
  tax,
  taxCode,
  businessType: '',
});

function items(rnd: Random, amount: number): InvoiceItem[] {
  const count = rnd.int(1, 3);
  const out: InvoiceItem[] = [];
  let left = amount;
  for (let i = 0; i < count; i++) {
    const kind = rnd.pick(CATALOGUE);
    const part = i === count - 1 ? left : Math.trunc(left * rnd.next() * 0.7);
    left -= part;
    out.push(item(kind.name, kind.taxCode, `${Math.round(kind.rate * 100)}%`, part, Math.round(part * kind.rate)));
  }
  return out;
}

/**
 * `count` invoices to the given customers (as stored invoices have them, buyer tax IDs normalised), over `months`
 * months: a few customers buy most (a skewed weight each), a quarter stop buying partway (dormant), some grow and some
 * shrink; a share go to buyers the book lacks and to natural persons; some are voided, some offset by a red invoice,
 * some carry items. The same arguments always give the same invoices.
 */
export function generateInvoices(
  customers: readonly Pick<Customer, 'taxId' | 'name'>[],
  count: number,
  opts: GenerateInvoicesOptions = {},
): InvoiceDraft[] {
  const rnd = historyRandom(opts.seed ?? 1);
  const until = Date.parse(`${opts.until ?? '2025-05-31'}T00:00:00Z`) / DAY_MS;
  const first = until - Math.round((opts.months ?? 36) * 30.44);
  const days = dayTexts(first, until);
  const span = days.length - 1;

  const buyer = (taxId: string, name: string): Buyer => {
    const start = rnd.int(0, Math.floor(span * 0.7));
    const end = rnd.chance(0.25) ? rnd.int(start, span) : span;
    return { taxId, name, start, end, skew: rnd.pick([0.5, 1, 1, 1, 2]) };
  };
  const known = customers.map((c) => buyer(c.taxId, c.name));
  // The few who buy most: weights r⁴ give roughly the 80/20 of a real book.
  const cumulative: number[] = [];
  let sum = 0;
  for (let i = 0; i < known.length; i++) {
    sum += rnd.next() ** 4 + 0.002;
    cumulative.push(sum);
  }
  const pickKnown = (): Buyer => {
    const x = rnd.next() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return known[lo] as Buyer;
  };
  const unknown = Array.from({ length: 300 }, (_, i) =>
    buyer(
      `91440101MA${String(i).padStart(7, '0')}X`,
      `广州${rnd.pick(UNKNOWN_NAMES)}${rnd.pick(UNKNOWN_NAMES)}贸易有限公司`,
    ),
  );
  const people = Array.from({ length: 200 }, (_, i) => buyer('', `${rnd.pick(PEOPLE)}${i}`));

  const out: InvoiceDraft[] = [];
  // Every invoice is written with the same fields in the same order, as records read back from IndexedDB are: one
  // object shape, so that the benchmark measures the analytics rather than property lookups on mixed shapes.
  const add = (b: Buyer, day: number, amount: number, tax: number, more: Extra) => {
    const number = `25${String(out.length + 1).padStart(18, '0')}`;
    out.push({
      id: number,
      code: '',
      number: '',
      digitalNumber: number,
      buyerTaxId: b.taxId,
      buyerName: b.name,
      sellerTaxId: SELLER[0],
      sellerName: SELLER[1],
      issuedOn: days[day] as string,
      issuedTime: '',
      amount,
      tax,
      total: amount + tax,
      kind: b.taxId ? '数电发票（增值税专用发票）' : '数电发票（普通发票）',
      origin: '电子发票服务平台',
      status: more.voided ? '已作废' : '正常',
      red: amount < 0,
      void: more.voided,
      redFlushed: false,
      offsets: more.offsets,
      risk: '正常',
      issuer: '王会计',
      remarks: '',
      items: more.items,
    });
  };

  const unknownShare = opts.unknownShare ?? 0.04;
  const personShare = opts.personShare ?? 0.02;
  while (out.length < count) {
    const roll = rnd.next();
    const b =
      roll < unknownShare ? rnd.pick(unknown) : roll < unknownShare + personShare ? rnd.pick(people) : pickKnown();
    const day = b.start + Math.floor((b.end - b.start) * rnd.next() ** b.skew);
    // Most invoices are a few thousand yuan, a few far more.
    const amount = 10_000 + Math.floor(rnd.next() ** 3 * 5_000_000);
    const withItems = rnd.chance(opts.itemShare ?? 0.3) ? items(rnd, amount) : [];
    const tax = withItems.length ? withItems.reduce((s, i) => s + i.tax, 0) : Math.round(amount * 0.13);
    const voided = rnd.chance(opts.voidShare ?? 0.01);
    add(b, day, amount, tax, { items: withItems, voided, offsets: '' });
    if (!voided && out.length < count && rnd.chance(opts.redShare ?? 0.03)) {
      const blue = out[out.length - 1] as InvoiceDraft;
      blue.redFlushed = true;
      blue.status = '已红冲';
      const redItems = blue.items.map((i) => item(i.name, i.taxCode, i.taxRate, -i.amount, -i.tax));
      add(b, Math.min(span, day + rnd.int(1, 20)), -amount, -tax, { items: redItems, voided: false, offsets: blue.id });
    }
  }
  return out;
}
