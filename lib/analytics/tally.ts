import { normalizeTaxId } from '../domain/normalize';
import { daysBetween, monthOfIndex, shiftMonths } from './days';
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
  /** 'YYYY-MM' → fen, months with counted invoices only, in order. */
  monthly: Record<string, number>;
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
  monthly: Map<number, number>;
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
    monthly: new Map(),
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
  const months = new Map<number, MonthFigures>();
  const book = { invoices: 0, redInvoices: 0, voidedInvoices: 0, total: 0, firstDay: NONE, lastDay: NONE };
  let firstMonth = Number.POSITIVE_INFINITY;
  let lastMonth = Number.NEGATIVE_INFINITY;

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
    const index = monthOf(day);
    let month = months.get(index);
    if (!month) {
      month = emptyMonth('');
      months.set(index, month);
      if (index < firstMonth) firstMonth = index;
      if (index > lastMonth) lastMonth = index;
    }
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
    acc.monthly.set(index, (acc.monthly.get(index) ?? 0) + total);
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

  const buyers = all.filter((acc) => acc.counted).map((acc) => figures(acc, today));
  const customersWithInvoices = buyers.reduce((n, b) => (b.customerId === null ? n : n + 1), 0);
  const unknown = buyers.filter((b) => b.customerId === null);
  return {
    buyers,
    months: monthFigures(months, firstMonth, Math.max(lastMonth, monthOf(today))),
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

function figures(acc: Accumulator, today: string): BuyerFigures {
  const { counted: _c, nameDay: _n, monthly, firstDay, lastDay, ...rest } = acc;
  const ordered = [...monthly.keys()].sort((a, b) => a - b);
  const byMonth: Record<string, number> = {};
  for (const index of ordered) byMonth[monthOfIndex(index)] = monthly.get(index) ?? 0;
  return {
    ...rest,
    average: acc.invoices > 0 ? Math.round(acc.total / acc.invoices) : null,
    firstDay: firstDay || null,
    lastDay: lastDay || null,
    recencyDays: lastDay ? Math.max(0, daysBetween(lastDay, today)) : null,
    monthly: byMonth,
  };
}

const emptyMonth = (month: string): MonthFigures => ({
  month,
  invoices: 0,
  redInvoices: 0,
  voidedInvoices: 0,
  total: 0,
});

/** The book's months from the first invoice's to `last`, empty months included; none without invoices. */
function monthFigures(months: Map<number, MonthFigures>, first: number, last: number): MonthFigures[] {
  const out: MonthFigures[] = [];
  if (!Number.isFinite(first)) return out;
  for (let index = first; index <= last; index++) {
    const month = monthOfIndex(index);
    const figures = months.get(index);
    out.push(figures ? { ...figures, month } : emptyMonth(month));
  }
  return out;
}
