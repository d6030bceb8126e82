/** How much recency one doubling of the use count is worth. */
export const FRECENCY_HALF_LIFE_MS = 7 * 86_400_000;

/**
 * The recency/frequency score that orders search hits of the same match kind (higher first):
 * `lastUsedAt + 7 days × log2(1 + useCount)`. It is a log-scale exponential decay (a use
 * loses half its weight every 7 days), so the order of two customers does not depend on when
 * the search runs and can be kept precomputed. Examples: used twice a week ago beats used once
 * three days ago; used 100 times three weeks ago beats used once today. Customers never used
 * count from the epoch, so they come after every used one and among themselves by use count.
 */
export function frecency(lastUsedAt: number | null, useCount: number): number {
  return (lastUsedAt ?? 0) + FRECENCY_HALF_LIFE_MS * Math.log2(1 + Math.max(0, useCount));
}

export interface Rankable {
  id: string;
  score: number;
  /** The name key; shorter names first, then by their pinyin. */
  name: string;
  pinyin: string;
}

/** The order of hits within one match kind: frecency, then shorter name, then pinyin, then id. */
export function compareRank(a: Rankable, b: Rankable): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.name.length !== b.name.length) return a.name.length - b.name.length;
  if (a.pinyin !== b.pinyin) return a.pinyin < b.pinyin ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
