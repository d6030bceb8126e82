import { normalizeTaxId } from '../domain/normalize';
import { dayNumber, monthOfIndex, shiftMonths } from './days';
import type { AnalysableCustomer, AnalysableInvoice } from './input';

/**
 * The one pass over the invoices: per buyer and per month. A buyer is a customer of the book (linked by the
 * normalised tax ID), or, when no customer has the invoice's tax ID, that tax ID; invoices without one (natural
 * persons) group by the buyer's name. Money follows totalOf: red invoices count with their negative totals, voided
 * ones count toward nothing (they are only counted as voided). A purchase is a counted invoice that is not red.
 */

/** One buyer's figures over the history. Money in fen. */
export interface BuyerFigures {
  /** Stable within an analysis: `c:<customer id>`, `t:<tax ID>` or `n:<buyer name>`. */
  key: string;
  /** The book's customer, or null for a buyer the book lacks. */
  customerId: string | null;
  /** The customer's name, or the name on the buyer's latest invoice. */
  name: string;
  /** Normalised (see normalizeTaxId); '' for a buyer without one. */
  taxId: string;
  /** The customer's tier; null for a buyer the book lacks. */
  tier: string | null;
  /** Purchases: invoices neither red nor voided (the frequency). */
  invoices: number;
  redInvoices: number;
  voidedInvoices: number;
  /** Red ones subtract, voided ones count as nothing. */
  total: number;
  /** total / invoices, rounded to the fen; null without purchases. */
  average: number | null;
  /** First and last purchase; null when the history holds only red invoices of the buyer. */
  firstDay: string | null;
  lastDay: string | null;
  /** Days from the last purchase to today (0 for a purchase dated after today); null without purchases. */
  recencyDays: number | null;
  /** fen per month, aligned with the book's months (Tally.months, oldest first): monthly[i] is months[i].month's. */
  monthly: number[];
  /** Totals of the growth windows: the last N months up to today, and the N months before them. */
  recent: number;
  previous: number;
}

/** One month of the whole book. */
export interface MonthFigures {
  month: string;
  invoices: number;
  redInvoices: number;
  voidedInvoices: number;
  total: number;
}

export interface BookFigures {
  invoices: number;
  redInvoices: number;
  voidedInvoices: number;
  total: number;
  /** Buyers with a counted invoice: customers of the book and others. */
  buyers: number;
  customersWithInvoices: number;
  customersWithoutInvoices: number;
  unknownBuyers: number;
  /** Total of the invoices of buyers the book lacks, fen. */
  unknownTotal: number;
  /** First and last counted invoice. */
  firstDay: string | null;
  lastDay: string | null;
}

export interface Tally {
  /** Every buyer with at least one counted invoice, in no particular order. */
  buyers: BuyerFigures[];
  /** Every month from the first invoice's (voided ones too) to today's, or the last invoice's if later. */
  months: MonthFigures[];
  book: BookFigures;
}

interface Accumulator extends Omit<BuyerFigures, 'monthly' | 'average' | 'recencyDays' | 'firstDay' | 'lastDay'> {
  counted: boolean;
  firstDay: string;
  lastDay: string;
  /** The day of the invoice `name` was taken from, for buyers the book lacks. */
  nameDay: string;
  monthly: Slots<number>;
}

/**
 * Per-month values by distance from today's month: `back[k]` is k months before it (0 is today's month), `ahead[k]`
 * k + 1 months after. Dense arrays that grow as older months turn up: cheaper than a map per buyer, and the month
 * is never turned into text inside the loop.
 */
interface Slots<T> {
  back: T[];
  ahead: T[];
}

const slots = <T>(): Slots<T> => ({ back: [], ahead: [] });

/** The slot `offset` months before today's month (negative: after), grown with `make` as needed. */
function slot<T>(s: Slots<T>, offset: number, make: () => T): T {
  const list = offset >= 0 ? s.back : s.ahead;
  const at = offset >= 0 ? offset : -offset - 1;
  while (list.length <= at) list.push(make());
  return list[at] as T;
}

/** Adds to a number slot; kept apart from slot() so that the hot loop writes a number in place. */
function addTo(s: Slots<number>, offset: number, value: number): void {
  const list = offset >= 0 ? s.back : s.ahead;
  const at = offset >= 0 ? offset : -offset - 1;
  while (list.length <= at) list.push(0);
  list[at] = (list[at] as number) + value;
}

const NONE = '';
const ZERO = 48;

/** The month index of a day, read from its character codes: no string is made per invoice. */
function monthOf(day: string): number {
  const year =
    (day.charCodeAt(0) - ZERO) * 1000 +
    (day.charCodeAt(1) - ZERO) * 100 +
    (day.charCodeAt(2) - ZERO) * 10 +
    (day.charCodeAt(3) - ZERO);
  return year * 12 + (day.charCodeAt(5) - ZERO) * 10 + (day.charCodeAt(6) - ZERO) - 1;
}

function accumulator(key: string, customer: AnalysableCustomer | null, taxId: string, name: string): Accumulator {
  return {
    key,
    customerId: customer?.id ?? null,
    name: customer?.name ?? name,
    taxId,
    tier: customer?.tier ?? null,
    invoices: 0,
    redInvoices: 0,
    voidedInvoices: 0,
    total: 0,
    recent: 0,
    previous: 0,
    counted: false,
    firstDay: NONE,
    lastDay: NONE,
    nameDay: NONE,
    monthly: slots(),
  };
}

/**
 * Tallies the history as of `today`; `windowMonths` sets the growth windows: (today − N months, today] and the N
 * months before. Customers are matched by normalised tax ID; of two with the same one, the first is taken.
 */
