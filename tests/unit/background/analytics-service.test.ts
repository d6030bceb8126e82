import { describe, expect, it } from 'vitest';
import { analyticsHandlers, bookAnalytics } from '../../../lib/background/analytics-service';
import { createCustomer } from '../../../lib/db/customers';
import { importInvoices } from '../../../lib/db/invoices';
import { PROTOCOL } from '../../../lib/messaging/protocol';
import { customerInput, freshBook } from '../../support/book';
import { invoiceDraft } from '../../support/invoice';

const XIAOMI = '91110000600037341L';
const OTHER = '91330206MA2H3K5P7T';
// 2026-03-31 20:00 UTC is 2026-04-01 04:00 in China: the worker's day is China's.
const NOW = Date.UTC(2026, 2, 31, 20);

const invoice = invoiceDraft;

async function book() {
  const db = await freshBook();
  const created = await createCustomer(db, customerInput({ taxId: XIAOMI }));
  if (!created.ok) throw new Error('create failed');
  const result = await importInvoices(db, [
    invoice(XIAOMI, '2026-03-01', 113_000),
    invoice(XIAOMI, '2026-03-16', -56_500), // red: subtracts
    invoice(XIAOMI, '2026-02-01', 22_600, { void: true }), // voided: counts toward nothing
    invoice(OTHER, '2025-12-05', 10_000),
  ]);
  if (result.refused.length > 0) throw new Error(JSON.stringify(result.refused));
  return { db, customer: created.value };
}

describe('the analytics the worker computes', () => {
  it('reads every invoice and customer, as of the day in China', async () => {
    const { db, customer } = await book();
    const { analytics, skippedInvoices, skippedCustomers } = await bookAnalytics(
      db,
      {
        ...PROTOCOL['page:analytics'].data.parse({}),
      },
      NOW,
    );
    expect(analytics.options.today).toBe('2026-04-01');
    expect(analytics.book).toMatchObject({ invoices: 2, redInvoices: 1, voidedInvoices: 1, total: 66_500 });
    const xiaomi = analytics.buyers.find((b) => b.customerId === customer.id);
    expect(xiaomi).toMatchObject({ total: 56_500, invoices: 1, lastDay: '2026-03-01', recencyDays: 31 });
    // The other buyer became a pending customer on import: it is linked too.
    expect(analytics.buyers.filter((b) => b.customerId !== null)).toHaveLength(2);
    expect(skippedInvoices).toBe(0);
    expect(skippedCustomers).toBe(0);
  });

  it('skips and counts stored invoices that no longer validate, leaving them in the book', async () => {
    const { db } = await book();
    const broken = { ...(await db.getAll('invoices'))[0], total: 'a lot' };
    await db.put('invoices', broken as never);
    const { analytics, skippedInvoices } = await bookAnalytics(db, PROTOCOL['page:analytics'].data.parse({}), NOW);
    expect(skippedInvoices).toBe(1);
    expect(analytics.book.invoices + analytics.book.redInvoices + analytics.book.voidedInvoices).toBe(3);
    expect(await db.count('invoices')).toBe(4);
  });

  it('takes the options the page sends, and never a day from it', async () => {
    const { db } = await book();
    const data = PROTOCOL['page:analytics'].data;
    expect(data.safeParse({ today: '2020-01-01' }).data).not.toHaveProperty('today');
    expect(data.safeParse({ dormantMonths: 0 }).success).toBe(false);
    const reply = await analyticsHandlers(db, () => NOW)['page:analytics'](data.parse({ dormantMonths: 3 }));
    expect(reply.analytics.dormant).toMatchObject({ months: 3, cutoff: '2026-01-01' });
    expect(reply.analytics.dormant.buyers.map((b) => b.taxId)).toEqual([OTHER]);
  });
});
