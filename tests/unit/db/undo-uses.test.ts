import { describe, expect, it } from 'vitest';
import {
  createCustomer,
  customerHistory,
  getCustomer,
  markUsed,
  undoBatch,
  undoChange,
  updateCustomer,
} from '../../../lib/db/customers';
import { mergeCustomers } from '../../../lib/db/merge';
import type { Customer } from '../../../lib/domain/customer';
import { customerInput, freshBook } from '../../support/book';

// A fill counts a use (markUsed) without a revision: it never conflicts with an edit. Taking an edit back must not
// take the uses counted since back with it, nor count any twice.

async function made(db: Awaited<ReturnType<typeof freshBook>>, input: Parameters<typeof customerInput>[0] = {}) {
  const r = await createCustomer(db, customerInput(input));
  if (!r.ok) throw new Error('create failed');
  return r.value;
}
const uses = (c: Customer | undefined) => [c?.useCount, c?.lastUsedAt];

describe('undo and the uses counted since', () => {
  it('undoing an edit keeps the fills made after it', async () => {
    const db = await freshBook();
    const c = await made(db);
    await markUsed(db, c.id, 1000);
    const edited = await updateCustomer(db, c.id, 1, customerInput({ notes: '只开专票' }));
    if (!edited.ok) throw new Error('update failed');
    await markUsed(db, c.id, 2000);
    await markUsed(db, c.id, 3000);
    const [, edit] = await customerHistory(db, c.id);
    const undone = await undoChange(db, edit?.seq ?? -1);
    expect(undone.ok).toBe(true);
    const now = await getCustomer(db, c.id);
    expect(now?.notes).toBe('');
    expect(uses(now)).toEqual([3, 3000]);
  });

  it('an undo with no fill since restores the uses as they were, untouched', async () => {
    const db = await freshBook();
    const c = await made(db);
    await markUsed(db, c.id, 1000);
    await updateCustomer(db, c.id, 1, customerInput({ notes: 'x' }));
    const [, edit] = await customerHistory(db, c.id);
    await undoChange(db, edit?.seq ?? -1);
    expect(uses(await getCustomer(db, c.id))).toEqual([1, 1000]);
  });

  it('undoing a merge gives each customer back its own uses, plus the fills of the merged one since: none counted twice', async () => {
    const db = await freshBook();
    const head = await made(db);
    const other = await made(db, { name: '北京小米科技有限责任公司（财务部）', taxId: '' });
    for (const at of [1000, 2000]) await markUsed(db, head.id, at);
    for (const at of [1500, 2500, 3500]) await markUsed(db, other.id, at);
    const [h, o] = [await getCustomer(db, head.id), await getCustomer(db, other.id)];
    const merged = await mergeCustomers(
      db,
      [h, o].map((c) => ({ id: c?.id ?? '', revision: c?.revision ?? 0 })),
      head.id,
    );
    if (!merged.ok) throw new Error('merge failed');
    expect(merged.value.merged.useCount).toBe(5);
    await markUsed(db, head.id, 9000); // a fill of the merged customer

    const undone = await undoBatch(db, merged.value.batch);
    expect(undone.conflicts).toEqual([]);
    expect(uses(await getCustomer(db, head.id))).toEqual([3, 9000]);
    expect(uses(await getCustomer(db, other.id))).toEqual([3, 3500]);
  });
});
