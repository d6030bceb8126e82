import { describe, expect, it, vi } from 'vitest';
import { bookIndex } from '../../../lib/background/book-index';
import { bookService, handlersFor } from '../../../lib/background/book-service';
import { creditService } from '../../../lib/background/credit-service';
import { creditReader } from '../../../lib/db/credit';
import { createCustomer } from '../../../lib/db/customers';
import { importInvoices } from '../../../lib/db/invoices';
import type { Customer } from '../../../lib/domain/customer';
import { type InvoiceDraft, InvoiceDraftSchema } from '../../../lib/domain/invoice';
import { TiersSchema } from '../../../lib/domain/tiers';
import { IMPORT_PORT, type ImportReply, type ImportRequest } from '../../../lib/messaging/import-port';
import type { FillRequest } from '../../../lib/messaging/tab';
import { customerInput, freshBook } from '../../support/book';
import { FakePort } from '../../support/fake-port';

const XIAOMI = '91110000600037341L';
// 2026-03-15 10:00 in China.
const NOW = Date.UTC(2026, 2, 15, 2, 0);

let serial = 0;
function invoice(day: string, total: number): InvoiceDraft {
  serial += 1;
  return InvoiceDraftSchema.parse({
    id: `2644200000${String(serial).padStart(10, '0')}`,
    buyerTaxId: XIAOMI,
    buyerName: '北京小米科技有限责任公司',
    issuedOn: day,
    amount: total,
    tax: 0,
    total,
  });
}

async function bookWithCustomer(limitYuan: number | null, over: Parameters<typeof customerInput>[0] = {}) {
  const db = await freshBook();
  const created = await createCustomer(
    db,
    customerInput({ creditLimit: limitYuan === null ? null : { amount: limitYuan, period: 'month' }, ...over }),
  );
  if (!created.ok) throw new Error('create failed');
  return { db, customer: created.value as Customer };
}

const tiers = TiersSchema.parse([
  { id: 'vip', label: 'VIP', defaults: { invoiceType: 'special', remarks: '{月份}服务费', showAddressBank: true } },
]);

describe('creditService', () => {
  it('answers page:credit for the customers with a limit, by id, on the day in China', async () => {
    const { db, customer } = await bookWithCustomer(1000);
    const plain = await createCustomer(db, customerInput({ name: '无额度公司', taxId: '' }));
    if (!plain.ok) throw new Error('create failed');
    await importInvoices(db, [
      invoice('2026-03-02', 60_000),
      invoice('2026-03-14', 25_000),
      invoice('2026-02-27', 90_000),
    ]);
    const service = creditService(
      db,
      async () => tiers,
      () => NOW,
    );
    const views = await service.handlers['page:credit']({ ids: [customer.id, plain.value.id, 'gone'] });
    expect(views).toEqual({
      [customer.id]: { level: 'near', period: 'month', limit: 100_000, used: 85_000, remaining: 15_000, percent: 85 },
    });
    // The day is China's: at 23:30 UTC on the last of February it is already March there.
    const march = creditService(
      db,
      async () => tiers,
      () => Date.UTC(2026, 1, 28, 23, 30),
    );
    expect((await march.creditOf(customer)).from).toBe('2026-03-01');
  });

  it('reads a buyer once for the worker: later checks cost no read until its invoices change and it is forgotten', async () => {
    const { db, customer } = await bookWithCustomer(1000);
    await importInvoices(db, [invoice('2026-03-02', 50_000)]);
    const reader = creditReader(db);
    const service = creditService(
      db,
      async () => tiers,
      () => NOW,
      reader,
    );
    const reads = vi.spyOn(db, 'transaction');
    expect((await service.creditOf(customer)).used).toBe(50_000);
    const afterFirst = reads.mock.calls.length;
    expect(afterFirst).toBeGreaterThan(0);
    await service.creditOf(customer);
    await service.fillRequest(customer);
    expect(reads.mock.calls.length).toBe(afterFirst);

    await importInvoices(db, [invoice('2026-03-05', 40_000)]);
    // Kept, as it was: nobody has said the buyer's invoices changed.
    expect((await service.creditOf(customer)).used).toBe(50_000);
    service.forget([XIAOMI]);
    expect((await service.creditOf(customer)).level).toBe('near');
    reads.mockRestore();
  });

  it('builds the fill request: the defaults that apply, the remarks filled, and the credit warning', async () => {
    const { db, customer } = await bookWithCustomer(1000, { tier: 'vip', email: 'fp@example.cn' });
    await importInvoices(db, [invoice('2026-03-02', 100_000), invoice('2026-03-03', 20_000)]);
    const request = await creditService(
      db,
      async () => tiers,
      () => NOW,
    ).fillRequest(customer);
    expect(request.values).toMatchObject({
      invoiceType: 'special',
      remarks: '2026年3月服务费',
      showAddressBank: true,
      email: 'fp@example.cn',
    });
    expect(request.notes).toEqual({
      credit: { level: 'over', period: 'month', limit: 100_000, used: 120_000, remaining: -20_000, percent: 120 },
    });
    // Nothing of the book beyond the customer's own fields.
    expect(JSON.stringify(request)).not.toContain('notes":"');
  });

  it('still fills when the credit cannot be read, without a warning', async () => {
    const { db, customer } = await bookWithCustomer(1000);
    const broken = { creditOf: () => Promise.reject(new Error('disk')), forget: () => undefined };
    const request = await creditService(
      db,
      async () => [],
      () => NOW,
      broken,
    ).fillRequest(customer);
    expect(request.notes).toBeUndefined();
    expect(request.values.name).toBe(customer.name);
  });
});

