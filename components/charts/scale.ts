/**
 * The pure geometry of the charts: scales, bar rectangles and line paths, in SVG user units. Coordinates are
 * rounded to 1/100 of a unit so that paths are short and the same figures always draw the same markup.
 */

const round = (n: number) => Math.round(n * 100) / 100;

/** A linear map from `domain` to `range`; a domain of one point maps everything to the range's start. */
export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number],
): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  if (span === 0 || !Number.isFinite(span)) return () => r0;
  const k = (r1 - r0) / span;
  return (value) => round(r0 + (value - d0) * k);
}

/** The smallest and largest of the values with 0 always inside, so that bars grow from a zero line. */
export function extentWithZero(values: readonly number[]): [number, number] {
  let min = 0;
  let max = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [min, max];
}

/** One bar: its box, and whether it stands for a value below zero (drawn apart, e.g. a month of red invoices). */
export interface BarRect {
  x: number;
  y: number;
  width: number;
  height: number;
  negative: boolean;
}

export interface BarLayout {
  bars: BarRect[];
  /** Where the zero line runs: a y for columns, an x for horizontal bars. */
  zero: number;
}

/**
 * Columns side by side in a `width` × `height` box (index 0 leftmost), a `gap` share of each slot left empty. Values
 * above zero rise from the zero line, values below it hang from it; a value of 0 has no height.
 */
export function columnLayout(values: readonly number[], width: number, height: number, gap = 0.2): BarLayout {
  const y = linearScale(extentWithZero(values), [height, 0]);
  const zero = y(0);
  const slot = values.length > 0 ? width / values.length : 0;
  const bar = slot * (1 - gap);
  const bars = values.map((value, i) => {
    const top = y(value);
    return {
      x: round(i * slot + (slot - bar) / 2),
      y: Math.min(top, zero),
      width: round(bar),
      height: round(Math.abs(zero - top)),
      negative: value < 0,
    };
  });
  return { bars, zero };
}

/** Horizontal bars one under another in a `width` wide band, each `rowHeight` tall with `gap` of it left empty. */
export function rowLayout(values: readonly number[], width: number, rowHeight: number, gap = 0.25): BarLayout {
  const x = linearScale(extentWithZero(values), [0, width]);
  const zero = x(0);
  const bar = rowHeight * (1 - gap);
  const bars = values.map((value, i) => {
    const end = x(value);
    return {
      x: Math.min(end, zero),
      y: round(i * rowHeight + (rowHeight - bar) / 2),
      width: round(Math.abs(end - zero)),
      height: round(bar),
      negative: value < 0,
    };
  });
  return { bars, zero };
}

/**
 * The points of a line through the values, spread evenly across `width` (one value sits in the middle) and scaled
 * to `height` less `pad` at top and bottom; the smallest value is lowest.
 */
export function linePoints(values: readonly number[], width: number, height: number, pad = 2): [number, number][] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  // All equal: a flat line across the middle.
  const y = min === max ? () => round(height / 2) : linearScale([min, max], [height - pad, pad]);
  const x = values.length === 1 ? () => round(width / 2) : linearScale([0, Math.max(1, values.length - 1)], [0, width]);
  return values.map((v, i) => [x(i), y(v)]);
}

/** An SVG path through the points ('M0,10L5,2…'); '' for none. */
export function linePath(points: readonly (readonly [number, number])[]): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x},${y}`).join('');
}

/**
 * Which of `count` labels along an axis to write so that none overlaps: every k-th, counted back from the last
 * (the latest month is the one a clerk looks for), with room for `fit` labels.
 */
export function labelEvery(count: number, fit: number): number {
  if (count <= 0 || fit <= 0) return 1;
  return Math.max(1, Math.ceil(count / fit));
}
