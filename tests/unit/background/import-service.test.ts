import { describe, expect, it, vi } from 'vitest';
import { bookIndex } from '../../../lib/background/book-index';
import { type ImportBook, serveImport } from '../../../lib/background/import-service';
import { createCustomer, getCustomer, listCustomers } from '../../../lib/db/customers';
import type { TaitouDB } from '../../../lib/db/open';
import type { CustomerInput } from '../../../lib/domain/customer';
import type { InvoiceDraft } from '../../../lib/domain/invoice';
import { readInvoiceExport } from '../../../lib/import/invoices';
import { readSheets } from '../../../lib/import/sheet';
import { type ImportWrite, importWrites } from '../../../lib/import/writes';
import { IMPORT_CHUNK, type ImportReply, type ImportRequest } from '../../../lib/messaging/import-port';
import { customerInput, freshBook } from '../../support/book';
import { FakePort, settle } from '../../support/fake-port';
import { basicExport, invoiceWorkbook, XIAOMI } from '../../support/invoice-export';
import { plannedRow } from '../../support/planned';

/** A row of the preview that the clerk left to its default (add), or sent to update `id`. */
const planned = (row: number, input: CustomerInput, update?: string) =>
  plannedRow(
    row,
    input,
    update
      ? { duplicate: { in: 'book', customerId: update, by: 'name' }, decision: 'update', choices: ['skip', 'update'] }
      : {},
  );

const company = (row: number, name: string, taxId = '') => planned(row, customerInput({ name, taxId }));

/** `count` new customers without tax IDs, numbered from row 2 like a sheet under its header. */
function manyWrites(count: number): ImportWrite[] {
  return importWrites(Array.from({ length: count }, (_, i) => company(i + 2, `测试客户${i + 1}号贸易有限公司`)));
}

const chunks = (writes: readonly ImportWrite[]): ImportRequest[] => {
  const out: ImportRequest[] = [];
  for (let at = 0; at < writes.length; at += IMPORT_CHUNK) {
    out.push({ type: 'rows', writes: writes.slice(at, at + IMPORT_CHUNK) });
  }
  return out;
};

/** A served import over a fake port, and the book behind it. */
async function serve(book?: Promise<ImportBook>) {
  const db = await freshBook();
  const index = bookIndex(db);
  const port = new FakePort<ImportReply, unknown>();
  const onChanged = vi.fn();
  serveImport(port, book ?? Promise.resolve({ db, index }), onChanged);
  const send = (...messages: ImportRequest[]) => {
    for (const message of messages) port.receive(message);
  };
  const ends = () => port.sent.filter((m) => m.type !== 'progress');
  const ended = () => port.until((m) => m.type !== 'progress');
  return { db, index, port, onChanged, send, ends, ended };
}

/** Everything a write could have touched; the search index snapshot is only a cache and is left out. */
async function contents(db: TaitouDB) {
  return {
    customers: await db.getAll('customers'),
    audit: await db.getAll('audit'),
    invoices: await db.getAll('invoices'),
  };
}

function invoiceDrafts(): InvoiceDraft[] {
  const read = readSheets(invoiceWorkbook({ 发票基础信息: basicExport() }), '全量发票查询.xlsx');
  if (!read.ok) throw new Error(read.problem);
  const exported = readInvoiceExport(read.sheets);
  if (!exported) throw new Error('not read as an invoice export');
  return exported.invoices;
}

