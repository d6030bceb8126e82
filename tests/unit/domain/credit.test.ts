import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CREDIT_LEVELS,
  CREDIT_NEAR_PERCENT,
  CreditStateSchema,
  chinaDay,
  creditState,
  monthOf,
  yuanToFen,
} from '../../../lib/domain/credit';
import type { Customer } from '../../../lib/domain/customer';
import { parseCreditAmount } from '../../../lib/domain/edit';
import type { InvoiceDraft } from '../../../lib/domain/invoice';
import { invoiceDraft } from '../../support/invoice';

const invoice = (day: string, total: number, over: Partial<InvoiceDraft> = {}) =>
  invoiceDraft('91110000600037341L', day, total, over);

const monthly = (yuan: number): Customer['creditLimit'] => ({ amount: yuan, period: 'month' });
const TODAY = '2026-03-15';

describe('credit levels', () => {
  // A limit of 1,000 yuan = 100,000 fen; one invoice of the month uses what each case says.
  const at = (usedFen: number, pending = 0) =>
    creditState(monthly(1000), [invoice('2026-03-02', usedFen)], TODAY, pending);

  it('is ok below 80%, to the fen', () => {
    expect(CREDIT_NEAR_PERCENT).toBe(80);
    const state = at(79_999);
    expect(state).toMatchObject({ level: 'ok', limit: 100_000, used: 79_999, remaining: 20_001, percent: 79 });
    expect(state.share).toBeCloseTo(0.79999, 10);
  });

  it('is near from exactly 80%', () => {
    expect(at(80_000)).toMatchObject({ level: 'near', percent: 80, remaining: 20_000, share: 0.8 });
  });

  it('is near between 80% and 100%', () => {
    expect(at(95_000)).toMatchObject({ level: 'near', percent: 95 });
    expect(at(99_999)).toMatchObject({ level: 'near', percent: 99, remaining: 1 });
  });

  it('is at the limit at exactly 100%: nothing over, nothing left', () => {
    expect(at(100_000)).toMatchObject({ level: 'at', levelBefore: 'at', percent: 100, remaining: 0, share: 1 });
  });

  it('is over past 100%, by a single fen', () => {
    expect(at(100_001)).toMatchObject({ level: 'over', percent: 100, remaining: -1 });
    expect(at(250_000)).toMatchObject({ level: 'over', percent: 250, remaining: -150_000 });
  });

  it('is over when only the pending amount takes it over, and says it was not before', () => {
    const state = at(90_000, 20_000);
    expect(state).toMatchObject({ level: 'over', levelBefore: 'near', used: 90_000, pending: 20_000 });
    expect(state).toMatchObject({ remaining: -10_000, percent: 110 });
    expect(at(10_000, 70_000)).toMatchObject({ level: 'near', levelBefore: 'ok' });
    expect(at(60_000, 40_000)).toMatchObject({ level: 'at', levelBefore: 'ok', remaining: 0 });
    // A red invoice about to be issued gives room back.
    expect(at(100_001, -2)).toMatchObject({ level: 'near', levelBefore: 'over', remaining: 1 });
  });

  it('never lowers the level as the pending amount grows', () => {
    const rank = (level: string) => CREDIT_LEVELS.indexOf(level as (typeof CREDIT_LEVELS)[number]);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_00 }),
        fc.integer({ min: -1_000_000_00, max: 1_000_000_00 }),
        fc.nat(1_000_000_00),
        fc.nat(1_000_000_00),
        (limitFen, usedFen, pending, more) => {
          const invoices = [invoice('2026-03-01', usedFen)];
          const limit = monthly(limitFen / 100);
          const before = creditState(limit, invoices, TODAY, pending);
          const after = creditState(limit, invoices, TODAY, pending + more);
          expect(rank(after.level)).toBeGreaterThanOrEqual(rank(before.level));
          expect(before.remaining).toBe(limitFen - usedFen - pending);
        },
      ),
    );
  });

  it('takes a limit of 0 as nothing allowed: at with nothing issued, over with one fen', () => {
    expect(creditState(monthly(0), [], TODAY)).toMatchObject({ level: 'at', limit: 0, share: null, percent: null });
    expect(creditState(monthly(0), [], TODAY, 1)).toMatchObject({ level: 'over', remaining: -1 });
  });

  it('rounds the percentage down exactly, where floats would not', () => {
    // 0.29 * 100 is 28.999999999999996 in floats.
    expect(creditState(monthly(1), [invoice('2026-03-01', 29)], TODAY).percent).toBe(29);
    expect(creditState(monthly(1), [invoice('2026-03-01', 57)], TODAY).percent).toBe(57);
  });

  it('judges near and over exactly at amounts past 2^53 / 100 fen', () => {
    const limit = monthly(10_000_000_000_000); // 10^15 fen
    expect(creditState(limit, [invoice('2026-03-01', 800_000_000_000_000)], TODAY).level).toBe('near');
    expect(creditState(limit, [invoice('2026-03-01', 799_999_999_999_999)], TODAY).level).toBe('ok');
  });
});

