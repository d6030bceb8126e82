import { afterEach, describe, expect, it, vi } from 'vitest';
import { creditOf, creditReader } from '../../../lib/db/credit';
import { importInvoices, invoicesOf } from '../../../lib/db/invoices';
import type { TaitouDB } from '../../../lib/db/open';
import type { Customer } from '../../../lib/domain/customer';
import type { InvoiceDraft } from '../../../lib/domain/invoice';
import { freshBook } from '../../support/book';
import { invoiceDraft } from '../../support/invoice';

const XIAOMI = '91110000600037341L';
const OTHER = '91330206MA2H3K5P7T';
const TODAY = '2026-03-15';

const invoice = (buyerTaxId: string, day: string, total: number, over: Partial<InvoiceDraft> = {}) =>
  invoiceDraft(buyerTaxId, day, total, {
    buyerName: buyerTaxId === XIAOMI ? '北京小米科技有限责任公司' : '宁波港湾物流有限公司',
    ...over,
  });

const customer = (creditLimit: Customer['creditLimit'], taxId = XIAOMI) => ({ taxId, creditLimit });
const monthly = (yuan: number) => customer({ amount: yuan, period: 'month' });

async function bookWith(invoices: InvoiceDraft[]): Promise<TaitouDB> {
  const db = await freshBook();
  const result = await importInvoices(db, invoices);
  if (result.refused.length > 0) throw new Error(JSON.stringify(result.refused));
  return db;
}

/** `count` invoices of `total` fen for one buyer, one a day from the first of the month of `month` ('YYYY-MM') on. */
const many = (buyer: string, month: string, count: number, total: number) =>
  Array.from({ length: count }, (_, i) => invoice(buyer, `${month}-${String((i % 28) + 1).padStart(2, '0')}`, total));

describe('credit from the invoice history', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("sums the buyer's invoices of this month: red ones subtract, voided ones and other buyers' do not count", async () => {
    const db = await bookWith([
      invoice(XIAOMI, '2026-03-01', 500_000),
      invoice(XIAOMI, '2026-03-09', -100_000),
      invoice(XIAOMI, '2026-03-10', 300_000, { void: true }),
      invoice(XIAOMI, '2026-03-31', 150_000),
      invoice(XIAOMI, '2026-02-28', 900_000),
      invoice(XIAOMI, '2026-04-01', 900_000),
      invoice(OTHER, '2026-03-05', 700_000),
    ]);
    const state = await creditOf(db, monthly(6000), TODAY);
    expect(state).toMatchObject({ used: 550_000, counted: 3, limit: 600_000, remaining: 50_000, level: 'near' });
    expect(state).toMatchObject({ from: '2026-03-01', to: '2026-03-31', unreadable: [] });
    // The pending invoice takes it over; the next month starts afresh.
    expect(await creditOf(db, monthly(6000), TODAY, 60_000)).toMatchObject({ level: 'over', levelBefore: 'near' });
    expect(await creditOf(db, monthly(6000), '2026-04-01')).toMatchObject({ used: 900_000, level: 'over' });
  });

  it('finds the invoices by the tax ID as the customer wrote it (lower case, spaces, full width)', async () => {
    const db = await bookWith([invoice(XIAOMI, '2026-03-02', 12_345)]);
    for (const written of ['91110000600037341l', '9111 0000 6000 3734 1L', '９１１１００００６０００３７３４１Ｌ']) {
      expect((await creditOf(db, customer({ amount: 1000, period: 'month' }, written), TODAY)).used).toBe(12_345);
    }
  });

  it('counts every invoice of the buyer for a total limit', async () => {
    const db = await bookWith([
      invoice(XIAOMI, '2021-06-30', 100_000),
      invoice(XIAOMI, '2026-03-01', 20_000),
      invoice(XIAOMI, '2026-03-02', -5_000),
      invoice(XIAOMI, '2026-03-03', 70_000, { void: true }),
      invoice(OTHER, '2026-03-03', 70_000),
    ]);
    const state = await creditOf(db, customer({ amount: 1150, period: 'total' }), TODAY);
    expect(state).toMatchObject({ period: 'total', used: 115_000, counted: 3, level: 'at', remaining: 0 });
  });

  it('reads nothing for a customer without a limit, and finds nothing for one without a tax ID', async () => {
    const db = await bookWith([invoice(XIAOMI, '2026-03-02', 100), invoice('', '2026-03-02', 100)]);
    const transaction = vi.spyOn(db, 'transaction');
    expect(await creditOf(db, customer(null), TODAY, 300)).toMatchObject({ level: 'none', used: 0, pending: 300 });
    expect(transaction).not.toHaveBeenCalled();
    const person = customer({ amount: 1, period: 'month' }, '');
    expect(await creditOf(db, person, TODAY)).toMatchObject({ used: 0, counted: 0, level: 'ok' });
    expect(transaction).not.toHaveBeenCalled();
  });

  it('refuses a today that is not a day before reading anything', async () => {
    const db = await bookWith([]);
    const transaction = vi.spyOn(db, 'transaction');
    await expect(creditOf(db, monthly(1), '2026-3-15')).rejects.toThrow(RangeError);
    await expect(creditOf(db, customer(null), '15/03/2026')).rejects.toThrow(RangeError);
    expect(transaction).not.toHaveBeenCalled();
  });

  it('gives the same sums for a long-standing buyer in a quiet month and in a busy one', async () => {
    // 240 invoices of Xiaomi over two years: past the few read whole. In March 2026 the book has 30 of Xiaomi's and
    // either nothing else (the month is picked out by keys) or 3,000 of another buyer (Xiaomi's are read whole).
    const history = [...many(XIAOMI, '2025-03', 105, 1_000), ...many(XIAOMI, '2025-12', 105, 2_000)];
    const march = [...many(XIAOMI, '2026-03', 29, 3_000), invoice(XIAOMI, '2026-03-20', -500)];
    const quiet = await bookWith([...history, ...march]);
    const busy = await bookWith([...history, ...march, ...many(OTHER, '2026-03', 3_000, 7)]);
    for (const db of [quiet, busy]) {
      expect(await creditOf(db, monthly(100), TODAY)).toMatchObject({ used: 86_500, counted: 30 });
      expect(await creditOf(db, monthly(100), '2025-12-31')).toMatchObject({ used: 210_000, counted: 105 });
      expect(await creditOf(db, customer({ amount: 100, period: 'total' }), TODAY)).toMatchObject({
        used: 401_500,
        counted: 240,
      });
      const { invoices } = await invoicesOf(db, XIAOMI);
      expect(invoices).toHaveLength(240);
    }
  });

  it('leaves out stored records too broken to count and names them', async () => {
    const db = await bookWith([invoice(XIAOMI, '2026-03-02', 10_000)]);
    const broken = { id: 'broken-1', buyerTaxId: XIAOMI, issuedOn: '2026-03-03', total: '100', void: false };
    await db.put('invoices', broken as never);
    await db.put('invoices', { id: 'broken-2', buyerTaxId: XIAOMI, issuedOn: '2026-03-04' } as never);
    const state = await creditOf(db, customer({ amount: 1000, period: 'total' }), TODAY);
    expect(state).toMatchObject({ used: 10_000, counted: 1 });
    expect(state.unreadable.sort()).toEqual(['broken-1', 'broken-2']);
  });
});

