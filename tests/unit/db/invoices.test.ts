import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCustomer, customerHistory, listCustomers, undoBatch } from '../../../lib/db/customers';
import { importInvoices, invoicesOf, recordIssued } from '../../../lib/db/invoices';
import { type InvoiceDraft, PORTAL_ORIGIN, portalInvoice, totalOf } from '../../../lib/domain/invoice';
import { readInvoiceExport } from '../../../lib/import/invoices';
import { readSheets } from '../../../lib/import/sheet';
import { customerInput, freshBook } from '../../support/book';
import {
  type BasicOptions,
  basicExport,
  detailedExport,
  invoiceWorkbook,
  NUMBERS,
  SHOP,
  XIAOMI,
} from '../../support/invoice-export';

/** The invoices of a real workbook, as the manager page hands them over. */
function invoicesIn(sheets: Record<string, unknown[][]>): InvoiceDraft[] {
  const read = readSheets(invoiceWorkbook(sheets), '全量发票查询.xlsx');
  if (!read.ok) throw new Error(read.problem);
  const found = readInvoiceExport(read.sheets);
  if (!found) throw new Error('not an invoice export');
  return found.invoices;
}

const basic = (opts?: BasicOptions) => invoicesIn({ 发票基础信息: basicExport(opts) });
const T1 = Date.UTC(2026, 0, 5);
const T2 = Date.UTC(2026, 1, 5);

