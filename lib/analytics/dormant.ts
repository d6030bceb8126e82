import { compareText } from './compare';
import type { BuyerFigures } from './tally';

/** A buyer who used to buy and has not in the last N months. */
export interface Dormant {
  key: string;
  customerId: string | null;
  name: string;
  taxId: string;
  lastDay: string;
  recencyDays: number;
  /** Over the whole history, fen. */
  total: number;
  invoices: number;
}

/**
 * Buyers with purchases whose last one is on or before `cutoff` (today − N months): none in (cutoff, today].
 * The most valuable first, since those are the ones worth a call.
 */
export function dormant(buyers: readonly BuyerFigures[], cutoff: string): Dormant[] {
  const out: Dormant[] = [];
  for (const b of buyers) {
    if (b.lastDay === null || b.recencyDays === null || b.lastDay > cutoff) continue;
    out.push({
      key: b.key,
      customerId: b.customerId,
      name: b.name,
      taxId: b.taxId,
      lastDay: b.lastDay,
      recencyDays: b.recencyDays,
      total: b.total,
      invoices: b.invoices,
    });
  }
  return out.sort((a, b) => b.total - a.total || compareText(a.lastDay, b.lastDay) || compareText(a.key, b.key));
}
