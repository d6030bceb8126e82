import { describe, expect, it } from 'vitest';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type Backup,
  backupText,
  MAX_REPORTED_ISSUES,
  parseBackup,
} from '../../../lib/backup/format';
import { toBase64 } from '../../../lib/domain/attachment';
import { type Customer, CustomerSchema } from '../../../lib/domain/customer';
import { InvoiceItemSchema, InvoiceSchema } from '../../../lib/domain/invoice';
import { searchKeys } from '../../../lib/search/keys';
import { customerInput } from '../../support/book';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

function stored(id: string, name: string, taxId: string): Customer {
  return CustomerSchema.parse({
    ...customerInput({ name, taxId }),
    id,
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    lastUsedAt: null,
    useCount: 0,
    revision: 1,
    keys: searchKeys(name, taxId),
  });
}

function sample(): Backup {
  const xiaomi = stored('c1', '北京小米科技有限责任公司', '91110000600037341L');
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: 1_700_000_000_500,
    app: '0.1.0',
    settings: { locale: 'zh-CN', columns: ['name', 'taxId'] },
    customers: [xiaomi, stored('c2', '张三', '')],
    audit: [{ seq: 1, at: 1, customerId: 'c1', action: 'create', before: null, after: xiaomi }],
    quarantine: [
      {
        seq: 1,
        at: 2,
        store: 'customers',
        key: 'old',
        reason: 'invalid',
        issues: ['name: Too small'],
        raw: { id: 'old' },
      },
    ],
    attachments: [
      {
        id: 'a1',
        customerId: 'c1',
        name: '营业执照.pdf',
        type: 'application/pdf',
        size: PDF.length,
        addedAt: 3,
        data: toBase64(PDF),
      },
    ],
    invoices: [
      InvoiceSchema.parse({
        id: '25442000000123456789',
        digitalNumber: '25442000000123456789',
        buyerTaxId: '91110000600037341L',
        buyerName: '北京小米科技有限责任公司',
        issuedOn: '2025-03-01',
        amount: 100_000,
        tax: 13_000,
        total: 113_000,
        batch: 'b1',
        importedAt: 4,
        updatedAt: 4,
      }),
    ],
  };
}

/** The sample as JSON data, for tests that damage one part of a real file. */
const sampleData = () => JSON.parse(backupText(sample())) as Record<string, unknown> & { customers: unknown[] };

const problemOf = (text: string) => {
  const parsed = parseBackup(text);
  if (parsed.ok) throw new Error('expected the file to be refused');
  return parsed.problem;
};

