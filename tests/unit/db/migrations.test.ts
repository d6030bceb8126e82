import { readFileSync } from 'node:fs';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { listCustomers, listQuarantine } from '../../../lib/db/customers';
import { importInvoices, invoicesOf } from '../../../lib/db/invoices';
import { migrateToV1 } from '../../../lib/db/migrations/v1';
import { openBook } from '../../../lib/db/open';
import { DB_VERSION } from '../../../lib/db/schema';
import { fromBase64 } from '../../../lib/domain/attachment';
import type { Customer } from '../../../lib/domain/customer';
import { readInvoiceExport } from '../../../lib/import/invoices';
import { readSheets } from '../../../lib/import/sheet';
import { BASIC_HEADERS, basicExport, invoiceWorkbook, XIAOMI } from '../../support/invoice-export';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../fixtures/db/${name}`, import.meta.url), 'utf8'));
const sample = fixture('v1-sample.json');
const v3 = fixture('v3-sample.json');

/** Writes the version-1 sample database exactly as version 1 laid it out. */
async function v1Database(name: string) {
  const db = await openDB(name, 1, { upgrade: (d) => migrateToV1(d) });
  for (const c of sample.customers) await db.put('customers', c);
  for (const a of sample.audit) await db.add('audit', a);
  db.close();
}

/** Writes the version-3 sample database: the schema as versions 1 to 3 built it, and the records as v3 stored them. */
async function v3Database(name: string) {
  const db = await openBook(name, 3);
  for (const c of v3.customers) await db.put('customers', c);
  for (const a of v3.audit) await db.add('audit', a);
  for (const q of v3.quarantine) await db.add('quarantine', q);
  for (const { dataBase64, ...meta } of v3.attachments) {
    await db.put('attachments', { ...meta, data: fromBase64(dataBase64).buffer });
  }
  db.close();
}

describe('migrations', () => {
  it('creates the current schema from nothing', async () => {
    const db = await openBook('migrate-empty');
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['attachments', 'audit', 'customers', 'invoices', 'quarantine']);
    expect([...db.transaction('customers').store.indexNames].sort()).toEqual([
      'lastUsedAt',
      'name',
      'taxId',
      'updatedAt',
    ]);
    db.close();
  });

  it('upgrades the v1 sample: entries, keys, quarantine for what does not fit, audit kept', async () => {
    await v1Database('migrate-v1');
    const db = await openBook('migrate-v1');
    const { customers, quarantined } = await listCustomers(db);
    expect(quarantined).toEqual([]);
    expect(customers.map((c) => c.id).sort()).toEqual(['c-001', 'c-002', 'c-005']);

    const xiaomi = customers.find((c) => c.id === 'c-001');
    expect(xiaomi).toMatchObject({ revision: 3, tags: ['月结'], lastUsedAt: null, useCount: 0 });
    expect(xiaomi?.entries).toEqual([
      {
        id: 'c-001-1',
        label: '',
        address: '北京市海淀区清河中街68号',
        phone: '010-60606666',
        bankName: '中国工商银行北京海淀支行',
        bankAccount: '0200049619200088888',
      },
    ]);
    expect(customers.find((c) => c.id === 'c-002')?.keys.initials).toBe('cqschgcyglyxgs');
    expect(customers.find((c) => c.id === 'c-005')?.keys.taxId).toBeUndefined();

    const parked = await listQuarantine(db);
    expect(parked.map((q) => [q.key, q.reason])).toEqual([
      ['c-003', 'invalid'],
      ['c-004', 'duplicateTaxId'],
    ]);
    expect(parked[0]?.raw).toEqual(sample.customers[2]);
    expect(await db.count('audit')).toBe(1);
    db.close();
  });

  it('adds the attachments store in version 3 and leaves the version-2 book as it was', async () => {
    await v1Database('migrate-v2');
    const v2 = await openBook('migrate-v2', 2);
    const before = await listCustomers(v2);
    const audit = await v2.count('audit');
    v2.close();
    const db = await openBook('migrate-v2', 3);
    expect(db.version).toBe(3);
    expect(await listCustomers(db)).toEqual(before);
    expect(await db.count('audit')).toBe(audit);
    expect([...db.transaction('attachments').store.indexNames]).toEqual(['customerId']);
    db.close();
  });

  it('adds the invoices store in version 4 and leaves the version-3 book as it was', async () => {
    await v3Database('migrate-v3');
    const db = await openBook('migrate-v3', 4);
    expect(db.version).toBe(4);
    expect(await db.getAll('customers')).toEqual(v3.customers);
    expect(await db.getAll('audit')).toEqual(v3.audit.map((a: object, i: number) => ({ ...a, seq: i + 1 })));
    expect(await db.getAllFromIndex('audit', 'batch', 'import-1')).toHaveLength(1);
    expect(await listQuarantine(db)).toEqual(v3.quarantine.map((q: object, i: number) => ({ ...q, seq: i + 1 })));
    const [file] = await db.getAll('attachments');
    expect(file && new Uint8Array(file.data)).toEqual(fromBase64(v3.attachments[0].dataBase64));
    expect(await db.count('invoices')).toBe(0);
    expect([...db.transaction('invoices').store.indexNames].sort()).toEqual(['buyerTaxId', 'issuedOn']);

    // The upgraded book takes invoice history, linked to the customer it already has: no second one is made.
    const sheets = readSheets(invoiceWorkbook({ 发票基础信息: basicExport() }));
    const read = sheets.ok ? readInvoiceExport(sheets.sheets) : null;
    const result = await importInvoices(db, read?.invoices ?? []);
    expect(result.customersCreated).toEqual([]);
    // Five rows of the export name Xiaomi; one of them, its 数电发票号码 stored by Excel as a number, is refused.
    const buyer = BASIC_HEADERS.indexOf('购方识别号');
    expect(basicExport().filter((row) => row[buyer] === XIAOMI[0])).toHaveLength(5);
    expect((await invoicesOf(db, XIAOMI[0])).invoices).toHaveLength(4);
    expect((await listCustomers(db)).customers).toHaveLength(v3.customers.length);
    db.close();
  });

  it('gives every customer the new invoice defaults, unset, in version 5 and changes nothing else', async () => {
    await v3Database('migrate-v5');
    const db = await openBook('migrate-v5');
    expect(db.version).toBe(5);
    const { customers, quarantined } = await listCustomers(db);
    expect(quarantined).toEqual([]);
    expect(customers).toEqual(
      v3.customers.map((c: { invoiceDefaults: object }) => ({
        ...c,
        invoiceDefaults: { ...c.invoiceDefaults, deliveryEmail: '', deliveryMobile: '', showAddressBank: null },
      })),
    );
    // Read raw, not through the schema's defaults: the records themselves were written anew.
    const raw = (await db.getAll('customers')) as Customer[];
    expect(raw.every((c) => c.invoiceDefaults.showAddressBank === null && c.invoiceDefaults.deliveryEmail === '')).toBe(
      true,
    );
    db.close();
  });

  it('leaves the old database untouched when a step fails', async () => {
    await v1Database('migrate-fail');
    // A record whose shape makes the upgrade code itself throw (not merely invalid data).
    const old = await openDB('migrate-fail', 1);
    await old.put('customers', { id: 'c-bad', name: { toString: null }, createdAt: 0, updatedAt: 0, revision: 1 });
    old.close();
    await expect(openBook('migrate-fail')).rejects.toThrow();
    const after = await openDB('migrate-fail');
    expect(after.version).toBe(1);
    expect(await after.count('customers')).toBe(sample.customers.length + 1);
    after.close();
  });
});
