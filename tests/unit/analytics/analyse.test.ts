import { describe, expect, it } from 'vitest';
import { analyse } from '../../../lib/analytics/analyse';
import { customer } from '../../support/customer';
import { CUSTOMERS, HISTORY, invoice, TAX, TODAY } from './history';

const run = (over: Record<string, unknown> = {}) => analyse(HISTORY, CUSTOMERS, { today: TODAY, ...over });
const byName = (name: string) => run().buyers.find((b) => b.name === name);

describe('the analytics of a hand-checked history', () => {
  it('adds up the book: red invoices subtract, voided ones count as nothing', () => {
    expect(run().book).toEqual({
      invoices: 19,
      redInvoices: 1,
      voidedInvoices: 1,
      total: 2_905_000,
      buyers: 6,
      customersWithInvoices: 4,
      customersWithoutInvoices: 1,
      unknownBuyers: 2,
      unknownTotal: 105_000,
      firstDay: '2024-01-15',
      lastDay: '2025-06-25',
    });
  });

  it("gives each customer's frequency, total, average, first and last day, recency and months", () => {
    expect(byName('杭州甲科技有限公司')).toMatchObject({
      key: 'c:a',
      customerId: 'a',
      taxId: TAX.a,
      tier: 'normal',
      invoices: 4, // the red one is no purchase, the voided one nothing
      redInvoices: 1,
      voidedInvoices: 1,
      total: 600_000, // 1,000 + 500 + 3,000 − 500 + 2,000 yuan
      average: 150_000,
      firstDay: '2024-01-15',
      lastDay: '2025-05-18',
      recencyDays: 43, // 13 days left in May, then 30 of June
      // Aligned with the book's months, 2024-01 to 2025-06.
      monthly: [100_000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 50_000, 0, 300_000, -50_000, 0, 200_000, 0],
      recent: 200_000,
      previous: 250_000,
    });
    expect(byName('上海乙贸易有限公司')).toMatchObject({
      invoices: 5,
      total: 1_200_000,
      average: 240_000,
      recencyDays: 20,
    });
    expect(byName('厦门戊食品有限公司')).toMatchObject({
      invoices: 5,
      total: 900_000,
      average: 180_000,
      recencyDays: 15,
    });
    // Linked although the book has its tax ID with a space and in lower case.
    expect(byName('北京丙建材有限公司')).toMatchObject({
      customerId: 'c',
      invoices: 2,
      total: 100_000,
      average: 50_000,
      firstDay: '2024-06-01',
      lastDay: '2024-07-01',
      recencyDays: 364,
    });
    expect(run().buyers.some((b) => b.customerId === 'd')).toBe(false);
  });

  it('keeps buyers the book lacks: by tax ID under their latest name, or by name without one', () => {
    expect(byName('广州己科技有限公司')).toMatchObject({
      key: `t:${TAX.u}`,
      customerId: null,
      tier: null,
      taxId: TAX.u,
      invoices: 2,
      total: 100_000,
      recencyDays: 10,
    });
    expect(byName('广州己贸易有限公司')).toBeUndefined();
    expect(byName('张三')).toMatchObject({ key: 'n:张三', customerId: null, taxId: '', invoices: 1, total: 5_000 });
  });

  it('ranks by total with shares, equal totals sharing a rank, and finds the Pareto count', () => {
    const a = run();
    expect(a.buyers.map((b) => [b.name, b.rank])).toEqual([
      ['上海乙贸易有限公司', 1],
      ['厦门戊食品有限公司', 2],
      ['杭州甲科技有限公司', 3],
      ['北京丙建材有限公司', 4],
      ['广州己科技有限公司', 4],
      ['张三', 6],
    ]);
    expect(a.buyers[0]?.share).toBeCloseTo(1_200_000 / 2_905_000, 12);
    expect(a.buyers[1]?.cumulativeShare).toBeCloseTo(2_100_000 / 2_905_000, 12);
    expect(a.buyers[5]?.cumulativeShare).toBe(1);
    // 72.3% after two, 92.9% after three.
    expect(a.pareto).toEqual({ share: 0.8, count: 3, of: 6, buyerShare: 0.5 });
    expect(a.top.map((b) => b.rank)).toEqual([1, 2, 3, 4, 4, 6]);
    expect(run({ top: 2 }).top.map((b) => b.customerId)).toEqual(['b', 'e']);
    expect(run({ paretoShare: 0.7 }).pareto.count).toBe(2);
  });

  it('finds growing and shrinking customers over the last three months against the three before', () => {
    const { growth } = run();
    expect(growth).toMatchObject({ months: 3, recentAfter: '2025-03-30', previousAfter: '2024-12-30' });
    expect(growth.growing).toEqual([
      {
        key: 'c:b',
        customerId: 'b',
        name: '上海乙贸易有限公司',
        taxId: TAX.b,
        recent: 1_000_000,
        previous: 200_000,
        change: 800_000,
        ratio: 4,
      },
    ]);
    // A falls from 2,500 to 2,000 yuan: exactly the 20% it takes.
    expect(growth.shrinking).toMatchObject([{ customerId: 'a', recent: 200_000, previous: 250_000, ratio: -0.2 }]);
    // U (300 → 700 yuan) and 张三 (0 → 50 yuan) are too small to count, until the minimum is lifted.
    const loose = run({ minGrowthTotal: 0 }).growth.growing;
    expect(loose.map((t) => [t.name, t.change, t.ratio])).toEqual([
      ['上海乙贸易有限公司', 800_000, 4],
      ['广州己科技有限公司', 40_000, 40_000 / 30_000],
      ['张三', 5_000, null],
    ]);
    expect(run({ minGrowthChange: 0.25 }).growth.shrinking).toEqual([]);
    // One-month windows: (05-30, 06-30] against (04-30, 05-30].
    const monthly = run({ growthMonths: 1, minGrowthTotal: 0 }).growth;
    expect(monthly.shrinking.map((t) => [t.customerId, t.recent, t.previous])).toEqual([['a', 0, 200_000]]);
  });

  it('finds dormant customers: purchases before, none in the last N months', () => {
    const { dormant } = run();
    expect(dormant).toEqual({
      months: 6,
      cutoff: '2024-12-30',
      buyers: [
        {
          key: 'c:c',
          customerId: 'c',
          name: '北京丙建材有限公司',
          taxId: TAX.c,
          lastDay: '2024-07-01',
          recencyDays: 364,
          total: 100_000,
          invoices: 2,
        },
      ],
    });
    expect(run({ dormantMonths: 1 }).dormant.buyers.map((d) => d.customerId)).toEqual(['a', 'c']);
  });

  it('totals the book month by month, empty months included, up to today', () => {
    const { months } = run();
    expect(months.map((m) => m.month)).toEqual([
      '2024-01',
      '2024-02',
      '2024-03',
      '2024-04',
      '2024-05',
      '2024-06',
      '2024-07',
      '2024-08',
      '2024-09',
      '2024-10',
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
    ]);
    const of = (month: string) => months.find((m) => m.month === month);
    expect(of('2024-02')).toEqual({ month: '2024-02', invoices: 0, redInvoices: 0, voidedInvoices: 0, total: 0 });
    expect(of('2025-01')).toEqual({ month: '2025-01', invoices: 2, redInvoices: 0, voidedInvoices: 0, total: 330_000 });
    expect(of('2025-03')).toEqual({ month: '2025-03', invoices: 0, redInvoices: 1, voidedInvoices: 0, total: -50_000 });
    expect(of('2025-06')).toEqual({ month: '2025-06', invoices: 5, redInvoices: 0, voidedInvoices: 1, total: 675_000 });
    expect(months.reduce((sum, m) => sum + m.total, 0)).toBe(2_905_000);
    // Months run on to today's even when the last invoice is older.
    expect(run({ today: '2025-09-01' }).months.at(-1)?.month).toBe('2025-09');
  });

  it('breaks sales down by item category where items are known', () => {
    const { categories } = run();
    expect(categories.invoicesWithItems).toBe(5);
    expect(categories.total).toBe(535_000);
    expect(categories.categories.map(({ share: _, ...c }) => c)).toEqual([
      // Equal totals: the name that sorts first (信 before 电).
      { category: '信息技术服务', source: 'name', items: 1, invoices: 1, total: 250_000 },
      { category: '电子计算机', source: 'name', items: 3, invoices: 2, total: 250_000 },
      { category: '10605', source: 'code', items: 1, invoices: 1, total: 30_000 },
      { category: '', source: 'none', items: 1, invoices: 1, total: 5_000 },
    ]);
    expect(categories.categories[0]?.share).toBeCloseTo(250_000 / 535_000, 12);
  });

  it('scores RFM by quintiles over the customers with purchases, names segments and suggests VIPs', () => {
    const a = run();
    const rfm = Object.fromEntries(a.buyers.map((b) => [b.customerId ?? b.name, b.rfm]));
    // Four scored customers: places 0..3 score 1, 2, 4, 5; B and E tie on frequency and both score 4.
    expect(rfm).toEqual({
      b: { r: 4, f: 4, m: 5, segment: 'importantValue' },
      e: { r: 5, f: 4, m: 4, segment: 'importantValue' },
      a: { r: 2, f: 2, m: 2, segment: 'generalRetain' },
      c: { r: 1, f: 1, m: 1, segment: 'generalRetain' },
      广州己科技有限公司: null,
      张三: null,
    });
    expect(a.rfm.scored).toBe(4);
    expect(a.rfm.segments.filter((s) => s.customers > 0)).toEqual([
      { segment: 'importantValue', customers: 2, total: 2_100_000, share: 2_100_000 / 2_800_000 },
      { segment: 'generalRetain', customers: 2, total: 700_000, share: 700_000 / 2_800_000 },
    ]);
    expect(a.rfm.segments).toHaveLength(8);
    // E is VIP already (' VIP': tiers are free text).
    expect(a.rfm.suggestVip).toEqual([
      {
        customerId: 'b',
        name: '上海乙贸易有限公司',
        taxId: TAX.b,
        tier: 'normal',
        segment: 'importantValue',
        r: 4,
        f: 4,
        m: 5,
        total: 1_200_000,
        invoices: 5,
        lastDay: '2025-06-10',
      },
    ]);
    expect(run({ vipSegments: ['generalRetain'] }).rfm.suggestVip.map((v) => v.customerId)).toEqual(['a', 'c']);
  });

  it('is plain data that survives a message (JSON) unchanged', () => {
    const a = run();
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });

  it('gives the same figures whatever order the invoices and customers come in', () => {
    const reversed = analyse([...HISTORY].reverse(), [...CUSTOMERS].reverse(), { today: TODAY });
    expect(reversed).toEqual(run());
  });
});