describe('parseBackup', () => {
  it('reads a version-1 file, from before invoice history, with no invoices', () => {
    const { invoices: _, ...old } = sampleData();
    const parsed = parseBackup(JSON.stringify({ ...old, version: 1 }));
    expect(parsed.ok && parsed.backup.invoices).toEqual([]);
    expect(parsed.ok && parsed.backup.customers).toHaveLength(2);
  });

  it('reads back what backupText wrote, a byte-order mark and all', () => {
    expect(parseBackup(backupText(sample()))).toEqual({ ok: true, backup: sample() });
    expect(parseBackup(`\uFEFF${backupText(sample())}`)).toEqual({ ok: true, backup: sample() });
  });

  it('fills in what a file may leave out: the app version and the settings', () => {
    const { app, settings, ...rest } = sampleData();
    const parsed = parseBackup(JSON.stringify(rest));
    expect(parsed.ok && parsed.backup.app).toBe('');
    expect(parsed.ok && parsed.backup.settings).toEqual({});
  });

  it('keeps history written in an older shape of customer, as it was', () => {
    const data = sampleData();
    const v1 = { id: 'c9', name: '旧客户', address: '杭州', revision: 1, createdAt: 1, updatedAt: 1 };
    data.audit = [{ seq: 7, at: 1, customerId: 'c9', action: 'update', before: v1, after: { ...v1, revision: 2 } }];
    const parsed = parseBackup(JSON.stringify(data));
    expect(parsed.ok && parsed.backup.audit[0]?.before).toEqual(v1);
  });

  it('reads a quarantined customer or invoice, and refuses a quarantine entry from any other store', () => {
    const data = sampleData();
    const [customer] = data.quarantine as Record<string, unknown>[];
    const invoice = { ...customer, seq: 2, store: 'invoices', key: '25442000000123456780', raw: { total: 1 } };
    data.quarantine = [customer, invoice];
    const parsed = parseBackup(JSON.stringify(data));
    expect(parsed.ok && parsed.backup.quarantine.map((q) => q.store)).toEqual(['customers', 'invoices']);
    data.quarantine = [customer, { ...invoice, store: 'attachments' }];
    expect(problemOf(JSON.stringify(data))).toMatchObject({
      code: 'invalid',
      issues: [{ path: 'quarantine[1].store' }],
    });
  });

  it('refuses text that is not JSON', () => {
    for (const text of [
      '',
      '   ',
      '{"format":"taitou-backup",',
      'PK\u0003\u0004 not a backup',
      '客户名称,税号\n小米,9111',
    ]) {
      expect(problemOf(text)).toEqual({ code: 'notJson' });
    }
  });

  it("refuses another app's JSON as not a backup", () => {
    for (const text of ['null', '[]', '42', '"taitou-backup"', '{"version":1,"customers":[]}', '{"format":"x"}']) {
      expect(problemOf(text)).toEqual({ code: 'notBackup' });
    }
  });

  it('refuses a file from a newer Taitou, saying which version', () => {
    expect(problemOf(JSON.stringify({ ...sampleData(), version: 999 }))).toEqual({
      code: 'newerVersion',
      version: 999,
      supported: BACKUP_VERSION,
    });
  });

  it('refuses a version that is not one', () => {
    for (const version of [0, 1.5, '1', null]) {
      const problem = problemOf(JSON.stringify({ ...sampleData(), version }));
      expect(problem.code === 'invalid' && problem.issues.map((i) => i.path), String(version)).toEqual(['version']);
    }
  });

  it('names the invalid customer, the field and why', () => {
    const data = sampleData();
    data.customers[1] = { ...(data.customers[1] as object), taxId: '9'.repeat(21) };
    expect(problemOf(JSON.stringify(data))).toEqual({
      code: 'invalid',
      total: 1,
      issues: [{ path: 'customers[1].taxId', record: '张三', message: expect.stringContaining('20') }],
    });
  });

  it('reports the first few problems and how many there are', () => {
    const data = sampleData();
    data.customers = Array.from({ length: 8 }, (_, i) => ({ id: `bad${i}`, entries: [] }));
    const problem = problemOf(JSON.stringify(data));
    if (problem.code !== 'invalid') throw new Error(problem.code);
    expect(problem.issues).toHaveLength(MAX_REPORTED_ISSUES);
    expect(problem.total).toBeGreaterThan(MAX_REPORTED_ISSUES);
    expect(problem.issues[0]).toMatchObject({ path: 'customers[0].name', record: 'bad0' });
  });

  it('refuses a file whose bytes are not what it says, or not base64', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ data: toBase64(PNG), size: PNG.length }, 'not a application/pdf'],
      [{ size: PDF.length + 1 }, `holds ${PDF.length} bytes`],
      [{ data: '%%% not base64 %%%' }, 'not base64'],
    ];
    for (const [change, message] of cases) {
      const data = sampleData();
      data.attachments = [{ ...(data.attachments as object[])[0], ...change }];
      const problem = problemOf(JSON.stringify(data));
      expect(problem).toEqual({
        code: 'invalid',
        total: 1,
        issues: [{ path: 'attachments[0].data', record: '营业执照.pdf', message: expect.stringContaining(message) }],
      });
    }
  });

  it('refuses two customers with one id or one tax ID, which a book cannot hold', () => {
    const data = sampleData();
    const [xiaomi] = sample().customers;
    if (!xiaomi) throw new Error('sample');
    const { taxId, ...keysWithoutTaxId } = xiaomi.keys;
    const twin = { ...xiaomi, taxId: '', keys: keysWithoutTaxId };
    data.customers = [xiaomi, { ...xiaomi, id: 'c3', name: '小米（重复）' }, twin];
    const problem = problemOf(JSON.stringify(data));
    expect(problem.code === 'invalid' && problem.issues).toEqual([
      { path: 'customers[2].id', record: '北京小米科技有限责任公司', message: 'same as customers[0]' },
      { path: 'customers[1].taxId', record: '小米（重复）', message: 'same as customers[0]' },
    ]);
  });

  it("keeps an import's history: one entry per chunk, with no customer of its own and the customers it added", () => {
    const data = sampleData();
    const chunk = { at: 9, customerId: '', action: 'import', before: null, after: null, batch: 'b2' };
    data.audit = [
      { ...chunk, seq: 2, created: ['c1', 'c2'] },
      { ...chunk, seq: 3, created: ['c3'] },
    ];
    const parsed = parseBackup(JSON.stringify(data));
    expect(parsed.ok && parsed.backup.audit).toEqual(data.audit);

    data.audit = [{ ...chunk, seq: 2, created: ['c1', ''] }];
    const problem = problemOf(JSON.stringify(data));
    expect(problem.code === 'invalid' && problem.issues.map((i) => i.path)).toEqual(['audit[0].created[1]']);
  });

  it('refuses two invoices with one number, and an invoice whose sums do not add up in whole fen', () => {
    const data = sampleData();
    const [blue] = data.invoices as Record<string, unknown>[];
    data.invoices = [blue, { ...blue, remarks: '同一张发票' }];
    expect(problemOf(JSON.stringify(data))).toEqual({
      code: 'invalid',
      total: 1,
      issues: [{ path: 'invoices[1].id', record: '25442000000123456789', message: 'same as invoices[0]' }],
    });

    // Yuan where fen belong (1,000.50 written as 1000.5): the sums add up, but not in whole fen.
    const cases: [Record<string, unknown>, string[]][] = [
      [{ total: 113_001 }, ['invoices[0].total']],
      [{ amount: 1000.5, total: 14_000.5 }, ['invoices[0].amount', 'invoices[0].total']],
      [{ red: true, amount: -100_000, tax: -13_000, total: 113_000 }, ['invoices[0].total']],
    ];
    for (const [change, paths] of cases) {
      data.invoices = [{ ...blue, ...change }];
      const problem = problemOf(JSON.stringify(data));
      expect(problem.code === 'invalid' && problem.issues.map((i) => i.path)).toEqual(paths);
    }
  });

  it('reads a red invoice, a voided one and one with items, as they were written', () => {
    const data = sampleData();
    const [blue] = data.invoices as Record<string, unknown>[];
    const item = { name: '*信息技术服务*软件开发 🧾', amount: 100_000, taxRate: '13%', tax: 13_000 };
    data.invoices = [
      { ...blue, items: [item], remarks: '合同号 𠮷-001\n第二行' },
      { ...blue, id: 'r1', red: true, amount: -100_000, tax: -13_000, total: -113_000, offsets: blue?.id },
      { ...blue, id: 'v1', void: true, status: '已作废' },
    ];
    const parsed = parseBackup(JSON.stringify(data));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
    expect(parsed.backup.invoices.map((i) => [i.id, i.total, i.red, i.void])).toEqual([
      ['25442000000123456789', 113_000, false, false],
      ['r1', -113_000, true, false],
      ['v1', 113_000, false, true],
    ]);
    expect(parsed.backup.invoices[0]?.items).toEqual([InvoiceItemSchema.parse(item)]);
    expect(parsed.backup.invoices[0]?.remarks).toBe('合同号 𠮷-001\n第二行');
    expect(parseBackup(backupText(parsed.backup))).toEqual(parsed);
  });

  it('refuses settings that are not an object and history of unknown kinds', () => {
    const data: Record<string, unknown> = { ...sampleData(), settings: [1, 2] };
    data.audit = [{ seq: 1, at: 1, customerId: 'c1', action: 'rename', before: null, after: null }];
    const problem = problemOf(JSON.stringify(data));
    expect(problem.code === 'invalid' && problem.issues.map((i) => i.path).sort()).toEqual([
      'audit[0].action',
      'settings',
    ]);
  });
});
