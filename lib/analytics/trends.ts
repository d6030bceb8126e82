import { compareText } from './compare';
import type { BuyerFigures } from './tally';

/** A buyer whose last N months differ from the N before. Money in fen. */
export interface Trend {
  key: string;
  customerId: string | null;
  name: string;
  taxId: string;
  recent: number;
  previous: number;
  /** recent − previous. */
  change: number;
  /** change / previous; null when the earlier window is not above 0 (a new buyer has no rate). */
  ratio: number | null;
}

export interface TrendRules {
  /** One of the two windows must reach this many fen. */
  minTotal: number;
  /** The change must be at least this share of the earlier window (0.2 = 20%). */
  minChange: number;
}

export interface Trends {
  /** Largest gain first. */
  growing: Trend[];
  /** Largest loss first. */
  shrinking: Trend[];
}

/**
 * Growing and shrinking buyers from the window totals tally keeps. A change counts when the larger window reaches
 * `minTotal` (so that 10 yuan becoming 30 is not growth) and the change is at least `minChange` of the earlier
 * window; a buyer with nothing before (or a net refund) and enough now is growing.
 */
export function trends(buyers: readonly BuyerFigures[], rules: TrendRules): Trends {
  const growing: Trend[] = [];
  const shrinking: Trend[] = [];
  for (const b of buyers) {
    const change = b.recent - b.previous;
    if (change === 0 || Math.max(b.recent, b.previous) < rules.minTotal) continue;
    if (b.previous > 0 && Math.abs(change) < rules.minChange * b.previous) continue;
    const trend: Trend = {
      key: b.key,
      customerId: b.customerId,
      name: b.name,
      taxId: b.taxId,
      recent: b.recent,
      previous: b.previous,
      change,
      ratio: b.previous > 0 ? change / b.previous : null,
    };
    (change > 0 ? growing : shrinking).push(trend);
  }
  growing.sort((a, b) => b.change - a.change || compareText(a.key, b.key));
  shrinking.sort((a, b) => a.change - b.change || compareText(a.key, b.key));
  return { growing, shrinking };
}
