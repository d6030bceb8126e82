import { describe, expect, it } from 'vitest';
import {
  createCustomer,
  getCustomer,
  listCustomers,
  undoBatch,
  undoChange,
  updateCustomer,
} from '../../../lib/db/customers';
import { commitImport } from '../../../lib/db/import';
import type { PlannedRow } from '../../../lib/import/plan';
import { importWrites } from '../../../lib/import/writes';
import { customerInput, freshBook } from '../../support/book';
import { plannedRow } from '../../support/planned';

const planned = (row: number, name: string, taxId: string, extra: Partial<PlannedRow> = {}) =>
  plannedRow(row, extra.input ?? customerInput({ name, taxId, source: 'import' }), extra);

/** A book with Xiaomi in it, and an import of three new customers plus an update of Xiaomi's address. */
async function setUp() {
  const db = await freshBook();
  const xiaomi = await createCustomer(db, customerInput());
  if (!xiaomi.ok) throw new Error('create failed');
  const input = customerInput({
    name: '北京小米科技有限责任公司',
    taxId: '',
    entries: [{ id: 'main', address: '北京市海淀区西二旗中路33号' }],
  });
  const writes = importWrites([
    planned(2, '宁波港湾物流有限公司', '91330206MA2H3K5P7L'),
    planned(3, '上海大华纺织品进出口有限公司', ''),
    planned(4, '杭州西湖龙井茶业有限公司', '91330106MA27X8Y63F'),
    planned(5, 'x', '', {
      input,
      decision: 'update',
      duplicate: { in: 'book', customerId: xiaomi.value.id, by: 'name' },
    }),
    planned(6, '跳过的公司', '', { decision: 'skip' }),
  ]);
  return { db, xiaomi: xiaomi.value, writes };
}

describe('committing an import', () => {
  it('adds the new customers, updates the chosen one, audits all of it as one batch and undoes it as one', async () => {
    const { db, xiaomi, writes } = await setUp();
    expect(writes.map((w) => w.row)).toEqual([2, 3, 4, 5]);
    const progress: number[] = [];
    const outcome = await commitImport(db, writes, { chunk: 2, onProgress: (done) => progress.push(done) });
    expect(progress).toEqual([2, 4]);
    expect(outcome.added.map((c) => c.name).sort()).toEqual(
      ['上海大华纺织品进出口有限公司', '宁波港湾物流有限公司', '杭州西湖龙井茶业有限公司'].sort(),
    );
    expect(outcome.added.every((c) => c.source === 'import' && c.keys.pinyin.length > 0)).toBe(true);
    const updated = await getCustomer(db, xiaomi.id);
    // The row's address replaces the old one; what it left empty (tax ID, phone, bank) stays.
    expect(updated?.entries[0]).toMatchObject({
      address: '北京市海淀区西二旗中路33号',
      phone: '010-60606666',
      bankAccount: '0200049619200088888',
    });
    expect(updated).toMatchObject({ taxId: '91110000600037341L', revision: 2, keys: { taxId: '91110000600037341L' } });
    // New customers are audited a chunk at a time; the update has its own entry with the record before.
    const audit = await db.getAllFromIndex('audit', 'batch', outcome.batch);
    expect(audit.map((a) => [a.action, a.created?.length ?? a.customerId])).toEqual([
      ['import', 2],
      ['update', xiaomi.id],
      ['import', 1],
    ]);
    expect(audit.flatMap((a) => a.created ?? []).sort()).toEqual(outcome.added.map((c) => c.id).sort());

    const undone = await undoBatch(db, outcome.batch);
    expect(undone.conflicts).toEqual([]);
    const { customers } = await listCustomers(db);
    expect(customers.map((c) => c.name)).toEqual(['北京小米科技有限责任公司']);
    expect(customers[0]?.entries[0]?.address).toBe('北京市海淀区清河中街68号');
  });

  it('refuses only the row whose tax ID the book took meanwhile, and writes the rest', async () => {
    const { db, writes } = await setUp();
    await createCustomer(db, customerInput({ name: '宁波港湾物流（新）', taxId: '91330206MA2H3K5P7L' }));
    const outcome = await commitImport(db, writes);
    expect(outcome.refused).toEqual([{ row: 2, reason: 'duplicateTaxId' }]);
    expect(outcome.added).toHaveLength(2);
    expect(await db.count('customers')).toBe(4);
  });

  it('keys the tax ID from the row itself, whatever keys the page sent', async () => {
    const { db, writes } = await setUp();
    const [first] = writes;
    if (!first) throw new Error('no writes');
    const lying = { ...first, keys: { ...first.keys, name: 'x', taxId: undefined } };
    await commitImport(db, [lying]);
    const again = await commitImport(db, [lying]);
    expect(again.refused).toEqual([{ row: 2, reason: 'duplicateTaxId' }]);
    const stored = (await listCustomers(db)).customers.find((c) => c.name === '宁波港湾物流有限公司');
    expect(stored?.keys).toMatchObject({ name: '宁波港湾物流有限公司', taxId: '91330206MA2H3K5P7L' });
  });

  it('leaves the book exactly as it was when cancelled half-way', async () => {
    const { db, writes } = await setUp();
    const before = await listCustomers(db);
    const auditBefore = await db.count('audit');
    const cancel = new AbortController();
    const committing = commitImport(db, writes, {
      chunk: 2,
      signal: cancel.signal,
      onProgress: (done) => done === 2 && cancel.abort(),
    });
    await expect(committing).rejects.toThrow();
    expect(await listCustomers(db)).toEqual(before);
    expect(await db.count('audit')).toBe(auditBefore);
  });

  it('undoes an import but keeps a customer edited since, and refuses to undo a chunk on its own', async () => {
    const { db, writes } = await setUp();
    const outcome = await commitImport(db, writes.slice(0, 3));
    const edited = outcome.added[0];
    if (!edited) throw new Error('nothing added');
    await updateCustomer(db, edited.id, 1, { ...edited, notes: '已联系' });
    const [chunk] = await db.getAllFromIndex('audit', 'batch', outcome.batch);
    expect(await undoChange(db, chunk?.seq ?? -1)).toEqual({ ok: false, error: { code: 'notFound' } });
    const undone = await undoBatch(db, outcome.batch);
    expect(undone.conflicts).toEqual([edited.id]);
    expect(undone.changed).toHaveLength(2);
    expect((await listCustomers(db)).customers.map((c) => c.name).sort()).toEqual(
      ['北京小米科技有限责任公司', edited.name].sort(),
    );
  });

  it('reports a row that matches its customer already as unchanged', async () => {
    const { db, xiaomi } = await setUp();
    const same = importWrites([
      planned(2, xiaomi.name, '', {
        input: customerInput({ taxId: '' }),
        decision: 'update',
        duplicate: { in: 'book', customerId: xiaomi.id, by: 'name' },
      }),
    ]);
    const outcome = await commitImport(db, same);
    expect(outcome).toMatchObject({ unchanged: [2], updated: [], added: [] });
    expect((await getCustomer(db, xiaomi.id))?.revision).toBe(1);
  });
});
