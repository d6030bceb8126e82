import type { Customer } from './customer';
import { type InvoiceDraft, totalOf } from './invoice';
import { CREDIT_PERIODS } from './vocabulary';
import { z } from './zod';

/** From this share of the limit on (inclusive), in percent, the clerk is warned that the limit is near. */
export const CREDIT_NEAR_PERCENT = 80;

/**
 * How a customer stands against its limit. 'at' is a level of its own: with the limit used exactly, nothing is over
 * yet, but the next invoice of any amount goes over, which the clerk should hear before issuing rather than after.
 */
export const CREDIT_LEVELS = ['none', 'ok', 'near', 'at', 'over'] as const;
export type CreditLevel = (typeof CREDIT_LEVELS)[number];

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const fen = z.number().int();

/**
 * A customer's credit as the inline list, popup and fill confirmation show it; plain data (fen, days, integers), so
 * it crosses messages as it is.
 */
export const CreditStateSchema = z.object({
  level: z.enum(CREDIT_LEVELS),
  /**
   * The level on what is already issued, without the pending amount: level 'over' with this below it means that the
   * invoice about to be issued is what goes over.
   */
  levelBefore: z.enum(CREDIT_LEVELS),
  period: z.enum(CREDIT_PERIODS).nullable(),
  /** The first day counted ('YYYY-MM-01' for a monthly limit) and the last day of the period; null for 'total'. */
  from: z.string().regex(DAY).nullable(),
  to: z.string().regex(DAY).nullable(),
  /** The limit in fen; null when there is none. */
  limit: fen.nonnegative().nullable(),
  /** Issued in the period, in fen: red invoices subtract, voided ones count as nothing. May be below zero. */
  used: fen,
  /** The amount about to be invoiced, in fen (0 when none was given). */
  pending: fen,
  /** limit − used − pending, in fen; below zero by what is over. null when there is no limit. */
  remaining: fen.nullable(),
  /** (used + pending) / limit as a fraction; null with no limit or a limit of 0 (no share of nothing). */
  share: z.number().nullable(),
  /** The same in whole percent, rounded down (79.99% is 79, never 80) and never below 0; null as share is. */
  percent: z.number().int().nonnegative().nullable(),
  /** The invoices counted (voided ones not). */
  counted: z.number().int().nonnegative(),
});
export type CreditState = z.infer<typeof CreditStateSchema>;

type Counted = Pick<InvoiceDraft, 'issuedOn' | 'total' | 'void'>;

/**
 * Yuan to fen, exactly: from the number's shortest decimal form (what it was typed as), not its binary value, so
 * 0.1 is 10 fen and 1.005 is 101, never 100.49999999999999. Fractions of a fen round half away from zero (四舍五入).
 * Throws a RangeError for what is not a finite number or whose fen is beyond Number.MAX_SAFE_INTEGER.
 */
export function yuanToFen(yuan: number): number {
  if (!Number.isFinite(yuan)) throw new RangeError(`not an amount: ${yuan}`);
  const [mantissa = '', exponent = '0'] = Math.abs(yuan).toString().split('e');
  const [whole = '', fraction = ''] = mantissa.split('.');
  // Digits with the decimal point moved two places right (yuan → fen) and by the exponent (1e21, 1e-7).
  const digits = whole + fraction;
  const point = whole.length + Number(exponent) + 2;
  const padded = point <= 0 ? '0'.repeat(1 - point) + digits : digits.padEnd(point, '0');
  const at = Math.max(point, 1);
  const fenDigits = BigInt(padded.slice(0, at)) + (Number(padded[at] ?? '0') >= 5 ? 1n : 0n);
  if (fenDigits > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`amount too large: ${yuan}`);
  const result = Number(fenDigits);
  return yuan < 0 && result !== 0 ? -result : result;
}

/** The first and last day of a day's calendar month ('2024-02-14' → 2024-02-01 to 2024-02-29), or a RangeError. */
export function monthOf(day: string): { from: string; to: string } {
  const m = DAY.exec(day);
  const month = Number(m?.[2]);
  // Day 0 of the next month is the last of this one; UTC has no daylight saving to shift it.
  const last = m && month >= 1 && month <= 12 ? new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate() : 0;
  if (!m || Number(m[3]) < 1 || Number(m[3]) > last) throw new RangeError(`not a day (YYYY-MM-DD): ${day}`);
  return { from: `${m[1]}-${m[2]}-01`, to: `${m[1]}-${m[2]}-${String(last).padStart(2, '0')}` };
}

