/**
 * The RFM segments: the eight-way split common in Chinese CRM practice (重要价值 / 重要发展 / 重要保持 / 重要挽留 and
 * their 一般 counterparts), each of recency, frequency and monetary judged high or low. Monetary decides 重要 or 一般;
 * recency and frequency decide which of the four:
 *
 *   R high, F high → 价值 (value: buys often, lately)        R high, F low → 发展 (develop: recent, not yet often)
 *   R low,  F high → 保持 (keep: used to buy often, slipping) R low,  F low → 挽留 (win back: rare and long ago)
 *
 * A dimension is high when its quintile score (1–5, see rfm.ts) is above the middle quintile, i.e. 4 or 5.
 */
export const SEGMENTS = [
  'importantValue',
  'importantDevelop',
  'importantKeep',
  'importantRetain',
  'generalValue',
  'generalDevelop',
  'generalKeep',
  'generalRetain',
] as const;
export type Segment = (typeof SEGMENTS)[number];

/** Scores at or above this are high. */
export const HIGH_SCORE = 4;

/** The segment of a customer's recency, frequency and monetary scores (1–5 each). */
export function segmentOf(r: number, f: number, m: number): Segment {
  const recent = r >= HIGH_SCORE;
  const frequent = f >= HIGH_SCORE;
  const prefix = m >= HIGH_SCORE ? 'important' : 'general';
  const kind = recent ? (frequent ? 'Value' : 'Develop') : frequent ? 'Keep' : 'Retain';
  return `${prefix}${kind}` as const;
}
