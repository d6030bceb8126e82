import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Backup, type BackupSettings, backupText, parseBackup } from '../../../lib/backup/format';
import { addAttachment, getAttachment } from '../../../lib/db/attachments';
import { readBackup, restoreBackup, restoreBackupText } from '../../../lib/db/backup';
import {
  createCustomer,
  getCustomer,
  listCustomers,
  undoBatch,
  undoChange,
  updateCustomer,
} from '../../../lib/db/customers';
import { commitImport } from '../../../lib/db/import';
import { importInvoices } from '../../../lib/db/invoices';
import type { TaitouDB } from '../../../lib/db/open';
import type { AuditEntry, QuarantineEntry } from '../../../lib/db/schema';
import { ATTACHMENT_TYPES, sniffType } from '../../../lib/domain/attachment';
import { type Customer, type CustomerInput, CustomerSchema } from '../../../lib/domain/customer';
import { type Invoice, InvoiceSchema } from '../../../lib/domain/invoice';
import {
  CREDIT_PERIODS,
  CUSTOMER_KINDS,
  INVOICE_TYPES,
  REVIEW_STATUSES,
  SOURCES,
} from '../../../lib/domain/vocabulary';
import type { PlannedRow } from '../../../lib/import/plan';
import { importWrites } from '../../../lib/import/writes';
import { searchKeys } from '../../../lib/search/keys';
import { customerInput, freshBook } from '../../support/book';
import { plannedRow } from '../../support/planned';

// ---- generated books ---------------------------------------------------------------------------------------------

/** Characters that break naive writers: rare CJK outside the BMP, emoji sequences, quotes, escapes, line breaks. */
const awkward = fc.constantFrom(
  '𠀋',
  '𪚥',
  '𠮷',
  '😀',
  '👨‍👩‍👧',
  '🇨🇳',
  '"',
  "'",
  '\\',
  '\n',
  '\r\n',
  '\t',
  '\u0000',
  '\u2028',
  '\uFEFF',
  '　',
  '</script>',
  '`$',
);
const char = fc.oneof(
  awkward,
  fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCodePoint(c)),
  fc.integer({ min: 0x20000, max: 0x2a6df }).map((c) => String.fromCodePoint(c)),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.string({ minLength: 1, maxLength: 1 }),
);
/**
 * Short text, or text at the schema's limit. Cut to `max` UTF-16 units as the schema counts them, which may split a
 * surrogate pair and leave half of it: that too must survive.
 */
const text = (max: number) =>
  fc
    .oneof(
      { weight: 3, arbitrary: fc.string({ unit: char, maxLength: 8 }) },
      { weight: 1, arbitrary: fc.string({ unit: char, minLength: max, maxLength: max }) },
    )
    .map((s) => s.slice(0, max));
const time = fc.integer({ min: 0, max: 4_102_444_800_000 });
const taxIdArb = fc.oneof(fc.constant(''), fc.stringMatching(/^[0-9A-Z]{15,20}$/), text(20));

const entryArb = fc.record({
  label: text(60),
  address: text(300),
  phone: text(60),
  bankName: text(120),
  bankAccount: text(50),
});

const customerArb = fc.record({
  id: text(40),
  name: text(300),
  taxId: taxIdArb,
  kind: fc.constantFrom(...CUSTOMER_KINDS),
  entries: fc.array(entryArb, { minLength: 1, maxLength: 4 }),
  defaultEntry: fc.nat(),
  email: text(200),
  mobile: text(30),
  contact: text(60),
  tier: fc.oneof(fc.constantFrom('normal', 'vip'), text(40)),
  tags: fc.array(text(40), { maxLength: 6 }),
  notes: text(5000),
  invoiceDefaults: fc.record({ type: fc.constantFrom(null, ...INVOICE_TYPES), remarks: text(230) }),
  creditLimit: fc.option(
    fc.record({
      // + 0 turns -0 into 0: JSON has no negative zero, and no clerk means one.
      amount: fc.oneof(fc.nat(), fc.double({ min: 0, max: 1e13, noNaN: true })).map((n) => n + 0),
      period: fc.constantFrom(...CREDIT_PERIODS),
    }),
    { nil: null },
  ),
  review: fc.record({
    status: fc.constantFrom(...REVIEW_STATUSES),
    by: text(60),
    at: fc.option(time, { nil: null }),
  }),
  source: fc.constantFrom(...SOURCES),
  createdAt: time,
  updatedAt: time,
  lastUsedAt: fc.option(time, { nil: null }),
  useCount: fc.nat(),
  revision: fc.integer({ min: 1, max: 1_000_000 }),
});

type Generated = typeof customerArb extends fc.Arbitrary<infer T> ? T : never;

