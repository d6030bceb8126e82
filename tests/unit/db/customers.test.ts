import { describe, expect, it } from 'vitest';
import {
  createCustomer,
  createCustomers,
  customerHistory,
  deleteCustomer,
  getCustomer,
  listCustomers,
  listQuarantine,
  markUsed,
  newestCustomers,
  recentCustomers,
  undoChange,
  updateCustomer,
} from '../../../lib/db/customers';
import type { Customer } from '../../../lib/domain/customer';
import { customerInput, freshBook } from '../../support/book';

async function created(db: Awaited<ReturnType<typeof freshBook>>, overrides = {}): Promise<Customer> {
  const result = await createCustomer(db, customerInput(overrides));
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('customer book', () => {
  it('stores a normalised customer with search keys, revision 1 and an audit entry', async () => {
    const db = await freshBook();
    const c = await created(db, { taxId: '９１１１００００６０００３７３４１ｌ', name: ' 北京小米科技有限责任公司 ' });
    expect(c).toMatchObject({ name: '北京小米科技有限责任公司', taxId: '91110000600037341L', revision: 1 });
    expect(c.keys).toMatchObject({ initials: 'bjxmkjyxzrgs', taxId: '91110000600037341L' });
    expect(await getCustomer(db, c.id)).toEqual(c);
    const history = await customerHistory(db, c.id);
    expect(history.map((h) => h.action)).toEqual(['create']);
  });

  it('refuses invalid input with the reasons and writes nothing', async () => {
    const db = await freshBook();
    const result = await createCustomer(db, { name: '', entries: [], defaultEntryId: 'x' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid');
    expect((await listCustomers(db)).customers).toEqual([]);
  });

  it('refuses a second customer with the same tax ID, but allows many without one', async () => {
    const db = await freshBook();
    const first = await created(db);
    const again = await createCustomer(db, customerInput({ name: '另一个名字' }));
    expect(again).toEqual({ ok: false, error: { code: 'duplicateTaxId', existingId: first.id } });
    await created(db, { name: '张三', taxId: '', kind: 'naturalPerson' });
    await created(db, { name: '李四', taxId: '', kind: 'naturalPerson' });
    expect((await listCustomers(db)).customers).toHaveLength(3);
  });

  it('refuses a stale update with the current record and keeps the newer data', async () => {
    const db = await freshBook();
    const c = await created(db);
    const tabA = await updateCustomer(db, c.id, 1, customerInput({ notes: 'A 的修改' }));
    expect(tabA.ok && tabA.value.revision).toBe(2);
    const tabB = await updateCustomer(db, c.id, 1, customerInput({ notes: 'B 的修改' }));
    expect(tabB.ok).toBe(false);
    if (!tabB.ok && tabB.error.code === 'conflict') expect(tabB.error.current?.notes).toBe('A 的修改');
    else throw new Error('expected a conflict');
    expect((await getCustomer(db, c.id))?.notes).toBe('A 的修改');
  });

  it('reports an update of a customer deleted elsewhere as a conflict with nothing current', async () => {
    const db = await freshBook();
    const c = await created(db);
    await deleteCustomer(db, c.id, 1);
    expect(await updateCustomer(db, c.id, 1, customerInput())).toEqual({
      ok: false,
      error: { code: 'conflict', current: null },
    });
  });

  it('undoes an update, a delete and a create, and redoes by undoing the undo', async () => {
    const db = await freshBook();
    const c = await created(db);
    await updateCustomer(db, c.id, 1, customerInput({ notes: '改过' }));
    const [, update] = await customerHistory(db, c.id);
    const undone = await undoChange(db, update?.seq ?? -1);
    expect(undone.ok && undone.value?.notes).toBe('');
    expect((await getCustomer(db, c.id))?.revision).toBe(3);

    const redo = (await customerHistory(db, c.id)).at(-1);
    await undoChange(db, redo?.seq ?? -1);
    expect((await getCustomer(db, c.id))?.notes).toBe('改过');

    const now = await getCustomer(db, c.id);
    await deleteCustomer(db, c.id, now?.revision ?? 0);
    const del = (await customerHistory(db, c.id)).at(-1);
    await undoChange(db, del?.seq ?? -1);
    expect((await getCustomer(db, c.id))?.notes).toBe('改过');

    const [create] = await customerHistory(db, c.id);
    const stale = await undoChange(db, create?.seq ?? -1);
    expect(stale.ok).toBe(false); // the customer has changed since it was created
  });

  it('refuses an undo when the customer changed since that change', async () => {
    const db = await freshBook();
    const c = await created(db);
    await updateCustomer(db, c.id, 1, customerInput({ notes: '一' }));
    await updateCustomer(db, c.id, 2, customerInput({ notes: '二' }));
    const [, first] = await customerHistory(db, c.id);
    const result = await undoChange(db, first?.seq ?? -1);
    expect(result.ok).toBe(false);
    expect((await getCustomer(db, c.id))?.notes).toBe('二');
  });

  it('counts use without bumping the revision', async () => {
    const db = await freshBook();
    const c = await created(db);
    await markUsed(db, c.id, 1000);
    await markUsed(db, c.id, 2000);
    expect(await getCustomer(db, c.id)).toMatchObject({ lastUsedAt: 2000, useCount: 2, revision: 1 });
  });

  it('adds many in one go and reports the ones it refused', async () => {
    const db = await freshBook();
    const result = await createCustomers(db, [
      customerInput(),
      customerInput({ name: '重名税号' }),
      { name: 'no entries' },
      customerInput({ name: '上海某某贸易有限公司', taxId: '91310000717854505W' }),
    ]);
    expect(result.created.map((c) => c.name)).toEqual(['北京小米科技有限责任公司', '上海某某贸易有限公司']);
    expect(result.refused.map((r) => [r.index, !r.result.ok && r.result.error.code])).toEqual([
      [1, 'duplicateTaxId'],
      [2, 'invalid'],
    ]);
  });

  it('quarantines a stored record that no longer validates, instead of dropping it', async () => {
    const db = await freshBook();
    const good = await created(db);
    const broken = { ...good, id: 'broken', name: '', keys: { ...good.keys, taxId: 'X' } };
    await db.put('customers', broken as Customer);
    const { customers, quarantined } = await listCustomers(db);
    expect(customers.map((c) => c.id)).toEqual([good.id]);
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]?.issues.join()).toContain('name');
    const kept = await listQuarantine(db);
    expect(kept[0]?.raw).toEqual(broken);
    expect(await getCustomer(db, 'broken')).toBeUndefined();
  });

  it.each([
    ['in one request (getAllRecords)', false],
    ['with a cursor where getAllRecords is missing', true],
  ])('lists the most recently used first, topped up with the most recently changed, each once, %s', async (_, old) => {
    const proto = IDBIndex.prototype as { getAllRecords?: unknown };
    const own = proto.getAllRecords;
    expect(own).toBeTypeOf('function'); // else the first case would test the cursor twice
    if (old) delete proto.getAllRecords;
    try {
      await recentAndNewest();
    } finally {
      proto.getAllRecords = own;
    }
  });

  async function recentAndNewest() {
    const db = await freshBook();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await createCustomer(db, customerInput({ name: `客户${i}`, taxId: '' }), { now: 1000 + i });
      if (!r.ok) throw new Error('setup');
      ids.push(r.value.id);
    }
    await markUsed(db, ids[1] ?? '', 5000);
    await markUsed(db, ids[3] ?? '', 6000);
    const names = (list: { name: string }[]) => list.map((c) => c.name);
    expect(names(await recentCustomers(db, 4))).toEqual(['客户3', '客户1', '客户4', '客户2']);
    expect(names(await recentCustomers(db, 1))).toEqual(['客户3']);
    expect(names(await newestCustomers(db, 2))).toEqual(['客户4', '客户3']);
  }
});
