import type { Row } from './rows';

/** Why a customer is in the review queue. */
export const REVIEW_REASONS = ['findings', 'incomplete', 'neverVerified', 'stale'] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

export interface ReviewItem {
  row: Row;
  /** In the order of REVIEW_REASONS: what is wrong first, then what is only old. */
  reasons: ReviewReason[];
}

const MONTH_MS = 30 * 86_400_000;

/**
 * The customers whose details are worth checking again, most pressing first: those with errors (a wrong tax ID),
 * those incomplete for a 专票, those never verified, and those verified longer ago than `months`. Within the same
 * reasons, the most recently used come first: a wrong detail there costs an invoice soonest.
 */
export function reviewQueue(rows: readonly Row[], now: number, months: number): ReviewItem[] {
  const staleBefore = now - months * MONTH_MS;
  const items: ReviewItem[] = [];
  for (const row of rows) {
    const { review } = row.customer;
    const reasons: ReviewReason[] = [];
    if (row.invalid) reasons.push('findings');
    if (row.incomplete) reasons.push('incomplete');
    if (review.status !== 'verified') reasons.push('neverVerified');
    else if ((review.at ?? 0) < staleBefore) reasons.push('stale');
    if (reasons.length > 0) items.push({ row, reasons });
  }
  const weight = (item: ReviewItem) => item.reasons.reduce((sum, r) => sum + (1 << (3 - REVIEW_REASONS.indexOf(r))), 0);
  return items.sort(
    (x, y) =>
      weight(y) - weight(x) ||
      (y.row.customer.lastUsedAt ?? 0) - (x.row.customer.lastUsedAt ?? 0) ||
      x.row.customer.id.localeCompare(y.row.customer.id),
  );
}
