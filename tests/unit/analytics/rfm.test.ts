import { describe, expect, it } from 'vitest';
import { isVipTier, quintileScores, rfmScores } from '../../../lib/analytics/rfm';
import { SEGMENTS, segmentOf } from '../../../lib/analytics/segments';

describe('quintile scores', () => {
  it('spreads distinct values over 1–5 by their place', () => {
    expect(quintileScores([10, 20, 30, 40, 50])).toEqual([1, 2, 3, 4, 5]);
    expect(quintileScores([5, 1, 4, 2, 3])).toEqual([5, 1, 4, 2, 3]);
    expect(quintileScores([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(quintileScores([-3, -1, -2])).toEqual([1, 5, 3]);
  });

  it('gives equal values the same score, where the middle of their run falls', () => {
    expect(quintileScores([7, 7, 7, 7])).toEqual([3, 3, 3, 3]);
    expect(quintileScores([42])).toEqual([3]);
    // Eight customers with one invoice and two with more: the eight sit at the 40th percentile.
    expect(quintileScores([1, 1, 1, 1, 1, 1, 1, 1, 5, 9])).toEqual([3, 3, 3, 3, 3, 3, 3, 3, 5, 5]);
    expect(quintileScores([1, 1, 2, 2, 2, 3])).toEqual([1, 1, 3, 3, 3, 5]);
    expect(quintileScores([])).toEqual([]);
  });
});

describe('segments', () => {
  it('calls 4 and 5 high: monetary decides 重要 or 一般, recency and frequency which of four', () => {
    expect(segmentOf(5, 5, 5)).toBe('importantValue');
    expect(segmentOf(4, 3, 4)).toBe('importantDevelop');
    expect(segmentOf(3, 4, 5)).toBe('importantKeep');
    expect(segmentOf(1, 1, 4)).toBe('importantRetain');
    expect(segmentOf(4, 4, 3)).toBe('generalValue');
    expect(segmentOf(5, 1, 1)).toBe('generalDevelop');
    expect(segmentOf(2, 5, 2)).toBe('generalKeep');
    expect(segmentOf(3, 3, 3)).toBe('generalRetain');
    const all = new Set<string>();
    for (const r of [1, 5]) for (const f of [1, 5]) for (const m of [1, 5]) all.add(segmentOf(r, f, m));
    expect([...all].sort()).toEqual([...SEGMENTS].sort());
  });

  it('scores only customers of the book with a purchase, fewer days since scoring higher', () => {
    const buyer = (customerId: string | null, invoices: number, total: number, recencyDays: number | null) => ({
      customerId,
      invoices,
      total,
      recencyDays,
    });
    expect(
      rfmScores([
        buyer('a', 1, 100, 300),
        buyer(null, 50, 1_000_000, 0), // not in the book: moves nobody's score
        buyer('b', 3, 500, 10),
        buyer('c', 0, -50, null), // red invoices only
        buyer('d', 2, 300, 100),
      ]),
    ).toEqual([
      { r: 1, f: 1, m: 1, segment: 'generalRetain' },
      null,
      { r: 5, f: 5, m: 5, segment: 'importantValue' },
      null,
      { r: 3, f: 3, m: 3, segment: 'generalRetain' },
    ]);
  });

  it('takes any case and spacing of vip as VIP', () => {
    expect(isVipTier('vip')).toBe(true);
    expect(isVipTier(' VIP ')).toBe(true);
    expect(isVipTier('Vip')).toBe(true);
    expect(isVipTier('normal')).toBe(false);
    expect(isVipTier('svip')).toBe(false);
    expect(isVipTier(null)).toBe(false);
  });
});
