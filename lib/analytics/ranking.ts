import { compareText } from './compare';
import type { BuyerFigures } from './tally';

/** A buyer's place in the book: competition ranking (equal totals share a rank: 1, 2, 2, 4). */
export interface Ranked {
  rank: number;
  /** Of the book's total; 0 for all when the book's total is not above 0. */
  share: number;
  /** The shares of this buyer and every buyer ranked before it. */
  cumulativeShare: number;
}

/** How many buyers make the Pareto share of the total. */
export interface Pareto {
  /** The share asked about, e.g. 0.8. */
  share: number;
  /** The fewest top buyers whose totals reach it; null when the book's total is not above 0. */
  count: number | null;
  /** Buyers ranked. */
  of: number;
  /** count / of; null with count. */
  buyerShare: number | null;
}

/** Largest total first; equal totals by name, then key, so that the order never depends on the input's. */
export function byTotal(
  a: Pick<BuyerFigures, 'total' | 'name' | 'key'>,
  b: Pick<BuyerFigures, 'total' | 'name' | 'key'>,
) {
  return b.total - a.total || compareText(a.name, b.name) || compareText(a.key, b.key);
}

/** 0.7 × 100 is 70.00000000000001 in floating point: a share that reaches the mark exactly must count. */
const TOLERANCE = 1e-9;

/**
 * Ranks the buyers (sorted by byTotal) against the book's total. The running sum is kept in whole fen, so the last
 * buyer's cumulative share is exactly 1.
 */
export function rank<T extends Pick<BuyerFigures, 'total' | 'name' | 'key'>>(
  buyers: readonly T[],
  bookTotal: number,
  paretoShare: number,
): { ranked: (T & Ranked)[]; pareto: Pareto } {
  const sorted = [...buyers].sort(byTotal);
  const positive = bookTotal > 0;
  let running = 0;
  let count: number | null = null;
  let previous: (T & Ranked) | undefined;
  const ranked = sorted.map((buyer, i) => {
    running += buyer.total;
    if (positive && count === null && running / bookTotal >= paretoShare - TOLERANCE) count = i + 1;
    const rank = previous && previous.total === buyer.total ? previous.rank : i + 1;
    // Object.assign, not a spread: V8 copies a spread of a many-field object slowly, and this runs per buyer.
    const row: T & Ranked = Object.assign({}, buyer, {
      rank,
      share: positive ? buyer.total / bookTotal : 0,
      cumulativeShare: positive ? running / bookTotal : 0,
    });
    previous = row;
    return row;
  });
  const of = ranked.length;
  return {
    ranked,
    pareto: { share: paretoShare, count, of, buyerShare: count === null ? null : count / of },
  };
}