describe('the credit reader', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('reads a buyer’s period once; limit and pending change without a read', async () => {
    const db = await bookWith([invoice(XIAOMI, '2026-03-02', 80_000), invoice(OTHER, '2026-03-02', 10)]);
    const reader = creditReader(db);
    const transaction = vi.spyOn(db, 'transaction');
    expect(await reader.creditOf(monthly(1000), TODAY)).toMatchObject({ used: 80_000, level: 'near' });
    const reads = transaction.mock.calls.length;
    expect(reads).toBeGreaterThan(0);
    expect(await reader.creditOf(monthly(800), TODAY)).toMatchObject({ used: 80_000, level: 'at' });
    expect(await reader.creditOf(monthly(1000), '2026-03-31', 30_000)).toMatchObject({ level: 'over' });
    expect(transaction.mock.calls.length).toBe(reads);
    // A new month is a new period, and so is a total limit.
    expect(await reader.creditOf(monthly(1000), '2026-04-01')).toMatchObject({ used: 0, level: 'ok' });
    expect(await reader.creditOf(customer({ amount: 1000, period: 'total' }), TODAY)).toMatchObject({ used: 80_000 });
    expect(transaction.mock.calls.length).toBe(reads * 3);
  });

  it('sees new invoices once told to forget their buyer', async () => {
    const db = await bookWith([invoice(XIAOMI, '2026-03-02', 10_000), invoice(OTHER, '2026-03-02', 500)]);
    const reader = creditReader(db);
    expect((await reader.creditOf(monthly(1000), TODAY)).used).toBe(10_000);
    expect((await reader.creditOf(customer({ amount: 1, period: 'month' }, OTHER), TODAY)).used).toBe(500);
    await importInvoices(db, [invoice(XIAOMI, '2026-03-05', 20_000), invoice(OTHER, '2026-03-05', 500)]);
    // Not told yet: what was read stands (the background forgets once an import has committed).
    expect((await reader.creditOf(monthly(1000), TODAY)).used).toBe(10_000);
    reader.forget(['9111 0000 6000 3734 1l']);
    expect((await reader.creditOf(monthly(1000), TODAY)).used).toBe(30_000);
    expect((await reader.creditOf(customer({ amount: 1, period: 'month' }, OTHER), TODAY)).used).toBe(500);
    reader.forget();
    expect((await reader.creditOf(customer({ amount: 1, period: 'month' }, OTHER), TODAY)).used).toBe(1_000);
  });

  it('keeps at most the periods it is given room for, dropping the least recently used', async () => {
    const db = await bookWith([invoice(XIAOMI, '2026-03-02', 100), invoice(OTHER, '2026-03-02', 200)]);
    const reader = creditReader(db, 2);
    const other = customer({ amount: 1, period: 'month' }, OTHER);
    await reader.creditOf(monthly(1), TODAY); // Xiaomi, March
    await reader.creditOf(other, TODAY); // Other, March
    await reader.creditOf(monthly(1), TODAY); // Xiaomi again: now the most recent
    await reader.creditOf(monthly(1), '2026-04-01'); // a third period: Other's March goes
    const transaction = vi.spyOn(db, 'transaction');
    await reader.creditOf(monthly(1), TODAY);
    expect(transaction).not.toHaveBeenCalled();
    expect((await reader.creditOf(other, TODAY)).used).toBe(200);
    expect(transaction).toHaveBeenCalledTimes(1);
  });

  it('tries again after a failed read', async () => {
    const db = await bookWith([invoice(XIAOMI, '2026-03-02', 100)]);
    const reader = creditReader(db);
    vi.spyOn(db, 'transaction').mockImplementationOnce(() => {
      throw new Error('the database went away');
    });
    await expect(reader.creditOf(monthly(1), TODAY)).rejects.toThrow('went away');
    expect((await reader.creditOf(monthly(1), TODAY)).used).toBe(100);
  });
});
