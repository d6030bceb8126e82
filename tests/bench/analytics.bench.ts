// Runs in the manager page (bundled by analytics-run.ts): the analytics over a generated history, beside a naive
// per-customer filter-and-sum measured in the same run. Three calls, so that the runner can read the page's CPU
// time around a single analysis: prepare, analyseOnce (as often as wanted), finish.
import { type Analytics, analyse } from '../../lib/analytics/analyse';
import { analyticsTables } from '../../lib/analytics/tables';
import type { Customer } from '../../lib/domain/customer';
import type { InvoiceDraft } from '../../lib/domain/invoice';
import { toCsv } from '../../lib/export/csv';
import { generateCustomers } from '../support/generate';
import { generateInvoices } from '../support/generate-invoices';

const TODAY = '2025-06-01';

let customers: Customer[] = [];
let invoices: InvoiceDraft[] = [];
let result: Analytics | null = null;

/** Generates the book and its history and keeps them for the calls below. */
export function prepare(invoiceCount: number, customerCount: number) {
  const t = performance.now();
  customers = generateCustomers(customerCount, 7);
  invoices = generateInvoices(customers, invoiceCount, { seed: 7, until: '2025-05-31', months: 36 });
  return {
    invoices: invoices.length,
    customers: customers.length,
    withItems: invoices.filter((i) => i.items.length > 0).length,
    generateMs: performance.now() - t,
  };
}

/** One analysis of the whole history; its wall-clock time in ms. */
export function analyseOnce(): number {
  const t = performance.now();
  result = analyse(invoices, customers, { today: TODAY });
  return performance.now() - t;
}

/** The tables, the message size, the baseline and a check of the figures against it. */
export function finish() {
  if (!result) throw new Error('analyseOnce first');
  let t = performance.now();
  const csv = Object.values(analyticsTables(result)).map(toCsv);
  const tablesMs = performance.now() - t;
  t = performance.now();
  const message = JSON.stringify(result);
  const jsonMs = performance.now() - t;

  // Baseline: per customer, filter the history and sum it (total, purchases, last day) — less than analyse gives.
  t = performance.now();
  const naive = customers.map((c) => {
    const mine = invoices.filter((i) => c.taxId !== '' && i.buyerTaxId === c.taxId && !i.void);
    let total = 0;
    let purchases = 0;
    let last = '';
    for (const i of mine) {
      total += i.total;
      if (!i.red) purchases += 1;
      if (!i.red && i.issuedOn > last) last = i.issuedOn;
    }
    return { id: c.id, total, purchases, last };
  });
  const naiveMs = performance.now() - t;

  const byCustomer = new Map(result.buyers.map((b) => [b.customerId, b]));
  const disagree = naive.filter((n) => {
    const b = byCustomer.get(n.id);
    return b ? b.total !== n.total || b.invoices !== n.purchases || b.lastDay !== n.last : n.purchases > 0;
  }).length;

  return {
    tablesMs,
    csvBytes: csv.reduce((n, text) => n + text.length, 0),
    jsonMs,
    messageBytes: message.length,
    naiveMs,
    disagree,
    figures: {
      book: result.book,
      pareto: result.pareto,
      growing: result.growth.growing.length,
      shrinking: result.growth.shrinking.length,
      dormant: result.dormant.buyers.length,
      months: result.months.length,
      categories: result.categories.categories.length,
      segments: Object.fromEntries(result.rfm.segments.map((s) => [s.segment, s.customers])),
      suggestVip: result.rfm.suggestVip.length,
    },
  };
}
