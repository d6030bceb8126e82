// Runs in the manager page (bundled by analytics-run.ts): the analytics over a generated history, beside a naive
// per-customer filter-and-sum measured in the same run.
import { analyse } from '../../lib/analytics/analyse';
import { analyticsTables } from '../../lib/analytics/tables';
import { toCsv } from '../../lib/export/csv';
import { generateCustomers } from '../support/generate';
import { generateInvoices } from '../support/generate-invoices';
import { stats } from './stats';

const TODAY = '2025-06-01';

export function runAnalyticsBench(invoiceCount: number, customerCount: number, repetitions: number) {
  let t = performance.now();
  const customers = generateCustomers(customerCount, 7);
  const invoices = generateInvoices(customers, invoiceCount, { seed: 7, until: '2025-05-31', months: 36 });
  const generateMs = performance.now() - t;

  // The first run is what a clerk opening the page waits for: nothing warmed up yet.
  t = performance.now();
  const result = analyse(invoices, customers, { today: TODAY });
  const firstMs = performance.now() - t;
  const again: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    t = performance.now();
    analyse(invoices, customers, { today: TODAY });
    again.push(performance.now() - t);
  }

  t = performance.now();
  const tables = analyticsTables(result);
  const csv = Object.values(tables).map(toCsv);
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
    invoices: invoices.length,
    customers: customers.length,
    withItems: invoices.filter((i) => i.items.length > 0).length,
    generateMs,
    firstMs,
    again: stats(again),
    best: Math.min(firstMs, ...again),
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