describe('invoice history', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('adds every invoice of an export and makes each unknown buyer one pending customer', async () => {
    const db = await freshBook();
    const invoices = basic();
    const result = await importInvoices(db, invoices, { file: '全量发票查询.xlsx', now: T1 });
    expect(result).toMatchObject({ added: invoices.length, updated: 0, unchanged: 0, refused: [] });
    expect(await db.count('invoices')).toBe(invoices.length);

    // Four invoices name Xiaomi; the natural person has no tax ID and becomes nobody.
    const { customers } = await listCustomers(db);
    expect(customers).toHaveLength(1);
    expect(result.customersCreated).toEqual(customers.map((c) => c.id));
    expect(customers[0]).toMatchObject({
      name: XIAOMI[1], // as on the latest invoice, not the older name the voided one carries
      taxId: XIAOMI[0],
      kind: 'company',
      source: 'import',
      review: { status: 'pending', by: '', at: null },
      createdAt: T1,
    });
    // The customer is audited in the import's batch, so undoing the import can take it back.
    const [created] = await customerHistory(db, customers[0]?.id ?? '');
    expect(created).toMatchObject({ action: 'create', batch: result.batch });
    expect((await db.getAll('invoices')).map((i) => i.batch)).toEqual(invoices.map(() => result.batch));

    const stored = await db.get('invoices', NUMBERS.blue);
    expect(stored).toMatchObject({ file: '全量发票查询.xlsx', batch: result.batch, importedAt: T1, updatedAt: T1 });
  });

  it('adds nothing when the same export is imported again', async () => {
    const db = await freshBook();
    const first = await importInvoices(db, basic(), { now: T1 });
    const audit = await db.count('audit');
    const again = await importInvoices(db, basic(), { now: T2 });
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: first.added, customersCreated: [] });
    expect(await db.count('invoices')).toBe(first.added);
    expect(await db.count('audit')).toBe(audit);
    expect((await db.get('invoices', NUMBERS.blue))?.batch).toBe(first.batch);
  });

  it('links to a customer the book has by normalised tax ID, and creates none for it', async () => {
    const db = await freshBook();
    const known = await createCustomer(db, customerInput({ name: '小米（已核实）' }));
    if (!known.ok) throw new Error('setup');
    const result = await importInvoices(db, basic());
    expect(result.customersCreated).toEqual([]);
    const { customers } = await listCustomers(db);
    expect(customers.map((c) => c.name)).toEqual(['小米（已核实）']);
    // Typed as a clerk might: lower case, full width, spaces.
    const { invoices } = await invoicesOf(db, ' ９１１１００００６０００３７３４１ｌ ');
    expect(invoices.map((i) => i.id)).toEqual([
      NUMBERS.red,
      '044031900112-01234568',
      NUMBERS.blue,
      '044031900111-01234567',
    ]);
    expect(totalOf(invoices)).toBe(113_000 - 56_500 + 11_300);
  });

  it('creates a buyer that many invoices name exactly once, across the two sheets of one workbook', async () => {
    const db = await freshBook();
    const invoices = invoicesIn({ 发票基础信息: basicExport(), 信息明细: detailedExport() });
    const result = await importInvoices(db, invoices);
    const { customers } = await listCustomers(db);
    expect(customers.map((c) => c.taxId).sort()).toEqual([XIAOMI[0], SHOP[0]].sort());
    expect(result.customersCreated).toHaveLength(2);
    // GB 32100: a code beginning 92 is an individual business.
    expect(customers.find((c) => c.taxId === SHOP[0])).toMatchObject({ name: SHOP[1], kind: 'individualBusiness' });
    expect((await invoicesOf(db, SHOP[0])).invoices.map((i) => i.items.length)).toEqual([1]);
  });

  it('updates an invoice the export has news of (red-flushed, voided) and never takes such news back', async () => {
    const db = await freshBook();
    // An export from before the paper invoice was voided and before the blue one was red-flushed.
    await importInvoices(db, basic({ paperStatus: '正常' }), { now: T1 });
    expect(await db.get('invoices', '044031900111-01234567')).toMatchObject({ void: false, status: '正常' });

    const later = await importInvoices(db, basic({ blueStatus: '部分红冲' }), { now: T2 });
    expect(later).toMatchObject({ added: 0, updated: 2, unchanged: basic().length - 2 });
    expect(await db.get('invoices', '044031900111-01234567')).toMatchObject({
      void: true,
      status: '已作废',
      importedAt: T1,
      updatedAt: T2,
      batch: later.batch,
    });
    expect(await db.get('invoices', NUMBERS.blue)).toMatchObject({ redFlushed: true, status: '部分红冲' });

    // Reading the old export again brings neither back to 正常.
    const stale = await importInvoices(db, basic({ paperStatus: '正常' }));
    expect(stale).toMatchObject({ added: 0, updated: 0 });
    expect(await db.get('invoices', '044031900111-01234567')).toMatchObject({ void: true, status: '已作废' });
    expect(await db.get('invoices', NUMBERS.blue)).toMatchObject({ redFlushed: true, status: '部分红冲' });

    // A fuller flush is news again.
    const full = await importInvoices(db, basic({ blueStatus: '已红冲' }));
    expect(full.updated).toBe(1);
  });

  it('keeps the items the detailed export gave when the basic one is read afterwards', async () => {
    const db = await freshBook();
    await importInvoices(db, invoicesIn({ 信息明细: detailedExport() }));
    const again = await importInvoices(db, basic({ only: [1] }));
    expect(again).toMatchObject({ added: 0, unchanged: 1 });
    expect((await db.get('invoices', NUMBERS.blue))?.items).toHaveLength(2);
  });

  it('takes an invoice listed twice in one import once, and its later status as news', async () => {
    const db = await freshBook();
    const paper = basic({ paperStatus: '正常' }).find((i) => i.code === '044031900111');
    if (!paper) throw new Error('setup');
    const result = await importInvoices(db, [paper, paper, { ...paper, status: '已作废', void: true }]);
    expect(result).toMatchObject({ added: 1, unchanged: 1, updated: 1 });
    expect(await db.count('invoices')).toBe(1);
    expect(await db.get('invoices', paper.id)).toMatchObject({ void: true });
  });

  it('refuses what does not validate, with the reasons, and writes the rest', async () => {
    const db = await freshBook();
    const [good, other] = basic();
    if (!good || !other) throw new Error('setup');
    const result = await importInvoices(db, [
      { ...good, total: good.total + 1 },
      { ...good, id: '' },
      { ...good, amount: 1000.5 },
      { ...good, issuedOn: '2025/3/1' },
      other,
    ]);
    expect(result.refused.map((r) => r.index)).toEqual([0, 1, 2, 3]);
    expect(result.refused[0]?.issues.join()).toContain('total');
    expect(result.added).toBe(1);
    expect(await db.getAllKeys('invoices')).toEqual([other.id]);
  });

  it('gives a customer without tax ID no invoices, and names stored records that no longer validate', async () => {
    const db = await freshBook();
    await importInvoices(db, basic());
    expect(await invoicesOf(db, '')).toEqual({ invoices: [], invalid: [] });
    const broken = await db.get('invoices', NUMBERS.blue);
    if (!broken) throw new Error('setup');
    await db.put('invoices', { ...broken, total: 1 });
    const { invoices, invalid } = await invoicesOf(db, XIAOMI[0]);
    expect(invalid).toEqual([NUMBERS.blue]);
    expect(invoices.map((i) => i.id)).not.toContain(NUMBERS.blue);
    // Left where it is, word for word: nothing is dropped.
    expect((await db.get('invoices', NUMBERS.blue))?.total).toBe(1);
  });

  it('is left as it is by undoing the import, which takes back only the pending customers it created', async () => {
    const db = await freshBook();
    const result = await importInvoices(db, invoicesIn({ 发票基础信息: basicExport(), 信息明细: detailedExport() }));
    const invoices = await db.getAll('invoices');
    const undone = await undoBatch(db, result.batch);
    expect([...undone.changed].sort()).toEqual([...result.customersCreated].sort());
    expect((await listCustomers(db)).customers).toEqual([]);
    expect(await db.getAll('invoices')).toEqual(invoices);
  });

  it('leaves invoices, customers and history as they were when cancelled half-way, and rejects', async () => {
    const db = await freshBook();
    await importInvoices(db, basic({ paperStatus: '正常' }), { now: T1 });
    const invoices = await db.getAll('invoices');
    const customers = await listCustomers(db);
    const audit = await db.getAll('audit');

    // News of two stored invoices and a new one whose buyer the book lacks. The cancel comes as that buyer's customer
    // is made: the invoices have been written in the transaction by then.
    const cancel = new AbortController();
    const uuid = crypto.randomUUID.bind(crypto);
    vi.spyOn(crypto, 'randomUUID').mockImplementation(() => {
      cancel.abort();
      return uuid();
    });
    const news = invoicesIn({ 发票基础信息: basicExport({ blueStatus: '部分红冲' }), 信息明细: detailedExport() });
    const importing = importInvoices(db, news, { batch: 'cancelled', now: T2, signal: cancel.signal });
    await expect(importing).rejects.toHaveProperty('name', 'AbortError');
    expect(cancel.signal.aborted).toBe(true);
    expect(await db.getAll('invoices')).toEqual(invoices);
    expect(await listCustomers(db)).toEqual(customers);
    expect(await db.getAll('audit')).toEqual(audit);

    // Once the cancel is gone, the same import writes all of it.
    vi.restoreAllMocks();
    const done = await importInvoices(db, news, { now: T2 });
    // The paper invoice voided, the blue one red-flushed and then given its items, the red one given its item.
    expect(done).toMatchObject({ added: 1, updated: 3, unchanged: news.length - 4 });
    expect(done.customersCreated).toHaveLength(1);
  });

  it('writes nothing when cancelled before it starts', async () => {
    const db = await freshBook();
    const cancel = new AbortController();
    cancel.abort();
    await expect(importInvoices(db, basic(), { signal: cancel.signal })).rejects.toHaveProperty('name', 'AbortError');
    expect(await db.count('invoices')).toBe(0);
    expect(await db.count('customers')).toBe(0);
  });
});