/** A stored customer as the book keeps it: through the schema, with search keys; ids made unique by position. */
function toStored(g: Generated, index: number, taxIdTaken: Set<string>): Customer {
  const entries = g.entries.map((e, i) => ({ ...e, id: `${i}-${e.label}` }));
  let taxId = g.taxId;
  const key = searchKeys('', taxId).taxId;
  if (key && taxIdTaken.has(key)) taxId = '';
  else if (key) taxIdTaken.add(key);
  const name = g.name.trim() || '名';
  return CustomerSchema.parse({
    ...g,
    id: `${index}-${g.id}`,
    name,
    taxId,
    entries,
    defaultEntryId: entries[g.defaultEntry % entries.length]?.id,
    keys: searchKeys(name, taxId),
  });
}

const MAGIC: Record<(typeof ATTACHMENT_TYPES)[number], number[]> = {
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/webp': [0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50],
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d],
};
const fileArb = fc.record({
  type: fc.constantFrom(...ATTACHMENT_TYPES),
  tail: fc.uint8Array({ maxLength: 3000 }),
  name: text(120),
  addedAt: time,
  owner: fc.nat(),
});
/** Any JSON value, as JSON carries it (no -0). */
const jsonArb = fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown);

const pad = (n: number) => String(n).padStart(2, '0');
const dayArb = fc
  .tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`);
const clockArb = fc.oneof(
  fc.constant(''),
  fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }))
    .map((hms) => hms.map(pad).join(':')),
);
/** Fen up to a hundred million yuan: a big contract, and past what float yuan would keep exact to the fen. */
const fenArb = fc.integer({ min: 0, max: 10_000_000_000 });
const itemArb = fc.record({
  name: text(300),
  spec: text(150),
  unit: text(60),
  quantity: text(40),
  unitPrice: text(40),
  amount: fenArb,
  taxRate: fc.oneof(fc.constantFrom('13%', '0.13', '6%', '免税', '不征税'), text(20)),
  tax: fenArb,
  taxCode: fc.oneof(fc.stringMatching(/^\d{19}$/), text(30)),
  businessType: text(60),
});
const invoiceArb = fc.record({
  // 数电发票号码, 发票代码-发票号码 from before it, or any text the schema lets through.
  id: fc.oneof(
    fc.stringMatching(/^\d{20}$/),
    fc.stringMatching(/^\d{12}-\d{8}$/),
    text(40).filter((id) => id.length > 0),
  ),
  /** Whose invoice: a generated customer's, or (past the end) a buyer the book does not know. */
  buyer: fc.nat(),
  buyerTaxId: taxIdArb,
  buyerName: text(300),
  sellerTaxId: taxIdArb,
  sellerName: text(300),
  issuedOn: dayArb,
  issuedTime: clockArb,
  amount: fenArb,
  tax: fenArb,
  items: fc.option(fc.array(itemArb, { minLength: 1, maxLength: 3 }), { nil: undefined, freq: 2 }),
  kind: fc.oneof(fc.constantFrom('数电发票（增值税专用发票）', '数电发票（普通发票）'), text(60)),
  origin: text(60),
  status: fc.oneof(fc.constantFrom('正常', '已作废', '已红冲', '部分红冲'), text(30)),
  red: fc.boolean(),
  void: fc.boolean(),
  redFlushed: fc.boolean(),
  offsets: fc.oneof(fc.constant(''), fc.stringMatching(/^\d{20}$/), text(20)),
  risk: text(30),
  issuer: text(60),
  remarks: text(1000),
  file: text(260),
  batch: fc.oneof(
    fc.uuid(),
    text(36).filter((b) => b.length > 0),
  ),
  importedAt: time,
  updatedAt: time,
});

const bookArb = fc.record({
  customers: fc.array(customerArb, { maxLength: 6 }),
  files: fc.array(fileArb, { maxLength: 4 }),
  history: fc.array(
    fc.record({
      at: time,
      owner: fc.nat(),
      action: fc.constantFrom('create', 'update', 'delete', 'undo', 'import' as const),
      batch: fc.option(text(36), { nil: undefined }),
      gap: fc.nat({ max: 3 }),
      // An import's chunks (one audit entry each, sharing its time and batch): which customers each one added.
      chunks: fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }),
    }),
    { maxLength: 6 },
  ),
  invoices: fc.uniqueArray(invoiceArb, { selector: (i) => i.id, maxLength: 5 }),
  parked: fc.array(
    fc.record({ at: time, key: text(40), reason: text(40), issues: fc.array(text(80)), raw: jsonArb, gap: fc.nat(3) }),
    { maxLength: 3 },
  ),
  settings: fc.dictionary(text(20), jsonArb, { maxKeys: 4, noNullPrototype: true }) as fc.Arbitrary<BackupSettings>,
});
type GeneratedBook = typeof bookArb extends fc.Arbitrary<infer T> ? T : never;
type GeneratedInvoice = typeof invoiceArb extends fc.Arbitrary<infer T> ? T : never;

/** Fen, with 0 - n for red ones: a negative zero would come back from JSON as 0 and be a different number. */
const negated = (fen: number) => 0 - fen;

/** An invoice as the book stores it, through its schema; `buyerTaxId` links it to a customer when one is given. */
function toStoredInvoice(g: GeneratedInvoice, buyerTaxId: string): Invoice {
  const sign = g.red ? negated : (fen: number) => fen;
  const items = g.items?.map((item) => ({ ...item, amount: sign(item.amount), tax: sign(item.tax) }));
  // With items, the invoice's sums are theirs, as on a real invoice.
  const amount = items ? items.reduce((sum, i) => sum + i.amount, 0) : sign(g.amount);
  const tax = items ? items.reduce((sum, i) => sum + i.tax, 0) : sign(g.tax);
  const digital = /^\d{20}$/.test(g.id) ? g.id : '';
  const [, code = '', number = ''] = /^(\d{12})-(\d{8})$/.exec(g.id) ?? [];
  return InvoiceSchema.parse({
    ...g,
    digitalNumber: digital,
    code,
    number,
    buyerTaxId,
    amount,
    tax,
    total: amount + tax,
    items,
    offsets: g.red ? g.offsets : '',
  });
}

/**
 * Writes a generated book straight into the stores, as years of use would have left it. Returns the history and
 * invoices it wrote, for the backup to be held to.
 */
async function fill(db: TaitouDB, book: GeneratedBook): Promise<{ audit: AuditEntry[]; invoices: Invoice[] }> {
  const taken = new Set<string>();
  const customers = book.customers.map((g, i) => toStored(g, i, taken));
  const tx = db.transaction(['customers', 'audit', 'quarantine', 'attachments', 'invoices'], 'readwrite');
  for (const customer of customers) await tx.objectStore('customers').put(customer);
  // Numbers with gaps, as a book that lived through aborted writes has them: a restore must keep them, since undo
  // entries point at the entry they undid by its number.
  const audit: AuditEntry[] = [];
  let seq = 0;
  for (const [i, h] of book.history.entries()) {
    // A deleted customer's history stays when the customer is gone: owners past the end are such customers.
    const owner = (n: number) => customers[n % (customers.length + 1)];
    const customer = owner(h.owner) ?? null;
    const undoes = seq;
    seq += 1 + h.gap;
    if (h.action === 'import') {
      // One entry per chunk of new customers, with no customer of its own; all at the import's time.
      for (const [c, picks] of h.chunks.entries()) {
        const created = [...new Set(picks.map((p) => owner(p)?.id ?? `gone-${i}-${p}`))];
        const entry: AuditEntry = {
          seq: seq + c,
          at: h.at,
          customerId: '',
          action: 'import',
          before: null,
          after: null,
        };
        if (h.batch !== undefined) entry.batch = h.batch;
        audit.push({ ...entry, created });
      }
      seq += h.chunks.length - 1;
    } else {
      const entry: AuditEntry = {
        seq,
        at: h.at,
        customerId: customer?.id ?? `gone-${i}`,
        action: h.action,
        before: h.action === 'create' ? null : customer,
        after: h.action === 'delete' ? null : customer,
      };
      if (h.batch !== undefined) entry.batch = h.batch;
      if (h.action === 'undo' && undoes > 0) entry.undoes = undoes;
      audit.push(entry);
    }
  }
  for (const entry of audit) await tx.objectStore('audit').add(entry);
  seq = 0;
  for (const { gap, ...p } of book.parked) {
    seq += 1 + gap;
    const entry: QuarantineEntry = { ...p, seq, store: 'customers' };
    await tx.objectStore('quarantine').add(entry);
  }
  for (const [i, f] of book.files.entries()) {
    const bytes = new Uint8Array([...MAGIC[f.type], ...f.tail]);
    if (sniffType(bytes) !== f.type) throw new Error('generator: magic bytes');
    const customerId = customers[f.owner % (customers.length + 1)]?.id ?? `gone-${i}`;
    const meta = { id: `file-${i}`, customerId, name: f.name, type: f.type, size: bytes.length, addedAt: f.addedAt };
    await tx.objectStore('attachments').put({ ...meta, data: bytes.buffer });
  }
  const invoices = book.invoices.map((g) => {
    const buyer = customers[g.buyer % (customers.length + 1)];
    // The book links by the normalised tax ID; one that normalising made longer than an invoice holds is cut.
    return toStoredInvoice(g, buyer ? (buyer.keys.taxId ?? '').slice(0, 20) : g.buyerTaxId);
  });
  for (const invoice of invoices) await tx.objectStore('invoices').put(invoice);
  await tx.done;
  // The stores hand records back in key order.
  const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return { audit, invoices: invoices.sort((a, b) => byKey(a.id, b.id)) };
}

const withoutTime = (backup: Backup) => ({ ...backup, createdAt: 0 });

async function restored(db: TaitouDB, backup: Backup, mode: 'replace' | 'merge', opts = {}) {
  const result = await restoreBackup(db, backup, mode, opts);
  if (!result.ok) throw new Error(result.problem.message);
  return result.report;
}

/** An invoice to a natural person (no tax ID, so importing it makes no pending customer). */
const invoice = (id: string, remarks: string, more: Record<string, unknown> = {}) => ({
  id,
  digitalNumber: id,
  buyerName: '张三',
  issuedOn: '2026-01-05',
  amount: 10_000,
  tax: 1_300,
  total: 11_300,
  remarks,
  ...more,
});
const A = '26442000000000000001';
const B = '26442000000000000002';
const RED = '26442000000000000003';

describe('backup round trip', () => {
  it('restores every store of any book exactly, through the JSON file, into an empty book', async () => {
    await fc.assert(
      fc.asyncProperty(bookArb, async (book) => {
        const source = await freshBook();
        const written = await fill(source, book);
        const first = await readBackup(source, book.settings, { now: 1 });
        expect(first.invoices).toStrictEqual(written.invoices);
        expect(first.audit).toStrictEqual(written.audit);
        const parsed = parseBackup(JSON.stringify(first));
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
        expect(parsed.backup.settings).toStrictEqual(book.settings);

        const target = await freshBook();
        await restored(target, parsed.backup, 'replace');
        const second = await readBackup(target, parsed.backup.settings, { now: 2 });
        expect(withoutTime(second)).toStrictEqual(withoutTime(first));
        expect(first.customers).toHaveLength(book.customers.length);
        expect(first.attachments).toHaveLength(book.files.length);
        source.close();
        target.close();
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('makes a book that had other customers exactly the backup', async () => {
    const db = await freshBook();
    const kept = await createCustomer(db, customerInput());
    if (!kept.ok) throw new Error('setup');
    const pdf = await addAttachment(db, kept.value.id, '执照.pdf', new TextEncoder().encode('%PDF-1.7 x'));
    const backup = await readBackup(db, {}, { now: 5 });
    await createCustomer(db, customerInput({ name: '宁波港湾物流有限公司', taxId: '91330206MA2H3K5P7T' }));
    await updateCustomer(db, kept.value.id, 1, customerInput({ notes: '备份之后改的' }));

    const report = await restored(db, backup, 'replace');
    expect(report).toMatchObject({ mode: 'replace', batch: null, added: 1, attachmentsAdded: 1, historyAdded: 1 });
    expect(withoutTime(await readBackup(db, {}, { now: 6 }))).toStrictEqual(withoutTime(backup));
    expect((await getCustomer(db, kept.value.id))?.notes).toBe('');
    expect(pdf.ok && new Uint8Array((await getAttachment(db, pdf.value.id))?.data ?? [])).toEqual(
      new TextEncoder().encode('%PDF-1.7 x'),
    );
  });

  it('carries a stored customer that no longer validates in the quarantine section, so it is not lost', async () => {
    const db = await freshBook();
    const broken = { id: 'broken', name: '', entries: [], revision: 1 };
    await db.put('customers', broken as unknown as Customer);
    const backup = await readBackup(db, {}, { now: 9 });
    expect(backup.customers).toEqual([]);
    expect(backup.quarantine).toEqual([
      { at: 9, store: 'customers', key: 'broken', reason: 'invalid', issues: expect.any(Array), raw: broken },
    ]);
    expect(await db.count('customers')).toBe(1);

    const parsed = parseBackup(backupText(backup));
    const target = await freshBook();
    if (!parsed.ok) throw new Error('refused');
    await restored(target, parsed.backup, 'replace');
    expect((await target.getAll('quarantine')).map((q) => q.raw)).toEqual([broken]);
  });

  it('carries a stored invoice that no longer validates in the quarantine section, and restores the others', async () => {
    for (const mode of ['replace', 'merge'] as const) {
      const db = await freshBook();
      await importInvoices(db, [invoice(A, '首付款'), invoice(B, '尾款')], { file: '一月.xlsx', batch: 'b', now: 100 });
      const good = await db.getAll('invoices');
      // Written past the schema (by an older build, or by hand): its total is one fen more than amount + tax.
      const bad = { ...good[0], id: RED, digitalNumber: RED, total: 11_301 };
      await db.put('invoices', bad as Invoice);
      const parked = { at: 9, store: 'invoices', key: RED, reason: 'invalid', raw: bad };
      const issues = ['total: total must be amount + tax'];

      const backup = await readBackup(db, {}, { now: 9 });
      expect(backup.invoices).toStrictEqual(good);
      expect(backup.quarantine).toStrictEqual([{ ...parked, issues }]);
      expect(await db.count('invoices')).toBe(3);
      const parsed = parseBackup(backupText(backup));
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));

      const target = await freshBook();
      expect(await restored(target, parsed.backup, mode)).toMatchObject({ invoicesAdded: 2, quarantineAdded: 1 });
      expect(await target.getAll('invoices')).toStrictEqual(good);
      expect(await target.getAll('quarantine')).toEqual([{ ...parked, issues, seq: 1 }]);
    }
  });
});

// ---- merge -------------------------------------------------------------------------------------------------------

const XIAOMI = customerInput();
const NINGBO = customerInput({ name: '宁波港湾物流有限公司', taxId: '91330206MA2H3K5P7T' });
const HANGZHOU = customerInput({ name: '杭州西湖龙井茶业有限公司', taxId: '91330106MA27X8Y63F' });
const SHANGHAI = customerInput({ name: '上海大华纺织品进出口有限公司', taxId: '' });

/** A row of an import preview, decided as the clerk left it (added unless `extra` says otherwise). */
const planned = (row: number, customer: CustomerInput, extra: Partial<PlannedRow> = {}) =>
  plannedRow(row, { ...customer, source: 'import' }, extra);

async function create(db: TaitouDB, input: ReturnType<typeof customerInput>, now: number) {
  const created = await createCustomer(db, input, { now });
  if (!created.ok) throw new Error(created.error.code);
  return created.value;
}

describe('merge restore', () => {
  it('adds what the book lacks, keeps the newer of two versions, and audits its writes in one batch', async () => {
    const db = await freshBook();
    const xiaomi = await create(db, XIAOMI, 100);
    const ningbo = await create(db, NINGBO, 100);
    const backup = await readBackup(db);
    const inBackup = (id: string) => backup.customers.find((c) => c.id === id);

    // After the backup: Xiaomi is edited in the book (the book's is newer), Ningbo only in the backup.
    await updateCustomer(db, xiaomi.id, 1, { ...XIAOMI, notes: '本地更新' }, { now: 300 });
    const ningboInBackup = inBackup(ningbo.id);
    if (!ningboInBackup) throw new Error('setup');
    Object.assign(ningboInBackup, { notes: '备份里的更新', updatedAt: 200, revision: 1 });
    const hangzhou = {
      ...ningboInBackup,
      id: 'hz',
      name: HANGZHOU.name,
      taxId: '',
      keys: searchKeys(HANGZHOU.name, ''),
    };
    backup.customers.push(hangzhou);

    const report = await restored(db, backup, 'merge', { batch: 'merge-1', now: 400 });
    expect(report).toMatchObject({ mode: 'merge', batch: 'merge-1', added: 1, updated: 1, unchanged: 1, refused: [] });
    expect((await getCustomer(db, xiaomi.id))?.notes).toBe('本地更新');
    // The backup's version, with a revision past the book's so that an editor open on the old one sees a conflict.
    expect(await getCustomer(db, ningbo.id)).toMatchObject({ notes: '备份里的更新', updatedAt: 200, revision: 2 });
    expect(await getCustomer(db, 'hz')).toEqual(hangzhou);
    const audit = await db.getAllFromIndex('audit', 'batch', 'merge-1');
    expect(audit.map((a) => [a.customerId, a.action, a.at])).toEqual([
      [ningbo.id, 'update', 400],
      ['hz', 'create', 400],
    ]);
  });

  it('refuses a customer whose tax ID another customer has, with its files, and says which', async () => {
    const db = await freshBook();
    const other = await freshBook();
    const mine = await create(db, XIAOMI, 100);
    const theirs = await create(other, { ...XIAOMI, name: '小米科技（另一本）' }, 100);
    const file = await addAttachment(other, theirs.id, 'x.pdf', new TextEncoder().encode('%PDF-1.4'));
    const report = await restored(db, await readBackup(other), 'merge');
    expect(report.refused).toEqual([
      { id: theirs.id, name: '小米科技（另一本）', taxId: XIAOMI.taxId, existingId: mine.id },
    ]);
    expect(report).toMatchObject({ added: 0, updated: 0, attachmentsAdded: 0 });
    expect(await getCustomer(db, theirs.id)).toBeUndefined();
    expect(file.ok && (await db.get('attachments', file.value.id))).toBeUndefined();
    expect((await getCustomer(db, mine.id))?.name).toBe(XIAOMI.name);
  });

  it("adds the other book's history, files and quarantine once, renumbering undo links", async () => {
    const db = await freshBook();
    await create(db, XIAOMI, 100);
    const other = await freshBook();
    const ningbo = await create(other, NINGBO, 100);
    const update = await updateCustomer(other, ningbo.id, 1, { ...NINGBO, notes: 'n' }, { now: 110 });
    const [, updateEntry] = await other.getAll('audit');
    expect(update.ok && (await undoChange(other, updateEntry?.seq ?? 0, { now: 120 })).ok).toBe(true);
    await addAttachment(other, ningbo.id, '执照.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    await other.add('quarantine', {
      at: 5,
      store: 'customers',
      key: 'q',
      reason: 'invalid',
      issues: [],
      raw: { a: 1 },
    });
    const backup = await readBackup(other);

    const first = await restored(db, backup, 'merge');
    expect(first).toMatchObject({ added: 1, historyAdded: 3, attachmentsAdded: 1, quarantineAdded: 1 });
    const history = await db.getAllFromIndex('audit', 'customerId', ningbo.id);
    const [created, updated, undone] = history;
    expect(history.map((h) => h.action)).toEqual(['create', 'update', 'undo', 'create']);
    expect(undone?.undoes).toBe(updated?.seq);
    expect(created?.seq).not.toBe(backup.audit[0]?.seq);

    const again = await restored(db, backup, 'merge');
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 1, historyAdded: 0, attachmentsAdded: 0 });
    expect(again.quarantineAdded).toBe(0);
  });

  it('is undone as one batch', async () => {
    const db = await freshBook();
    const xiaomi = await create(db, XIAOMI, 100);
    const backup = await readBackup(db);
    const before = await readBackup(db);
    const [inBackup] = backup.customers;
    if (!inBackup) throw new Error('setup');
    Object.assign(inBackup, { notes: '备份版本', updatedAt: 500 });
    backup.customers.push({
      ...inBackup,
      id: 'ningbo',
      name: NINGBO.name,
      taxId: '',
      keys: searchKeys(NINGBO.name, ''),
    });

    const report = await restored(db, backup, 'merge', { now: 600 });
    expect(report).toMatchObject({ added: 1, updated: 1 });
    const undone = await undoBatch(db, report.batch ?? '', { now: 700 });
    expect(undone.conflicts).toEqual([]);
    expect(await getCustomer(db, 'ningbo')).toBeUndefined();
    expect(await getCustomer(db, xiaomi.id)).toMatchObject({ notes: '', revision: 3 });
    expect((await readBackup(db)).customers.map((c) => c.name)).toEqual(before.customers.map((c) => c.name));
  });
});

describe('merge restore of invoices and imports', () => {
  it("keeps the book's copy of an invoice it has and adds the ones it lacks", async () => {
    // One export read on two machines; this book has since learnt that A was voided.
    const db = await freshBook();
    await importInvoices(db, [invoice(A, '首付款')], { file: '一月.xlsx', batch: 'book-1', now: 100 });
    await importInvoices(db, [invoice(A, '首付款', { void: true, status: '已作废' })], { batch: 'book-2', now: 200 });
    const ours = await db.get('invoices', A);
    expect(ours).toMatchObject({ void: true, batch: 'book-2', importedAt: 100 });
    const other = await freshBook();
    const red = { red: true, amount: -10_000, tax: -1_300, total: -11_300, offsets: B };
    await importInvoices(other, [invoice(A, '首付款'), invoice(B, '尾款 🧾 𠮷'), invoice(RED, '红冲', red)], {
      file: '全量发票查询.xlsx',
      batch: 'other',
      now: 150,
    });
    const backup = await readBackup(other);

    const report = await restored(db, backup, 'merge');
    expect(report).toMatchObject({ invoicesAdded: 2, added: 0, historyAdded: 0 });
    expect(await db.get('invoices', A)).toStrictEqual(ours);
    for (const id of [B, RED]) {
      expect(await db.get('invoices', id)).toStrictEqual(backup.invoices.find((i) => i.id === id));
    }
    expect(await db.get('invoices', RED)).toMatchObject({ red: true, total: -11_300, batch: 'other' });

    const again = await restored(db, backup, 'merge');
    expect(again.invoicesAdded).toBe(0);
    expect(await db.count('invoices')).toBe(3);
  });

  it('adds both chunks of one import, written at the same moment, to a book that lacks them', async () => {
    const db = await freshBook();
    await create(db, XIAOMI, 100);
    const other = await freshBook();
    const writes = importWrites([planned(2, NINGBO), planned(3, HANGZHOU), planned(4, SHANGHAI)]);
    const outcome = await commitImport(other, writes, { chunk: 2, batch: 'import-1', now: 500 });
    const chunks = await other.getAllFromIndex('audit', 'batch', 'import-1');
    // Same time, same batch, same action, no customer: only the customers they added tell the two apart.
    expect(chunks.map((c) => [c.at, c.action, c.customerId, c.created?.length])).toEqual([
      [500, 'import', '', 2],
      [500, 'import', '', 1],
    ]);
    const backup = await readBackup(other);

    const report = await restored(db, backup, 'merge', { now: 600 });
    expect(report).toMatchObject({ added: 3, historyAdded: 2 });
    const merged = await db.getAllFromIndex('audit', 'batch', 'import-1');
    expect(merged.map((e) => [e.at, e.action, e.created])).toEqual(chunks.map((c) => [c.at, c.action, c.created]));
    expect((await restored(db, backup, 'merge')).historyAdded).toBe(0);

    // The merged chunks still undo the import: its customers leave the book, Xiaomi stays.
    const undone = await undoBatch(db, 'import-1', { now: 700 });
    expect(undone.conflicts).toEqual([]);
    expect(undone.changed.sort()).toEqual(outcome.added.map((c) => c.id).sort());
    expect((await listCustomers(db)).customers.map((c) => c.name)).toEqual([XIAOMI.name]);
  });

  it("keeps the undo links of an undone import, though they point at the chunk's entry, not the customer's", async () => {
    const source = await freshBook();
    const writes = importWrites([planned(2, NINGBO), planned(3, HANGZHOU), planned(4, SHANGHAI)]);
    const outcome = await commitImport(source, writes, { chunk: 2, batch: 'import-1', now: 500 });
    expect((await undoBatch(source, 'import-1', { batch: 'undo-1', now: 600 })).conflicts).toEqual([]);
    const backup = await readBackup(source);
    const sourceChunks = await source.getAllFromIndex('audit', 'batch', 'import-1');
    const addedIds = outcome.added.map((c) => c.id).sort();

    // An empty book numbers the merged entries as the source did; one with history of its own numbers them anew.
    const empty = await freshBook();
    const busy = await freshBook();
    await create(busy, XIAOMI, 100);
    for (const target of [empty, busy]) {
      expect(await restored(target, backup, 'merge', { now: 700 })).toMatchObject({ added: 0, historyAdded: 5 });
      const chunks = await target.getAllFromIndex('audit', 'batch', 'import-1');
      const undos = await target.getAllFromIndex('audit', 'batch', 'undo-1');
      expect(chunks.map((c) => c.created)).toEqual(sourceChunks.map((c) => c.created));
      expect(undos.map((u) => [u.action, u.customerId]).sort()).toEqual(addedIds.map((id) => ['undo', id]));
      for (const undo of undos) {
        const chunk = chunks.find((c) => c.created?.includes(undo.customerId));
        expect(chunk?.seq).toBeDefined();
        expect(undo.undoes).toBe(chunk?.seq);
      }
      expect((await restored(target, backup, 'merge')).historyAdded).toBe(0);
    }
    const busyChunks = await busy.getAllFromIndex('audit', 'batch', 'import-1');
    expect(busyChunks.map((c) => c.seq)).not.toEqual(sourceChunks.map((c) => c.seq));
  });

  it('restores an import that undoBatch can still take back, in a book made from the backup file', async () => {
    const source = await freshBook();
    const xiaomi = await create(source, XIAOMI, 100);
    const moved = customerInput({ taxId: '', entries: [{ id: 'main', address: '北京市海淀区西二旗中路33号' }] });
    const writes = importWrites([
      planned(2, NINGBO),
      planned(3, HANGZHOU),
      planned(4, SHANGHAI),
      planned(5, moved, {
        decision: 'update',
        duplicate: { in: 'book', customerId: xiaomi.id, by: 'name' },
      }),
    ]);
    const outcome = await commitImport(source, writes, { chunk: 2, now: 500 });
    expect(outcome).toMatchObject({ refused: [], unchanged: [] });
    expect(outcome.added).toHaveLength(3);
    const parsed = parseBackup(backupText(await readBackup(source)));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));

    const target = await freshBook();
    await restored(target, parsed.backup, 'replace');
    expect(await target.count('customers')).toBe(4);
    const undone = await undoBatch(target, outcome.batch, { now: 900 });
    expect(undone.conflicts).toEqual([]);
    expect(undone.changed.sort()).toEqual([...outcome.added.map((c) => c.id), xiaomi.id].sort());
    const { customers } = await listCustomers(target);
    expect(customers.map((c) => c.id)).toEqual([xiaomi.id]);
    // Xiaomi is back at its address from before the import.
    expect(customers[0]?.entries).toEqual(xiaomi.entries);
    for (const added of outcome.added) expect(await getCustomer(target, added.id)).toBeUndefined();
    expect(await source.count('customers')).toBe(4);
  });
});

// ---- refusals and failures ---------------------------------------------------------------------------------------

/** A book with customers, history and a file, and what it held. */
async function busyBook() {
  const db = await freshBook();
  const xiaomi = await create(db, XIAOMI, 100);
  await create(db, NINGBO, 100);
  await addAttachment(db, xiaomi.id, '执照.pdf', new TextEncoder().encode('%PDF-1.4 licence'));
  await db.add('quarantine', { at: 5, store: 'customers', key: 'q', reason: 'invalid', issues: [], raw: 1 });
  return { db, xiaomi, was: withoutTime(await readBackup(db)) };
}

describe('failed restores change nothing', () => {
  it('refuses a wrong file with its reason and writes nothing, in either mode', async () => {
    const { db, xiaomi, was } = await busyBook();
    const valid = JSON.parse(backupText(await readBackup(await freshBook()))) as Record<string, unknown>;
    const oneInvalid = { ...valid, customers: [{ ...xiaomi, defaultEntryId: 'nowhere' }] };
    const files: [string, string][] = [
      ['客户名称,税号\n小米,91110000600037341L', 'notJson'],
      [JSON.stringify({ name: 'other-app', items: [] }), 'notBackup'],
      [JSON.stringify({ ...valid, version: 999 }), 'newerVersion'],
      [JSON.stringify(oneInvalid), 'invalid'],
    ];
    for (const [file, code] of files) {
      for (const mode of ['replace', 'merge'] as const) {
        const result = await restoreBackupText(db, file, mode);
        expect(!result.ok && result.problem.code).toBe(code);
        expect(withoutTime(await readBackup(db))).toStrictEqual(was);
      }
    }
    const invalid = await restoreBackupText(db, JSON.stringify(oneInvalid), 'replace');
    expect(!invalid.ok && invalid.problem).toMatchObject({
      code: 'invalid',
      issues: [{ path: 'customers[0].defaultEntryId', record: XIAOMI.name }],
    });
  });

  it('hands back the settings of a file it restored', async () => {
    const db = await freshBook();
    const text = backupText(await readBackup(await freshBook(), { locale: 'en', seen: [1, 2] }));
    const result = await restoreBackupText(db, text, 'merge');
    expect(result.ok && result.settings).toEqual({ locale: 'en', seen: [1, 2] });
  });

  it('leaves the book as it was when IndexedDB refuses a write half-way through a replace', async () => {
    const { db, was } = await busyBook();
    const backup = await readBackup(await freshBook());
    const good = CustomerSchema.parse({
      ...customerInput({ name: '甲' }),
      id: 'a',
      createdAt: 1,
      updatedAt: 1,
      lastUsedAt: null,
      useCount: 0,
      revision: 1,
      keys: searchKeys('甲', '91110000600037341L'),
    });
    // Not a file parseBackup would pass: the second customer repeats the first's tax ID, so the unique index
    // refuses it after the book has been cleared and the first customer written.
    backup.customers = [good, { ...good, id: 'b' }];
    const result = await restoreBackup(db, backup, 'replace');
    expect(result).toMatchObject({
      ok: false,
      problem: { code: 'writeFailed', message: expect.stringContaining('Constraint') },
    });
    expect(withoutTime(await readBackup(db))).toStrictEqual(was);
  });

  it('leaves the book as it was when a merge fails after writing customers', async () => {
    const { db, was } = await busyBook();
    const backup = await readBackup(await freshBook());
    const other = await freshBook();
    await create(other, HANGZHOU, 100);
    backup.customers = (await readBackup(other)).customers;
    // A quarantined record IndexedDB cannot store (only code, not a file, could hand one over): the merge has
    // written the customer and its audit entry when this write throws.
    backup.quarantine = [{ at: 1, store: 'customers', key: 'k', reason: 'r', issues: [], raw: () => 0 }];
    const result = await restoreBackup(db, backup, 'merge');
    expect(result).toMatchObject({ ok: false, problem: { code: 'writeFailed' } });
    expect(withoutTime(await readBackup(db))).toStrictEqual(was);
  });
});