describe('wired into the book', () => {
  it('page:fill sends the tab the values with defaults and the credit notes through the same reader', async () => {
    const { db, customer } = await bookWithCustomer(1000, { tier: 'vip' });
    await importInvoices(db, [invoice('2026-03-02', 100_000)]);
    const sent: FillRequest[] = [];
    const tab = async (_tabId: number, request: FillRequest) => {
      sent.push(request);
      return { url: 'https://dppt.guangdong.chinatax.gov.cn/', results: [], notes: request.notes };
    };
    const credit = creditService(
      db,
      async () => tiers,
      () => NOW,
    );
    const h = handlersFor(db, tab, async () => undefined, bookIndex(db), credit);
    const outcome = await h['page:fill']({ tabId: 3, id: customer.id });
    expect(outcome.ok).toBe(true);
    expect(sent[0]?.values).toMatchObject({ invoiceType: 'special', remarks: '2026年3月服务费' });
    expect(sent[0]?.notes?.credit?.level).toBe('at');
    expect(await h['page:credit']({ ids: [customer.id] })).toMatchObject({ [customer.id]: { level: 'at' } });
  });

  it('an invoice import makes the worker forget the buyers it wrote', async () => {
    const { db, customer } = await bookWithCustomer(1000);
    const service = bookService(Promise.resolve(db), {
      tabs: async () => undefined,
      broadcast: async () => undefined,
      settings: { read: async () => ({}), write: async () => undefined },
      onChanged: () => undefined,
    });
    expect(await service.handlers['page:credit']({ ids: [customer.id] })).toMatchObject({
      [customer.id]: { used: 0, level: 'ok' },
    });
    const port = new FakePort<ImportReply, ImportRequest>();
    service.ports.get(IMPORT_PORT)?.(port as never);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    port.receive({ type: 'invoices', invoices: [invoice(today, 90_000)], file: 'export.xlsx' });
    port.receive({ type: 'commit' });
    expect(await port.until((m) => m.type === 'done' || m.type === 'failed')).toMatchObject({ type: 'done' });
    expect(await service.handlers['page:credit']({ ids: [customer.id] })).toMatchObject({
      [customer.id]: { used: 90_000, level: 'near' },
    });
  });
});
