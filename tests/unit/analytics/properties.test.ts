import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../lib/analytics/analyse';
import { quintileScores } from '../../../lib/analytics/rfm';
import { totalOf } from '../../../lib/domain/invoice';
import { CUSTOMERS, invoice, TAX, TODAY } from './history';

const BUYERS = [
  [TAX.a, '杭州甲科技有限公司'],
  [TAX.b, '上海乙贸易有限公司'],
  [TAX.e, '厦门戊食品有限公司'],
  [TAX.u, '广州己科技有限公司'],
  ['91110000600037341L', '北京小米科技有限责任公司'],
  ['', '张三'],
  ['', '李四'],
] as const;
const FIRST = Date.UTC(2023, 0, 1) / 86_400_000;
const LAST = Date.UTC(2025, 11, 31) / 86_400_000;

const anInvoice = fc
  .record({
    buyer: fc.constantFrom(...BUYERS),
    day: fc.integer({ min: FIRST, max: LAST }),
    total: fc.integer({ min: -500_000, max: 2_000_000 }),
    voided: fc.boolean(),
  })
  .map(({ buyer, day, total, voided }) => ({
    buyer,
    day: new Date(day * 86_400_000).toISOString().slice(0, 10),
    total,
    voided,
  }));
const histories = fc
  .array(anInvoice, { maxLength: 60 })
  .map((list) => list.map((x, i) => invoice(`i${i}`, x.buyer, x.day, x.total, { red: x.total < 0, void: x.voided })));

describe('properties over any history', () => {
  it('per-buyer totals, month totals and the book total all equal what totalOf gives', () => {
    fc.assert(
      fc.property(histories, (history) => {
        const a = analyse(history, CUSTOMERS, { today: TODAY });
        const total = totalOf(history);
        expect(a.book.total).toBe(total);
        expect(a.buyers.reduce((sum, b) => sum + b.total, 0)).toBe(total);
        expect(a.months.reduce((sum, m) => sum + m.total, 0)).toBe(total);
        // Each buyer's months line up with the book's and add up to the buyer's total.
        a.months.forEach((m, i) => {
          expect(a.buyers.reduce((sum, b) => sum + (b.monthly[i] as number), 0)).toBe(m.total);
        });
        expect(a.buyers.reduce((n, b) => n + b.invoices + b.redInvoices, 0)).toBe(
          history.filter((i) => !i.void).length,
        );
        // Beside a naive filter-and-sum per buyer.
        for (const b of a.buyers) {
          const mine = history.filter((i) => (i.buyerTaxId ? i.buyerTaxId === b.taxId : `n:${i.buyerName}` === b.key));
          expect(b.total).toBe(totalOf(mine));
          expect(b.monthly).toHaveLength(a.months.length);
          expect(b.invoices).toBe(mine.filter((i) => !i.void && !i.red).length);
        }
      }),
    );
  });

  it('shares add up to 1 and the cumulative share ends at 1 when the book is above 0', () => {
    fc.assert(
      fc.property(histories, (history) => {
        const a = analyse(history, CUSTOMERS, { today: TODAY });
        fc.pre(a.book.total > 0);
        expect(a.buyers.reduce((sum, b) => sum + b.share, 0)).toBeCloseTo(1, 9);
        expect(a.buyers.at(-1)?.cumulativeShare).toBe(1);
        const { count } = a.pareto;
        expect(count).not.toBeNull();
        // The Pareto count is the first rank whose cumulative share reaches the mark.
        expect(a.buyers[(count as number) - 1]?.cumulativeShare).toBeGreaterThanOrEqual(0.8 - 1e-9);
        if ((count as number) > 1) expect(a.buyers[(count as number) - 2]?.cumulativeShare).toBeLessThan(0.8);
      }),
    );
  });

  it('the figures do not depend on the order of the invoices', () => {
    fc.assert(
      fc.property(
        histories.chain((h) => fc.tuple(fc.constant(h), fc.shuffledSubarray(h, { minLength: h.length }))),
        ([history, shuffled]) => {
          expect(analyse(shuffled, CUSTOMERS, { today: TODAY })).toEqual(analyse(history, CUSTOMERS, { today: TODAY }));
        },
      ),
      { numRuns: 50 },
    );
  });

  it('quintile scores stay within 1–5 and never rank a larger value lower', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -20, max: 20 }), { maxLength: 80 }), (values) => {
        const scores = quintileScores(values);
        values.forEach((v, i) => {
          const s = scores[i] as number;
          expect(s).toBeGreaterThanOrEqual(1);
          expect(s).toBeLessThanOrEqual(5);
          values.forEach((w, j) => {
            if (v < w) expect(s).toBeLessThanOrEqual(scores[j] as number);
            if (v === w) expect(s).toBe(scores[j]);
          });
        });
      }),
    );
  });
});