describe('the period', () => {
  it('counts the calendar month of today, first and last day included', () => {
    const invoices = [
      invoice('2026-02-28', 1_000),
      invoice('2026-03-01', 20),
      invoice('2026-03-31', 300),
      invoice('2026-04-01', 4_000),
      invoice('2025-03-15', 50_000), // the same month a year before
    ];
    const state = creditState(monthly(100), invoices, '2026-03-01');
    expect(state).toMatchObject({ used: 320, counted: 2, from: '2026-03-01', to: '2026-03-31', period: 'month' });
    expect(creditState(monthly(100), invoices, '2026-02-28')).toMatchObject({ used: 1_000, to: '2026-02-28' });
  });

  it('knows the length of each month, leap Februaries included', () => {
    expect(monthOf('2024-02-10')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthOf('2026-02-10')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthOf('2100-02-01').to).toBe('2100-02-28');
    expect(monthOf('2026-04-30').to).toBe('2026-04-30');
    expect(monthOf('2026-12-31')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it("turns the month at midnight in China, eight hours before UTC's", () => {
    // 2026-03-01 00:00 in Beijing is 2026-02-28 16:00 UTC.
    const midnight = Date.UTC(2026, 1, 28, 16, 0, 0);
    expect(chinaDay(midnight - 1)).toBe('2026-02-28');
    expect(chinaDay(midnight)).toBe('2026-03-01');
    expect(chinaDay(Date.UTC(2026, 11, 31, 15, 59, 59, 999))).toBe('2026-12-31');
    expect(chinaDay(Date.UTC(2026, 11, 31, 16))).toBe('2027-01-01');
    const invoices = [invoice('2026-02-27', 700), invoice('2026-03-01', 50)];
    expect(creditState(monthly(10), invoices, chinaDay(midnight - 1)).used).toBe(700);
    expect(creditState(monthly(10), invoices, chinaDay(midnight)).used).toBe(50);
  });

  it('counts every invoice for a total limit, of any year', () => {
    const invoices = [invoice('2019-07-01', 10_000), invoice('2026-03-10', 2_000), invoice('2027-01-01', 300)];
    const state = creditState({ amount: 150, period: 'total' }, invoices, TODAY);
    expect(state).toMatchObject({ period: 'total', from: null, to: null, used: 12_300, counted: 3 });
    expect(state).toMatchObject({ level: 'near', remaining: 2_700, percent: 82 });
  });

  it('subtracts red invoices and leaves voided ones out', () => {
    const invoices = [
      invoice('2026-03-02', 100_000),
      invoice('2026-03-03', -30_000),
      invoice('2026-03-04', 50_000, { void: true }),
      invoice('2026-03-05', 10_000, { redFlushed: true }),
    ];
    const state = creditState(monthly(1000), invoices, TODAY);
    expect(state).toMatchObject({ used: 80_000, counted: 3, level: 'near' });
  });

  it('lets a red invoice of this month for a blue one of last month bring the sum below zero', () => {
    const invoices = [invoice('2026-02-20', 60_000), invoice('2026-03-02', -60_000)];
    const state = creditState(monthly(500), invoices, TODAY);
    expect(state).toMatchObject({ used: -60_000, level: 'ok', remaining: 110_000, percent: 0 });
  });

  it('says none and counts nothing without a limit', () => {
    const state = creditState(null, [invoice('2026-03-02', 999_999)], TODAY, 500);
    expect(state).toEqual({
      level: 'none',
      levelBefore: 'none',
      period: null,
      from: null,
      to: null,
      limit: null,
      used: 0,
      pending: 500,
      remaining: null,
      share: null,
      percent: null,
      counted: 0,
    });
  });

  it('refuses a today that is not a day and a pending amount that is not whole fen', () => {
    for (const day of ['2026-3-15', '2026/03/15', '2026-13-01', '2026-00-10', '2026-02-29', '2026-03-00', '']) {
      expect(() => creditState(monthly(1), [], day)).toThrow(RangeError);
      expect(() => creditState(null, [], day)).toThrow(RangeError);
    }
    expect(() => creditState(monthly(1), [], TODAY, 1.5)).toThrow(RangeError);
    expect(() => creditState(monthly(1), [], TODAY, Number.NaN)).toThrow(RangeError);
  });

  it('is plain data that its schema takes, also after JSON', () => {
    const state = creditState(monthly(1234.5), [invoice('2026-03-02', 1_000)], TODAY, 99);
    expect(CreditStateSchema.parse(JSON.parse(JSON.stringify(state)))).toEqual(state);
    expect(CreditStateSchema.parse(creditState(null, [], TODAY))).toMatchObject({ level: 'none' });
  });
});

describe('yuan to fen', () => {
  it('converts yuan with decimals exactly', () => {
    expect(yuanToFen(0.1)).toBe(10);
    expect(yuanToFen(0.29)).toBe(29); // 0.29 * 100 = 28.999999999999996
    expect(yuanToFen(1.1)).toBe(110); // 1.1 * 100 = 110.00000000000001
    expect(yuanToFen(1234.56)).toBe(123_456);
    expect(yuanToFen(50_000)).toBe(5_000_000);
    expect(yuanToFen(0)).toBe(0);
    expect(yuanToFen(-0.07)).toBe(-7);
    expect(creditState(monthly(0.1), [invoice('2026-03-02', 8)], TODAY)).toMatchObject({ limit: 10, level: 'near' });
  });

  it('rounds fractions of a fen half up on the written digits, not the binary value', () => {
    expect(yuanToFen(1.005)).toBe(101); // 1.005 * 100 = 100.49999999999999
    expect(yuanToFen(1.004)).toBe(100);
    expect(yuanToFen(0.015)).toBe(2);
    expect(yuanToFen(-1.005)).toBe(-101);
    expect(yuanToFen(1e-7)).toBe(0);
    expect(yuanToFen(5e-3)).toBe(1);
    expect(yuanToFen(1.5e10)).toBe(1_500_000_000_000);
  });

  it('gives every amount of at most two decimals as typed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000_000 }), (fen) => {
        const text = `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
        const typed = parseCreditAmount(text);
        expect(typed).not.toBeNull();
        expect(yuanToFen(typed ?? Number.NaN)).toBe(fen);
      }),
    );
  });

  it('refuses what has no whole fen, and holds a limit too large for one as never reached', () => {
    expect(() => yuanToFen(Number.NaN)).toThrow(RangeError);
    expect(() => yuanToFen(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => yuanToFen(1e21)).toThrow(RangeError);
    const state = creditState(monthly(1e21), [invoice('2026-03-02', 900_000_000_000_000)], TODAY);
    expect(state).toMatchObject({ level: 'ok', limit: Number.MAX_SAFE_INTEGER });
  });
});