const CHINA_OFFSET = 8 * 60 * 60 * 1000;

/**
 * The day in China (UTC+8 all year: no daylight saving since 1991) at a moment, as 'YYYY-MM-DD': what a caller passes
 * as `today`, from its own clock (creditState never reads one).
 */
export function chinaDay(time: number): string {
  return new Date(time + CHINA_OFFSET).toISOString().slice(0, 10);
}

export type CreditPeriod = (typeof CREDIT_PERIODS)[number];

/**
 * The days a limit of this period counts on `today`: its calendar month for 'month', null (every day) for 'total'.
 * Throws a RangeError for a `today` that is not a day.
 */
export function periodDays(period: CreditPeriod, today: string): { from: string; to: string } | null {
  const month = monthOf(today);
  return period === 'month' ? month : null;
}

/** A limit in fen; one too large for whole fen (the schema takes any finite yuan) is as good as none reached. */
function limitInFen(amount: number): number {
  return amount > Number.MAX_SAFE_INTEGER / 100 ? Number.MAX_SAFE_INTEGER : yuanToFen(amount);
}

function levelOf(amount: number, limit: number | null): CreditLevel {
  if (limit === null) return 'none';
  if (amount > limit) return 'over';
  if (amount === limit) return 'at';
  // In integers (BigInt, since fen × 100 may pass 2^53): a share of 0.8 as a float would misjudge some amounts.
  return BigInt(amount) * 100n >= BigInt(limit) * BigInt(CREDIT_NEAR_PERCENT) ? 'near' : 'ok';
}

function percentOf(amount: number, limit: number): number {
  if (amount <= 0) return 0;
  return Number((BigInt(amount) * 100n) / BigInt(limit));
}

/** What a period's invoices add up to: fen (red ones subtract) and how many were counted (voided ones are not). */
export interface PeriodSum {
  used: number;
  counted: number;
}

/**
 * The sum of the invoices issued within `range` (every one when null), voided ones left out. Invoices outside it
 * are skipped, so a caller may pass all of a customer's invoices or only the period's.
 */
export function sumPeriod(invoices: readonly Counted[], range: { from: string; to: string } | null): PeriodSum {
  const counted = invoices.filter(
    (i) => !i.void && (range === null || (i.issuedOn >= range.from && i.issuedOn <= range.to)),
  );
  return { used: totalOf(counted), counted: counted.length };
}

/**
 * A customer's credit from what its invoices of the period add up to (see sumPeriod and periodDays): what remains,
 * and the level, judged on what is issued plus `pending` (fen, the invoice about to be issued; below zero for a red
 * one). Throws a RangeError for a `today` that is not a day or a `pending` that is not whole fen.
 */
export function creditOfSum(
  creditLimit: Customer['creditLimit'],
  sum: PeriodSum,
  today: string,
  pending = 0,
): CreditState {
  if (!Number.isSafeInteger(pending)) throw new RangeError(`pending must be whole fen: ${pending}`);
  const period = creditLimit?.period ?? null;
  // Checked even without a limit, so that a wrong `today` is found the first time rather than once a limit is set.
  const range = periodDays(period ?? 'total', today);
  const limit = creditLimit ? limitInFen(creditLimit.amount) : null;
  // With no limit nothing is counted: there is no period to count in.
  const { used, counted } = limit === null ? { used: 0, counted: 0 } : sum;
  const after = used + pending;
  return {
    level: levelOf(after, limit),
    levelBefore: levelOf(used, limit),
    period,
    from: range?.from ?? null,
    to: range?.to ?? null,
    limit,
    used,
    pending,
    remaining: limit === null ? null : limit - after,
    share: limit ? after / limit : null,
    percent: limit ? percentOf(after, limit) : null,
    counted,
  };
}

/**
 * A customer's credit on `today` ('YYYY-MM-DD', China time, from the caller's clock; see chinaDay): what its invoices
 * of the period add up to (this calendar month for a monthly limit, every invoice for a total one), what remains,
 * and the level, judged on what is issued plus `pending` (fen, the invoice about to be issued; below zero for a red
 * one). `invoices` may be all of the customer's or only the period's. Throws a RangeError for a `today` that is not
 * a day or a `pending` that is not whole fen.
 */
export function creditState(
  creditLimit: Customer['creditLimit'],
  invoices: readonly Counted[],
  today: string,
  pending = 0,
): CreditState {
  const range = creditLimit ? periodDays(creditLimit.period, today) : null;
  return creditOfSum(creditLimit, sumPeriod(creditLimit ? invoices : [], range), today, pending);
}