describe('edge cases', () => {
  it('an empty history gives empty figures', () => {
    const a = analyse([], CUSTOMERS, { today: TODAY });
    expect(a.book).toMatchObject({ invoices: 0, total: 0, buyers: 0, customersWithoutInvoices: 5, firstDay: null });
    expect(a.months).toEqual([]);
    expect(a.buyers).toEqual([]);
    expect(a.pareto).toEqual({ share: 0.8, count: null, of: 0, buyerShare: null });
    expect(a.growth.growing).toEqual([]);
    expect(a.dormant.buyers).toEqual([]);
    expect(a.categories).toEqual({ categories: [], invoicesWithItems: 0, total: 0 });
    expect(a.rfm.scored).toBe(0);
    expect(a.rfm.suggestVip).toEqual([]);
  });

  it('one customer scores 3 on each dimension and has all the book', () => {
    const only = [invoice('x', [TAX.a, '杭州甲科技有限公司'], '2025-06-01', 10_000)];
    const a = analyse(only, CUSTOMERS, { today: TODAY });
    expect(a.buyers).toHaveLength(1);
    expect(a.buyers[0]).toMatchObject({ rank: 1, share: 1, cumulativeShare: 1, recencyDays: 29 });
    expect(a.buyers[0]?.rfm).toEqual({ r: 3, f: 3, m: 3, segment: 'generalRetain' });
    expect(a.pareto).toEqual({ share: 0.8, count: 1, of: 1, buyerShare: 1 });
  });

  it('a buyer with only red invoices has a total but no purchase, no recency and no RFM score', () => {
    const a = analyse(
      [
        invoice('r', [TAX.b, '上海乙贸易有限公司'], '2025-01-02', -30_000, { red: true }),
        invoice('x', [TAX.a, '杭州甲科技有限公司'], '2025-06-01', 100_000),
      ],
      CUSTOMERS,
      { today: TODAY },
    );
    const b = a.buyers.find((x) => x.customerId === 'b');
    expect(b).toMatchObject({ invoices: 0, redInvoices: 1, total: -30_000, average: null, lastDay: null, rfm: null });
    expect(b?.recencyDays).toBeNull();
    expect(a.book.total).toBe(70_000);
    expect(a.buyers.map((x) => x.customerId)).toEqual(['a', 'b']);
    expect(a.buyers[1]?.share).toBeCloseTo(-30_000 / 70_000, 12);
    expect(a.dormant.buyers).toEqual([]);
  });

  it('a book whose net total is not above 0 has no shares and no Pareto count', () => {
    const a = analyse(
      [
        invoice('x', [TAX.a, '杭州甲科技有限公司'], '2025-06-01', 10_000),
        invoice('r', [TAX.b, '上海乙贸易有限公司'], '2025-06-02', -10_000, { red: true }),
      ],
      CUSTOMERS,
      { today: TODAY },
    );
    expect(a.book.total).toBe(0);
    expect(a.buyers.map((b) => [b.share, b.cumulativeShare])).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(a.pareto.count).toBeNull();
  });

  it('only voided invoices make no buyer but are counted as voided', () => {
    const a = analyse([invoice('v', [TAX.u, '广州己科技有限公司'], '2025-05-01', 10_000, { void: true })], CUSTOMERS, {
      today: TODAY,
    });
    expect(a.buyers).toEqual([]);
    expect(a.book).toMatchObject({ voidedInvoices: 1, invoices: 0, total: 0, unknownBuyers: 0, firstDay: null });
    expect(a.months).toEqual([
      { month: '2025-05', invoices: 0, redInvoices: 0, voidedInvoices: 1, total: 0 },
      { month: '2025-06', invoices: 0, redInvoices: 0, voidedInvoices: 0, total: 0 },
    ]);
  });

  it('a purchase dated after today counts with recency 0 and stays out of the windows', () => {
    const a = analyse([invoice('f', [TAX.a, '杭州甲科技有限公司'], '2025-07-03', 10_000)], CUSTOMERS, { today: TODAY });
    expect(a.buyers[0]).toMatchObject({ recencyDays: 0, recent: 0, previous: 0, total: 10_000 });
    expect(a.months.map((m) => m.month)).toEqual(['2025-07']);
  });

  it('an invoice on a day the calendar lacks is counted, not a reason to fail', () => {
    const odd = { ...invoice('o', [TAX.a, '杭州甲科技有限公司'], '2025-06-01', 10_000), issuedOn: '2025-02-30' };
    const a = analyse([odd], CUSTOMERS, { today: TODAY });
    expect(a.buyers[0]).toMatchObject({ lastDay: '2025-02-30', recencyDays: 120, total: 10_000 });
    expect(a.months.map((m) => m.month)).toEqual(['2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
  });

  it('of two customers with one tax ID the first takes the invoices', () => {
    const twins = [
      customer('a', '杭州甲科技有限公司', { taxId: TAX.a }),
      customer('a2', '杭州甲公司', { taxId: TAX.a }),
    ];
    const a = analyse([invoice('x', [TAX.a, '杭州甲科技有限公司'], '2025-06-01', 10_000)], twins, { today: TODAY });
    expect(a.buyers.map((b) => b.customerId)).toEqual(['a']);
    expect(a.book.customersWithoutInvoices).toBe(1);
  });

  it('refuses options that do not check out', () => {
    expect(() => analyse([], [], { today: '2025-02-30' })).toThrow(/today/);
    expect(() => analyse([], [], { today: TODAY, growthMonths: 0 })).toThrow();
    expect(() => analyse([], [], { today: TODAY, paretoShare: 1.5 })).toThrow();
    expect(() => analyse([], [], { today: TODAY, vipSegments: ['gold' as never] })).toThrow();
  });
});
