import { describe, expect, it } from 'vitest';
import { customerCredit, customerInvoices } from '../../../lib/background/customer-extras-service';
import { createCustomer } from '../../../lib/db/customers';
import { importInvoices } from '../../../lib/db/invoices';
import type { TaitouDB } from '../../../lib/db/open';
import type { InvoiceDraft } from '../../../lib/domain/invoice';
import { customerInput, freshBook } from '../../support/book';
import { invoiceDraft } from '../../support/invoice';

const XIAOMI = '91110000600037341L';
const OTHER = '91330206MA2H3K5P7T';
// 2026-03-15 12:00 in China.
const NOW = Date.UTC(2026, 2, 15, 4);

const invoice = invoiceDraft;

async function bookWith(invoices: InvoiceDraft[], taxId = XIAOMI, creditLimit: unknown = null) {
  const db = await freshBook();
  const created = await createCustomer(db, customerInput({ taxId, creditLimit } as never));
  if (!created.ok) throw new Error('create failed');
  const result = await importInvoices(db, invoices);
  if (result.refused.length > 0) throw new Error(JSON.stringify(result.refused));
  return { db, id: created.value.id };
}

const ids = async (db: TaitouDB, id: string, offset: number, limit: number) =>
  (await customerInvoices(db, id, offset, limit)).invoices.map((i) => i.issuedOn);

describe('a customer’s invoices for its page', () => {
  it('pages through its invoices newest first, with the count and total of all of them', async () => {
    const days = ['2026-01-05', '2026-03-01', '2026-02-10', '2026-03-14', '2025-12-31'];
    const { db, id } = await bookWith([
      ...days.map((day, i) => invoice(XIAOMI, day, (i + 1) * 10_000)),
      invoice(XIAOMI, '2026-03-02', -5_000), // red: subtracts
      invoice(XIAOMI, '2026-03-03', 99_999, { void: true }), // voided: listed, not counted
      invoice(OTHER, '2026-03-04', 1_000_000), // another buyer's
    ]);
    const first = await customerInvoices(db, id, 0, 3);
    expect(first.invoices.map((i) => i.issuedOn)).toEqual(['2026-03-14', '2026-03-03', '2026-03-02']);
    expect(first.count).toBe(7);
    expect(first.total).toBe(150_000 - 5_000);
    expect(first.invalid).toBe(0);
    expect(await ids(db, id, 3, 3)).toEqual(['2026-03-01', '2026-02-10', '2026-01-05']);
    expect(await ids(db, id, 6, 3)).toEqual(['2025-12-31']);
    expect(first.invoices[1]).toMatchObject({ void: true, total: 99_999 });
    expect(first.invoices[2]).toMatchObject({ red: true, total: -5_000 });
    // The list carries no items: a customer's page does not need them.
    expect(Object.keys(first.invoices[0] ?? {})).not.toContain('items');
  });

  it('has none for a customer without a tax ID, or one no longer in the book', async () => {
    const { db, id } = await bookWith([invoice('', '2026-03-01', 100)], '');
    expect(await customerInvoices(db, id, 0, 50)).toEqual({ invoices: [], count: 0, total: 0, invalid: 0 });
    expect((await customerInvoices(db, 'gone', 0, 50)).count).toBe(0);
  });
});

describe('a customer’s credit for its page', () => {
  it('counts this month in China time against the stored limit, or the one being typed', async () => {
    const { db, id } = await bookWith(
      [invoice(XIAOMI, '2026-03-01', 700_000), invoice(XIAOMI, '2026-02-28', 900_000)],
      XIAOMI,
      { amount: 10_000, period: 'month' },
    );
    const stored = await customerCredit(db, id, undefined, NOW);
    expect(stored).toMatchObject({ used: 700_000, limit: 1_000_000, level: 'ok', from: '2026-03-01', percent: 70 });
    const typed = await customerCredit(db, id, { amount: 8_000, period: 'month' }, NOW);
    expect(typed).toMatchObject({ used: 700_000, limit: 800_000, level: 'near' });
    const total = await customerCredit(db, id, { amount: 16_000, period: 'total' }, NOW);
    expect(total).toMatchObject({ used: 1_600_000, level: 'at', from: null });
    expect(await customerCredit(db, id, null, NOW)).toMatchObject({ level: 'none', used: 0 });
    // 2026-03-31 16:00 UTC is already April 1st in China: March's invoices no longer count.
    const april = await customerCredit(db, id, undefined, Date.UTC(2026, 2, 31, 16));
    expect(april).toMatchObject({ used: 0, from: '2026-04-01' });
    expect(await customerCredit(db, 'gone', undefined, NOW)).toBeNull();
  });
});
