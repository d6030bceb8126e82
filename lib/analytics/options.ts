import { z } from '../domain/zod';
import { isDay } from './days';
import { SEGMENTS } from './segments';

/**
 * What an analysis is asked for. `today` comes from the caller (the page or the worker reads the clock once, in
 * China time) so that the same history always gives the same figures.
 */
export const AnalyticsOptionsSchema = z.object({
  /** The day recency, windows and dormancy are counted from, 'YYYY-MM-DD'. */
  today: z.string().refine(isDay, { message: 'today must be a day, YYYY-MM-DD' }),
  /**
   * Growing and shrinking: the last N months against the N before them, counted in days from today so that a month
   * just begun is not compared whole: (today − N months, today] against (today − 2N months, today − N months].
   */
  growthMonths: z.number().int().min(1).max(60).default(3),
  /** Neither window reaching this many fen, a change is too small to count as growth or decline (1,000 yuan). */
  minGrowthTotal: z.number().int().nonnegative().default(100_000),
  /** The change must be at least this share of the earlier window's total (0.2 = 20%). */
  minGrowthChange: z.number().nonnegative().max(100).default(0.2),
  /** Dormant: purchases before, none in the last N months. */
  dormantMonths: z.number().int().min(1).max(120).default(6),
  /** How many customers the top list holds. */
  top: z.number().int().min(1).max(1000).default(20),
  /** The Pareto share: how many customers make this share of the total. */
  paretoShare: z.number().gt(0).max(1).default(0.8),
  /**
   * The RFM segments whose customers are suggested for VIP: by default 重要价值 only (recent, frequent and large).
   * 重要保持 (frequent and large, but not lately) is a list to call rather than to promote.
   */
  vipSegments: z.array(z.enum(SEGMENTS)).default(['importantValue']),
});
export type AnalyticsOptionsInput = z.input<typeof AnalyticsOptionsSchema>;
export type AnalyticsOptions = z.infer<typeof AnalyticsOptionsSchema>;
