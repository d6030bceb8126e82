import { type CategoryBreakdown, categoryBreakdown } from './categories';
import { shiftMonths } from './days';
import { type Dormant, dormant } from './dormant';
import type { AnalysableCustomer, AnalysableInvoice } from './input';
import { type AnalyticsOptions, type AnalyticsOptionsInput, AnalyticsOptionsSchema } from './options';
import { type Pareto, type Ranked, rank } from './ranking';
import { type Rfm, rfmScores, type SegmentFigures, segmentFigures, suggestVip, type VipSuggestion } from './rfm';
import { type BookFigures, type BuyerFigures, type MonthFigures, tally } from './tally';
import { type Trends, trends } from './trends';

/** One buyer's figures, place in the ranking and RFM scores (null for buyers the book lacks or without purchases). */
export interface BuyerAnalytics extends BuyerFigures, Ranked {
  rfm: Rfm | null;
}

/**
 * Everything the analytics page shows. Money in fen; days 'YYYY-MM-DD'; months 'YYYY-MM'. Plain data, so it can be
 * posted as a message.
 */
export interface Analytics {
  options: AnalyticsOptions;
  book: BookFigures;
  /** The whole book month by month, empty months included. */
  months: MonthFigures[];
  /** Every buyer with a counted invoice, ranked by total (largest first). */
  buyers: BuyerAnalytics[];
  /** The first `options.top` of them. */
  top: BuyerAnalytics[];
  pareto: Pareto;
  growth: Trends & {
    months: number;
    /** The windows: (recentAfter, today] and (previousAfter, recentAfter]. */
    recentAfter: string;
    previousAfter: string;
  };
  dormant: {
    months: number;
    /** Dormant buyers' last purchase is on or before this day. */
    cutoff: string;
    buyers: Dormant[];
  };
  categories: CategoryBreakdown;
  rfm: {
    /** Customers scored: those of the book with a purchase. */
    scored: number;
    segments: SegmentFigures[];
    suggestVip: VipSuggestion[];
  };
}

/**
 * The analytics of an invoice history as of `options.today`: per-buyer figures, ranking and Pareto, growing,
 * shrinking and dormant buyers, the book's months, item categories and the RFM segments with VIP suggestions. Pure:
 * the clock is never read. Invoices are taken as stored (buyerTaxId normalised); customers link to them by their
 * normalised tax ID. Throws a ZodError when the options do not check out.
 */
export function analyse(
  invoices: readonly AnalysableInvoice[],
  customers: readonly AnalysableCustomer[],
  options: AnalyticsOptionsInput,
): Analytics {
  const opts = AnalyticsOptionsSchema.parse(options);
  const { today } = opts;
  const counted = tally(invoices, customers, today, opts.growthMonths);
  const { ranked, pareto } = rank(counted.buyers, counted.book.total, opts.paretoShare);
  const scores = rfmScores(ranked);
  const buyers: BuyerAnalytics[] = ranked.map((b, i) => Object.assign({}, b, { rfm: scores[i] ?? null }));
  const cutoff = shiftMonths(today, -opts.dormantMonths);
  const recentAfter = shiftMonths(today, -opts.growthMonths);
  return {
    options: opts,
    book: counted.book,
    months: counted.months,
    buyers,
    top: buyers.slice(0, opts.top),
    pareto,
    growth: {
      months: opts.growthMonths,
      recentAfter,
      previousAfter: shiftMonths(today, -2 * opts.growthMonths),
      ...trends(buyers, { minTotal: opts.minGrowthTotal, minChange: opts.minGrowthChange }),
    },
    dormant: { months: opts.dormantMonths, cutoff, buyers: dormant(buyers, cutoff) },
    categories: categoryBreakdown(invoices),
    rfm: {
      scored: scores.reduce((n, s) => (s ? n + 1 : n), 0),
      segments: segmentFigures(buyers),
      suggestVip: suggestVip(buyers, opts.vipSegments),
    },
  };
}
