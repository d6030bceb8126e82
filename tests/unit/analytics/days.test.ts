import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dayNumber,
  daysBetween,
  isDay,
  monthIndex,
  monthOfIndex,
  monthRange,
  shiftMonths,
} from '../../../lib/analytics/days';

describe('days and months', () => {
  it('knows which texts are days of the calendar', () => {
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2025-02-29')).toBe(false);
    expect(isDay('2100-02-29')).toBe(false);
    expect(isDay('2000-02-29')).toBe(true);
    expect(isDay('2025-04-31')).toBe(false);
    expect(isDay('2025-13-01')).toBe(false);
    expect(isDay('2025-00-10')).toBe(false);
    expect(isDay('2025-1-01')).toBe(false);
    expect(isDay('2025-01-01T00:00')).toBe(false);
  });

  it('counts days across months, leap days and years', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2000-03-01')).toBe(11_017);
    expect(daysBetween('2025-05-18', '2025-06-30')).toBe(43);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1);
    expect(daysBetween('2024-07-01', '2025-06-30')).toBe(364);
    expect(daysBetween('2025-06-30', '2024-07-01')).toBe(-364);
    expect(() => dayNumber('2025-2-3')).toThrow(RangeError);
    // Days the calendar lacks roll over as Date.UTC does, so one odd invoice cannot stop the analysis.
    expect(dayNumber('2025-02-30')).toBe(Date.UTC(2025, 1, 30) / 86_400_000);
    expect(dayNumber('2025-13-01')).toBe(Date.UTC(2025, 12, 1) / 86_400_000);
    expect(dayNumber('2025-00-31')).toBe(Date.UTC(2025, -1, 31) / 86_400_000);
  });

  it('agrees with the calendar of Date.UTC on any day from 1900 to 2199', () => {
    const days = fc.integer({ min: Date.UTC(1900, 0, 1) / 86_400_000, max: Date.UTC(2199, 11, 31) / 86_400_000 });
    fc.assert(
      fc.property(days, (n) => {
        const day = new Date(n * 86_400_000).toISOString().slice(0, 10);
        expect(dayNumber(day)).toBe(n);
      }),
    );
  });

  it('shifts by months, keeping within the month it lands in', () => {
    expect(shiftMonths('2025-06-30', -3)).toBe('2025-03-30');
    expect(shiftMonths('2025-05-31', -3)).toBe('2025-02-28');
    expect(shiftMonths('2024-05-31', -3)).toBe('2024-02-29');
    expect(shiftMonths('2025-01-15', -1)).toBe('2024-12-15');
    expect(shiftMonths('2025-01-15', -25)).toBe('2022-12-15');
    expect(shiftMonths('2024-12-31', 2)).toBe('2025-02-28');
  });

  it('steps through months', () => {
    expect(monthOfIndex(monthIndex('2024-12'))).toBe('2024-12');
    expect(monthIndex('2025-01') - monthIndex('2024-12')).toBe(1);
    expect(monthRange('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthRange('2025-02', '2025-02')).toEqual(['2025-02']);
    expect(monthRange('2025-03', '2025-02')).toEqual([]);
  });
});