describe('invoices issued on a portal', () => {
  const issued = (over: Partial<Parameters<typeof portalInvoice>[0]> = {}) => ({
    buyerName: '北京小米科技有限责任公司',
    buyerTaxId: ' 91110108551385082q ',
    number: '',
    issuedOn: '2026-11-27',
    items: [
      { name: '*信息技术服务*软件开发', amount: 1_000_000, taxRate: '6%', tax: 60_000 },
      { name: '*经纪代理服务*代理费', amount: 33_333, taxRate: '6%', tax: 2000 },
    ],
    ...over,
  });

  it('are kept with their totals, under a local id until an export names them; the export takes their place', async () => {
    const db = await freshBook();
    const local = await recordIssued(db, portalInvoice(issued(), 'a1'), T1);
    expect(local).toMatchObject({
      id: 'local-a1',
      buyerTaxId: '91110108551385082Q',
      amount: 1_033_333,
      tax: 62_000,
      total: 1_095_333,
      origin: PORTAL_ORIGIN,
    });
    // Another invoice of the same day and buyer, another total: it stays.
    await recordIssued(
      db,
      portalInvoice(issued({ items: [{ name: '咨询', amount: 100, taxRate: '6%', tax: 6 }] }), 'b2'),
    );
    expect(totalOf((await invoicesOf(db, '91110108551385082Q')).invoices)).toBe(1_095_333 + 106);

    const fromExport = { ...portalInvoice(issued({ number: '26112000000012345678' }), 'x'), origin: '数电平台' };
    await importInvoices(db, [fromExport], { now: T2 });
    const after = (await invoicesOf(db, '91110108551385082Q')).invoices;
    expect(after.map((i) => i.id).sort()).toEqual(['26112000000012345678', 'local-b2']);
    expect(totalOf(after)).toBe(1_095_333 + 106);
  });

  it('under the number the page showed, leave an invoice an export already brought as the export says it', async () => {
    const db = await freshBook();
    const number = '26112000000012345678';
    await importInvoices(db, [{ ...portalInvoice(issued({ number }), 'x'), status: '已红冲' }], { now: T1 });
    await recordIssued(db, portalInvoice(issued({ number }), 'y'), T2);
    const [only] = (await invoicesOf(db, '91110108551385082Q')).invoices;
    expect(only).toMatchObject({ id: number, status: '已红冲', updatedAt: T1 });
  });
});