describe('an import of customers', () => {
  it('writes the rows on commit, reports progress then exactly one done with the summary, and says the book changed', async () => {
    const s = await serve();
    const xiaomi = await createCustomer(s.db, customerInput());
    const dahua = await createCustomer(s.db, customerInput({ name: '上海大华纺织品进出口有限公司', taxId: '' }));
    if (!xiaomi.ok || !dahua.ok) throw new Error('create failed');
    const writes = importWrites([
      company(2, '宁波港湾物流有限公司', '91330206MA2H3K5P7L'),
      company(3, '杭州西湖龙井茶业有限公司'),
      planned(
        4,
        customerInput({ taxId: '', entries: [{ id: 'main', address: '北京市海淀区西二旗中路33号' }] }),
        xiaomi.value.id,
      ),
      // The same as the book has it: nothing to write.
      planned(5, customerInput({ name: '上海大华纺织品进出口有限公司', taxId: '' }), dahua.value.id),
      // The book has this tax ID already (Xiaomi's): refused for this row only.
      company(6, '小米（重复）有限公司', '91110000600037341L'),
    ]);

    s.send({ type: 'rows', writes }, { type: 'commit' });
    const end = await s.ended();

    expect(s.port.sent[0]).toEqual({ type: 'progress', done: 5, total: 5 });
    expect(s.port.sent.map((m) => m.type)).toEqual(['progress', 'done']);
    if (end.type !== 'done' || end.summary.kind !== 'customers') throw new Error(`ended ${JSON.stringify(end)}`);
    const { customers } = await listCustomers(s.db);
    const idOf = (name: string) => customers.find((c) => c.name === name)?.id;
    expect(end.summary).toEqual({
      kind: 'customers',
      batch: expect.any(String),
      added: 2,
      updated: 1,
      unchanged: [5],
      refused: [{ row: 6, reason: 'duplicateTaxId' }],
      changed: expect.any(Array),
    });
    expect([...end.summary.changed].sort()).toEqual(
      [idOf('宁波港湾物流有限公司'), idOf('杭州西湖龙井茶业有限公司'), xiaomi.value.id].sort(),
    );
    expect(customers).toHaveLength(4);
    expect((await getCustomer(s.db, xiaomi.value.id))?.entries[0]?.address).toBe('北京市海淀区西二旗中路33号');
    expect((await s.db.getAllFromIndex('audit', 'batch', end.summary.batch)).length).toBeGreaterThan(0);
    expect(s.onChanged).toHaveBeenCalledTimes(1);
    // The background's search index follows the import.
    const index = await s.index.get();
    expect(index.search('宁波港湾').map((h) => h.id)).toEqual([idOf('宁波港湾物流有限公司')]);
    expect(index.search('西湖龙井').map((h) => h.id)).toEqual([idOf('杭州西湖龙井茶业有限公司')]);
  });

  it('hears rows sent while the book is still opening', async () => {
    let open: (book: ImportBook) => void = () => undefined;
    const s = await serve(new Promise((resolve) => (open = resolve)));
    s.send({ type: 'rows', writes: importWrites([company(2, '宁波港湾物流有限公司')]) }, { type: 'commit' });
    await settle();
    expect(s.port.sent).toEqual([]);
    open({ db: s.db, index: s.index });
    expect(await s.ended()).toMatchObject({ type: 'done', summary: { kind: 'customers', added: 1 } });
    expect((await listCustomers(s.db)).customers.map((c) => c.name)).toEqual(['宁波港湾物流有限公司']);
  });

  it('says failed with the reason when the book cannot be opened', async () => {
    const broken = Promise.reject(new Error('migration failed: disk full'));
    broken.catch(() => undefined);
    const s = await serve(broken);
    s.send({ type: 'rows', writes: importWrites([company(2, '宁波港湾物流有限公司')]) }, { type: 'commit' });
    expect(await s.ended()).toEqual({ type: 'failed', reason: 'migration failed: disk full' });
    expect(s.onChanged).not.toHaveBeenCalled();
  });
});

describe('cancelling an import', () => {
  it('answers cancelled at once while rows are still coming, and writes nothing even if a commit follows', async () => {
    const s = await serve();
    s.send({ type: 'rows', writes: manyWrites(3) }, { type: 'cancel' });
    expect(s.port.sent).toEqual([{ type: 'cancelled' }]);
    s.send({ type: 'commit' });
    await settle(50);
    expect(s.port.sent).toEqual([{ type: 'cancelled' }]);
    expect(await contents(s.db)).toEqual({ customers: [], audit: [], invoices: [] });
    expect(s.onChanged).not.toHaveBeenCalled();
  });

  it('rolls back an import cancelled while it is being written: the book is exactly as before', async () => {
    const s = await serve();
    await createCustomer(s.db, customerInput());
    const before = await contents(s.db);
    const writes = manyWrites(IMPORT_CHUNK * 2 + 500);
    s.send(...chunks(writes), { type: 'commit' });
    expect(await s.port.until((m) => m.type === 'progress')).toEqual({
      type: 'progress',
      done: IMPORT_CHUNK,
      total: writes.length,
    });
    s.send({ type: 'cancel' });
    expect(await s.ended()).toEqual({ type: 'cancelled' });
    await settle();
    expect(s.ends()).toEqual([{ type: 'cancelled' }]);
    expect(await contents(s.db)).toEqual(before);
    expect(s.onChanged).not.toHaveBeenCalled();
    expect((await s.index.get()).search('测试客户')).toEqual([]);
  }, 20_000);

  it('rolls back an import whose page closed while it was being written', async () => {
    const s = await serve();
    await createCustomer(s.db, customerInput());
    const before = await contents(s.db);
    s.send(...chunks(manyWrites(IMPORT_CHUNK * 2 + 500)), { type: 'commit' });
    await s.port.until((m) => m.type === 'progress');
    s.port.hangUp();
    // Its end (cancelled) is posted to a closed port, which throws; the service must not mind.
    await vi.waitFor(() => expect(s.port.refusedPosts).toBe(1));
    await settle();
    expect(await contents(s.db)).toEqual(before);
    expect(s.onChanged).not.toHaveBeenCalled();
    expect((await s.index.get()).search('测试客户')).toEqual([]);
  }, 20_000);
});

