/** Summary of timing samples in ms: nearest-rank percentiles, rounded to µs. */
export interface Stats {
  samples: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

export function stats(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const mean = sorted.reduce((s, x) => s + x, 0) / Math.max(1, sorted.length);
  return { samples: sorted.length, p50: round(at(0.5)), p95: round(at(0.95)), max: round(at(1)), mean: round(mean) };
}