export function tally(
  invoices: readonly AnalysableInvoice[],
  customers: readonly AnalysableCustomer[],
  today: string,
  windowMonths: number,
): Tally {
  const byTaxId = new Map<string, Accumulator>();
  const byName = new Map<string, Accumulator>();
  const all: Accumulator[] = [];
  for (const customer of customers) {
    const taxId = normalizeTaxId(customer.taxId);
    if (!taxId || byTaxId.has(taxId)) continue;
    const acc = accumulator(`c:${customer.id}`, customer, taxId, customer.name);
    byTaxId.set(taxId, acc);
    all.push(acc);
  }
  const recentAfter = shiftMonths(today, -windowMonths);
  const previousAfter = shiftMonths(today, -2 * windowMonths);
  const thisMonth = monthOf(today);
  const months = slots<MonthFigures>();
  const book = { invoices: 0, redInvoices: 0, voidedInvoices: 0, total: 0, firstDay: NONE, lastDay: NONE };

  for (const invoice of invoices) {
    const taxId = invoice.buyerTaxId;
    let acc = taxId ? byTaxId.get(taxId) : byName.get(invoice.buyerName);
    if (!acc) {
      acc = taxId
        ? accumulator(`t:${taxId}`, null, taxId, invoice.buyerName)
        : accumulator(`n:${invoice.buyerName}`, null, '', invoice.buyerName);
      (taxId ? byTaxId : byName).set(taxId || invoice.buyerName, acc);
      all.push(acc);
    }
    const day = invoice.issuedOn;
    const offset = thisMonth - monthOf(day);
    const month = slot(months, offset, newMonth);
    if (invoice.void) {
      acc.voidedInvoices += 1;
      month.voidedInvoices += 1;
      book.voidedInvoices += 1;
      continue;
    }
    const total = invoice.total;
    acc.counted = true;
    acc.total += total;
    month.total += total;
    book.total += total;
    addTo(acc.monthly, offset, total);
    if (day <= today) {
      if (day > recentAfter) acc.recent += total;
      else if (day > previousAfter) acc.previous += total;
    }
    if (book.firstDay === NONE || day < book.firstDay) book.firstDay = day;
    if (day > book.lastDay) book.lastDay = day;
    if (acc.customerId === null && day >= acc.nameDay && invoice.buyerName) {
      acc.name = invoice.buyerName;
      acc.nameDay = day;
    }
    if (invoice.red || total < 0) {
      acc.redInvoices += 1;
      month.redInvoices += 1;
      book.redInvoices += 1;
      continue;
    }
    acc.invoices += 1;
    month.invoices += 1;
    book.invoices += 1;
    if (acc.firstDay === NONE || day < acc.firstDay) acc.firstDay = day;
    if (day > acc.lastDay) acc.lastDay = day;
  }

  // The book's months: from the oldest invoice's to today's, or on to the latest's when that comes after today.
  const first = months.back.length > 0 ? thisMonth - months.back.length + 1 : thisMonth + 1;
  const last = thisMonth + months.ahead.length;
  const todayNumber = dayNumber(today);
  const buyers = all.filter((acc) => acc.counted).map((acc) => figures(acc, todayNumber, thisMonth, first, last));
  const customersWithInvoices = buyers.reduce((n, b) => (b.customerId === null ? n : n + 1), 0);
  const unknown = buyers.filter((b) => b.customerId === null);
  return {
    buyers,
    months: monthFigures(months, thisMonth, first, last),
    book: {
      invoices: book.invoices,
      redInvoices: book.redInvoices,
      voidedInvoices: book.voidedInvoices,
      total: book.total,
      buyers: buyers.length,
      customersWithInvoices,
      customersWithoutInvoices: customers.length - customersWithInvoices,
      unknownBuyers: unknown.length,
      unknownTotal: unknown.reduce((sum, b) => sum + b.total, 0),
      firstDay: book.firstDay || null,
      lastDay: book.lastDay || null,
    },
  };
}

function figures(acc: Accumulator, today: number, thisMonth: number, first: number, last: number): BuyerFigures {
  // Written out rather than spread: this runs once per buyer, thousands of times.
  const monthly = new Array<number>(last - first + 1).fill(0);
  const { back, ahead } = acc.monthly;
  for (let k = 0; k < back.length; k++) monthly[thisMonth - k - first] = back[k] as number;
  for (let k = 0; k < ahead.length; k++) monthly[thisMonth + k + 1 - first] = ahead[k] as number;
  return {
    key: acc.key,
    customerId: acc.customerId,
    name: acc.name,
    taxId: acc.taxId,
    tier: acc.tier,
    invoices: acc.invoices,
    redInvoices: acc.redInvoices,
    voidedInvoices: acc.voidedInvoices,
    total: acc.total,
    average: acc.invoices > 0 ? Math.round(acc.total / acc.invoices) : null,
    firstDay: acc.firstDay || null,
    lastDay: acc.lastDay || null,
    recencyDays: acc.lastDay ? Math.max(0, today - dayNumber(acc.lastDay)) : null,
    monthly,
    recent: acc.recent,
    previous: acc.previous,
  };
}

const newMonth = (): MonthFigures => ({
  month: '',
  invoices: 0,
  redInvoices: 0,
  voidedInvoices: 0,
  total: 0,
});

/** The book's months from `first` to `last` (month indexes, see monthOf), empty months included. */
function monthFigures(months: Slots<MonthFigures>, thisMonth: number, first: number, last: number): MonthFigures[] {
  const out: MonthFigures[] = [];
  if (months.back.length === 0 && months.ahead.length === 0) return out;
  for (let index = first; index <= last; index++) {
    const offset = thisMonth - index;
    const found = offset >= 0 ? months.back[offset] : months.ahead[-offset - 1];
    out.push({ ...(found ?? newMonth()), month: monthOfIndex(index) });
  }
  return out;
}