describe('messages an import refuses', () => {
  it('ends with exactly one failed on a message that does not check out, and answers nothing after', async () => {
    const s = await serve();
    const [write] = manyWrites(1);
    if (!write) throw new Error('no write');
    s.send({ type: 'rows', writes: [{ ...write, row: 0 }] });
    expect(s.port.sent).toEqual([{ type: 'failed', reason: expect.stringMatching(/^invalid message/) }]);
    s.send({ type: 'rows', writes: [write] }, { type: 'commit' });
    s.port.receive({ type: 'undo' });
    await settle(50);
    expect(s.port.sent).toHaveLength(1);
    expect(await contents(s.db)).toEqual({ customers: [], audit: [], invoices: [] });
  });

  it('refuses customers and invoices in one import, either way round', async () => {
    const rows: ImportRequest = { type: 'rows', writes: manyWrites(2) };
    const invoices: ImportRequest = { type: 'invoices', invoices: invoiceDrafts(), file: 'a.xlsx' };
    const orders: [ImportRequest, ImportRequest][] = [
      [rows, invoices],
      [invoices, rows],
    ];
    for (const [first, second] of orders) {
      const s = await serve();
      s.send(first, second, { type: 'commit' });
      await settle(50);
      expect(s.port.sent).toEqual([{ type: 'failed', reason: 'customers and invoices in one import' }]);
      expect(await contents(s.db)).toEqual({ customers: [], audit: [], invoices: [] });
      expect(s.onChanged).not.toHaveBeenCalled();
    }
  });

  it('ignores rows or a commit that come while it writes: the import still lands, and says so once', async () => {
    const s = await serve();
    s.send({ type: 'rows', writes: manyWrites(3) }, { type: 'commit' }, { type: 'rows', writes: manyWrites(1) });
    s.send({ type: 'commit' }, { nonsense: true } as never);
    await s.ended();
    await settle(50);
    expect(s.ends()).toMatchObject([{ type: 'done', summary: { added: 3 } }]);
    expect(await s.db.count('customers')).toBe(3);
    expect(s.onChanged).toHaveBeenCalledTimes(1);
  });

  it('answers nothing once it is done: not a late cancel, nor more rows', async () => {
    const s = await serve();
    s.send({ type: 'rows', writes: manyWrites(2) }, { type: 'commit' });
    await s.ended();
    s.send({ type: 'cancel' }, { type: 'rows', writes: manyWrites(1) }, { type: 'commit' });
    await settle(50);
    expect(s.ends()).toMatchObject([{ type: 'done' }]);
    expect(await s.db.count('customers')).toBe(2);
    expect(s.onChanged).toHaveBeenCalledTimes(1);
  });
});

describe('an import of invoice history', () => {
  it('stores the invoices and makes a pending customer of the buyer it did not know', async () => {
    const s = await serve();
    const invoices = invoiceDrafts();
    s.send({ type: 'invoices', invoices, file: '全量发票查询.xlsx' }, { type: 'commit' });
    const end = await s.ended();
    expect(s.port.sent[0]).toEqual({ type: 'progress', done: 0, total: invoices.length });
    expect(s.ends()).toHaveLength(1);
    if (end.type !== 'done' || end.summary.kind !== 'invoices') throw new Error(`ended ${JSON.stringify(end)}`);
    const { customers } = await listCustomers(s.db);
    // Every buyer with a tax ID is Xiaomi; the natural person has none and makes no customer.
    expect(customers.map((c) => [c.taxId, c.source, c.review.status])).toEqual([[XIAOMI[0], 'import', 'pending']]);
    expect(end.summary).toEqual({
      kind: 'invoices',
      batch: expect.any(String),
      added: invoices.length,
      updated: 0,
      unchanged: 0,
      refused: 0,
      customersCreated: 1,
      changed: customers.map((c) => c.id),
    });
    const stored = await s.db.getAll('invoices');
    expect(stored.map((i) => i.id).sort()).toEqual(invoices.map((i) => i.id).sort());
    expect(stored.every((i) => i.file === '全量发票查询.xlsx' && i.batch === end.summary.batch)).toBe(true);
    expect(s.onChanged).toHaveBeenCalledTimes(1);
    expect((await s.index.get()).search(XIAOMI[0]).map((h) => h.id)).toEqual(customers.map((c) => c.id));
  });

  it('counts the invoices that do not check out as refused, and writes the rest', async () => {
    const s = await serve();
    const [good, bad] = invoiceDrafts();
    if (!good || !bad) throw new Error('too few invoices');
    s.send(
      { type: 'invoices', invoices: [good, { ...bad, total: bad.total + 1 }], file: 'x.xlsx' },
      { type: 'commit' },
    );
    expect(await s.ended()).toMatchObject({ type: 'done', summary: { kind: 'invoices', added: 1, refused: 1 } });
    expect((await s.db.getAll('invoices')).map((i) => i.id)).toEqual([good.id]);
  });

  it('writes nothing when cancelled before the commit', async () => {
    const s = await serve();
    s.send({ type: 'invoices', invoices: invoiceDrafts(), file: 'x.xlsx' }, { type: 'cancel' }, { type: 'commit' });
    await settle(50);
    expect(s.port.sent).toEqual([{ type: 'cancelled' }]);
    expect(await contents(s.db)).toEqual({ customers: [], audit: [], invoices: [] });
  });
});
