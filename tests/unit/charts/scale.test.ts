import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  columnLayout,
  extentWithZero,
  labelEvery,
  linearScale,
  linePath,
  linePoints,
  rowLayout,
} from '../../../components/charts/scale';

describe('linear scale', () => {
  it('maps the domain onto the range, reversed ranges included', () => {
    const y = linearScale([0, 200], [100, 0]);
    expect([y(0), y(50), y(200), y(-100)]).toEqual([100, 75, 0, 150]);
  });

  it('maps a one-point domain to the start of the range rather than dividing by zero', () => {
    expect(linearScale([5, 5], [10, 20])(5)).toBe(10);
  });

  it('rounds to 1/100 of a unit', () => {
    expect(linearScale([0, 3], [0, 1])(1)).toBe(0.33);
  });
});

describe('extent', () => {
  it('always holds zero, and passes over what is not a number', () => {
    expect(extentWithZero([3, 7, 5])).toEqual([0, 7]);
    expect(extentWithZero([-4, 2])).toEqual([-4, 2]);
    expect(extentWithZero([-4, Number.NaN, -1])).toEqual([-4, 0]);
    expect(extentWithZero([])).toEqual([0, 0]);
  });
});

describe('columns', () => {
  it('rise from the zero line, hang below it when negative, and share the width', () => {
    const { bars, zero } = columnLayout([100, -50, 0, 50], 400, 150, 0.5);
    // Domain [-50, 100] onto [150, 0], one unit a unit: zero sits 50 above the bottom.
    expect(zero).toBe(100);
    expect(bars).toEqual([
      { x: 25, y: 0, width: 50, height: 100, negative: false },
      { x: 125, y: 100, width: 50, height: 50, negative: true },
      { x: 225, y: 100, width: 50, height: 0, negative: false },
      { x: 325, y: 50, width: 50, height: 50, negative: false },
    ]);
  });

  it('stay inside the box and keep their order for any values', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e9, max: 1e9 }), { minLength: 1, maxLength: 60 }), (values) => {
        const { bars } = columnLayout(values, 600, 160);
        for (const [i, bar] of bars.entries()) {
          expect(bar.y).toBeGreaterThanOrEqual(0);
          expect(bar.y + bar.height).toBeLessThanOrEqual(160.01);
          expect(bar.x + bar.width).toBeLessThanOrEqual(600.01);
          if (i > 0) expect(bar.x).toBeGreaterThan((bars[i - 1] as { x: number }).x);
        }
        // The tallest bar is the value farthest from zero.
        const far = values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
        const tallest = Math.max(...bars.map((b) => b.height));
        expect(tallest).toBe(Math.max(...values.map((v, i) => (Math.abs(v) === far ? (bars[i]?.height ?? 0) : 0))));
      }),
    );
  });
});

describe('rows', () => {
  it('run right of the zero line in proportion, one under another', () => {
    const { bars, zero } = rowLayout([300, 150, 0], 300, 20, 0.5);
    expect(zero).toBe(0);
    expect(bars.map((b) => [b.x, b.y, b.width, b.height])).toEqual([
      [0, 5, 300, 10],
      [0, 25, 150, 10],
      [0, 45, 0, 10],
    ]);
  });

  it('start left of the zero line for a net refund', () => {
    const { bars, zero } = rowLayout([100, -100], 200, 20);
    expect(zero).toBe(100);
    expect(bars[1]).toMatchObject({ x: 0, width: 100, negative: true });
  });
});

describe('line', () => {
  it('spreads the points across the width with the largest value on top', () => {
    expect(linePoints([0, 10, 5], 100, 24, 2)).toEqual([
      [0, 22],
      [50, 2],
      [100, 12],
    ]);
  });

  it('draws equal values flat across the middle, and one value in the middle', () => {
    expect(linePoints([7, 7], 40, 20).map(([, y]) => y)).toEqual([10, 10]);
    expect(linePoints([7], 40, 20)).toEqual([[20, 10]]);
  });

  it('builds a path of moves and lines', () => {
    expect(linePath([])).toBe('');
    expect(
      linePath([
        [0, 22],
        [50, 2],
        [100, 12.5],
      ]),
    ).toBe('M0,22L50,2L100,12.5');
  });
});

describe('axis labels', () => {
  it('writes every k-th label so that at most `fit` show', () => {
    expect(labelEvery(36, 11)).toBe(4);
    expect(labelEvery(6, 11)).toBe(1);
    expect(labelEvery(0, 11)).toBe(1);
  });
});
