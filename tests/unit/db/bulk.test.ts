import { describe, expect, it } from 'vitest';
import { changeMany, createCustomer, getCustomer, undoBatch, updateCustomer } from '../../../lib/db/customers';
import { customerInput, freshBook } from '../../support/book';

async function bookOfThree() {
  const db = await freshBook();
  const ids: string[] = [];
  for (const [name, taxId] of [
    ['北京小米科技有限责任公司', '91110000600037341L'],
    ['宁波港湾物流有限公司', '91330206MA2H3K5P7T'],
    ['张三', ''],
  ] as const) {
    const created = await createCustomer(db, customerInput({ name, taxId }));
    if (!created.ok) throw new Error('create failed');
    ids.push(created.value.id);
  }
  return { db, ids };
}

describe('bulk changes', () => {
  it('tags, sets the tier and verifies many customers, each audited in one batch, and skips what is already so', async () => {
    const { db, ids } = await bookOfThree();
    const tagged = await changeMany(db, ids, { kind: 'tag', tag: '长期' });
    expect(tagged.changed).toEqual(ids);
    expect((await changeMany(db, ids, { kind: 'tag', tag: '长期' })).changed).toEqual([]);
    await changeMany(db, ids.slice(0, 1), { kind: 'verify', by: '王会计' }, { now: 42 });
    const first = await getCustomer(db, ids[0] ?? '');
    expect(first).toMatchObject({ tags: ['长期'], review: { status: 'verified', by: '王会计', at: 42 }, revision: 3 });
    const audit = await db.getAllFromIndex('audit', 'batch', tagged.batch);
    expect(audit.map((a) => a.customerId)).toEqual(ids);
  });

  it('deletes and undoes as one batch', async () => {
    const { db, ids } = await bookOfThree();
    const deleted = await changeMany(db, ids.slice(0, 2), { kind: 'delete' });
    expect(await db.count('customers')).toBe(1);
    const undone = await undoBatch(db, deleted.batch);
    expect(undone.changed.sort()).toEqual(ids.slice(0, 2).sort());
    expect(undone.conflicts).toEqual([]);
    expect(await db.count('customers')).toBe(3);
  });

  it('leaves a customer edited since the batch as it is now, and says so', async () => {
    const { db, ids } = await bookOfThree();
    const vip = await changeMany(db, ids, { kind: 'tier', tier: 'vip' });
    const [first = ''] = ids;
    const edited = await updateCustomer(db, first, 2, customerInput({ notes: '后来改的', tier: 'vip' }));
    expect(edited.ok).toBe(true);
    const undone = await undoBatch(db, vip.batch);
    expect(undone.conflicts).toEqual([first]);
    expect((await getCustomer(db, first))?.tier).toBe('vip');
    expect((await getCustomer(db, ids[1] ?? ''))?.tier).toBe('normal');
  });
});
