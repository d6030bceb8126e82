/**
 * Days and months as the invoices write them ('YYYY-MM-DD', 'YYYY-MM', China time). Such strings sort as the days
 * do, so the hot loop compares and slices them; the arithmetic here runs once per customer, never per invoice, and
 * makes no Date objects (no time zone can shift a day).
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** How many days the month has (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The parts of a day, or null when the text is not a day of the calendar ('2025-02-30' is not). */
export function parseDay(day: string): { year: number; month: number; day: number } | null {
  const m = DAY.exec(day);
  if (!m) return null;
  const parts = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (parts.month < 1 || parts.month > 12 || parts.day < 1) return null;
  return parts.day <= daysInMonth(parts.year, parts.month) ? parts : null;
}

/** Whether the text is a day of the calendar in the invoices' form. */
export function isDay(day: string): boolean {
  return parseDay(day) !== null;
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian day (the days-from-civil algorithm: eras of 400 years, years
 * starting in March so that the leap day comes last). Only whole numbers, so it is exact for any year. A day the
 * calendar lacks but the invoice schema lets through ('2025-02-30', month 13) rolls over as Date.UTC would
 * (2025-03-02, January next year) rather than stopping the analysis; text of another shape throws.
 */
export function dayNumber(day: string): number {
  const m = DAY.exec(day);
  if (!m) throw new RangeError(`not a day: ${day}`);
  const months = Number(m[1]) * 12 + Number(m[2]) - 1;
  const year = Math.floor(months / 12);
  const month = months - year * 12 + 1;
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + Number(m[3]) - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Whole days from `from` to `to` (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * The day `months` calendar months after (or, negative, before) the given one, kept within the month it lands in:
 * three months before 2025-05-31 is 2025-02-28.
 */
export function shiftMonths(day: string, months: number): string {
  const parts = parseDay(day);
  if (!parts) throw new RangeError(`not a day: ${day}`);
  const index = parts.year * 12 + parts.month - 1 + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(Math.min(parts.day, daysInMonth(year, month)), 2)}`;
}

/** A month ('YYYY-MM') as a count of months, so that months can be stepped through and compared as numbers. */
export function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

/** The month ('YYYY-MM') of a month index. */
export function monthOfIndex(index: number): string {
  const year = Math.floor(index / 12);
  return `${pad(year, 4)}-${pad(index - year * 12 + 1, 2)}`;
}

/** Every month from the first to the last, both included; none when the last comes first. */
export function monthRange(first: string, last: string): string[] {
  const out: string[] = [];
  for (let i = monthIndex(first), end = monthIndex(last); i <= end; i++) out.push(monthOfIndex(i));
  return out;
}
