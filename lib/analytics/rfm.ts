import { compareText } from './compare';
import { SEGMENTS, type Segment, segmentOf } from './segments';
import type { BuyerFigures } from './tally';

/** A customer's recency, frequency and monetary scores (1–5, higher is better) and the segment they make. */
export interface Rfm {
  r: number;
  f: number;
  m: number;
  segment: Segment;
}

export interface SegmentFigures {
  segment: Segment;
  customers: number;
  /** fen. */
  total: number;
  /** Of the scored customers' total; 0 when that is not above 0. */
  share: number;
}

/** A customer whose segment deserves VIP treatment and whose tier is not VIP yet. */
export interface VipSuggestion {
  customerId: string;
  name: string;
  taxId: string;
  tier: string;
  segment: Segment;
  r: number;
  f: number;
  m: number;
  total: number;
  invoices: number;
  lastDay: string;
}

/**
 * Quintile scores 1–5 of the values, higher values scoring higher. Each value's place is its mid-rank percentile,
 * (values below + half the values equal) / count, so equal values always score the same and a run of ties lands
 * where its middle is: all values equal score 3, and 10 distinct values score 1 1 2 2 3 3 4 4 5 5.
 */
export function quintileScores(values: readonly number[]): number[] {
  const n = values.length;
  const order = values.map((_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number));
  const scores = new Array<number>(n).fill(0);
  for (let start = 0; start < n; ) {
    const value = values[order[start] as number];
    let end = start + 1;
    while (end < n && values[order[end] as number] === value) end++;
    // Integer numerator and denominator: 5 · (2·below + equal) / (2·n), floored, is exact at the quintile edges.
    const score = Math.min(5, Math.floor((5 * (2 * start + (end - start))) / (2 * n)) + 1);
    for (let k = start; k < end; k++) scores[order[k] as number] = score;
    start = end;
  }
  return scores;
}

type Scorable = Pick<BuyerFigures, 'customerId' | 'invoices' | 'total' | 'recencyDays'>;

/** Whether a buyer is scored: a customer of the book with at least one purchase. */
export const isScorable = (b: Scorable): boolean => b.customerId !== null && b.invoices > 0 && b.recencyDays !== null;

/**
 * RFM over the given buyers (those isScorable accepts; others get null): recency scored on days since the last
 * purchase (fewer is better), frequency on purchases, monetary on the net total. Quintiles are taken over the scored
 * buyers only, so buyers the book lacks do not move the customers' scores.
 */
export function rfmScores(buyers: readonly Scorable[]): (Rfm | null)[] {
  const scored = buyers.filter(isScorable);
  const r = quintileScores(scored.map((b) => -(b.recencyDays as number)));
  const f = quintileScores(scored.map((b) => b.invoices));
  const m = quintileScores(scored.map((b) => b.total));
  const byBuyer = new Map<Scorable, Rfm>();
  scored.forEach((b, i) => {
    const [ri, fi, mi] = [r[i] as number, f[i] as number, m[i] as number];
    byBuyer.set(b, { r: ri, f: fi, m: mi, segment: segmentOf(ri, fi, mi) });
  });
  return buyers.map((b) => byBuyer.get(b) ?? null);
}

/** Count and total of every segment, in the order of SEGMENTS (empty ones too, so that charts keep their bars). */
export function segmentFigures(
  buyers: readonly (Pick<BuyerFigures, 'total'> & { rfm: Rfm | null })[],
): SegmentFigures[] {
  const rows = new Map<Segment, SegmentFigures>(
    SEGMENTS.map((segment) => [segment, { segment, customers: 0, total: 0, share: 0 }]),
  );
  let total = 0;
  for (const b of buyers) {
    if (!b.rfm) continue;
    const row = rows.get(b.rfm.segment) as SegmentFigures;
    row.customers += 1;
    row.total += b.total;
    total += b.total;
  }
  return [...rows.values()].map((row) => ({ ...row, share: total > 0 ? row.total / total : 0 }));
}

/** Whether a tier is VIP: tiers are free text, so case and spaces do not matter. */
export const isVipTier = (tier: string | null): boolean => tier?.trim().toLowerCase() === 'vip';

/**
 * Customers in one of `segments` whose tier is not VIP and whose net total is above 0, the largest total first.
 */
export function suggestVip(
  buyers: readonly (BuyerFigures & { rfm: Rfm | null })[],
  segments: readonly Segment[],
): VipSuggestion[] {
  const wanted = new Set(segments);
  const out: VipSuggestion[] = [];
  for (const b of buyers) {
    if (!b.rfm || b.customerId === null || b.lastDay === null) continue;
    if (!wanted.has(b.rfm.segment) || isVipTier(b.tier) || b.total <= 0) continue;
    out.push({
      customerId: b.customerId,
      name: b.name,
      taxId: b.taxId,
      tier: b.tier ?? '',
      segment: b.rfm.segment,
      r: b.rfm.r,
      f: b.rfm.f,
      m: b.rfm.m,
      total: b.total,
      invoices: b.invoices,
      lastDay: b.lastDay,
    });
  }
  return out.sort(
    (a, b) => b.total - a.total || compareText(a.name, b.name) || compareText(a.customerId, b.customerId),
  );
}
