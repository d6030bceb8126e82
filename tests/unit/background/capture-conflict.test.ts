import { describe, expect, it } from 'vitest';
import { bookIndex } from '../../../lib/background/book-index';
import { captureHandlers } from '../../../lib/background/capture-service';
import {
  createCustomer,
  customerHistory,
  deleteCustomer,
  getCustomer,
  updateCustomer,
} from '../../../lib/db/customers';
import type { TaitouDB } from '../../../lib/db/open';
import type { Captured } from '../../../lib/fill/capture';
import { customerInput, freshBook } from '../../support/book';

const typed: Captured = {
  name: '北京小米科技有限责任公司',
  taxId: '91110000600037341L',
  address: '北京市海淀区西二旗中路33号',
  phone: '',
  bankName: '',
  bankAccount: '',
};
const tab = { tabId: 3, frameId: 0 };
const handlers = (db: TaitouDB) => captureHandlers(db, bookIndex(db).get);

async function changedMeanwhile(patch: Parameters<typeof customerInput>[0]) {
  const db = await freshBook();
  const created = await createCustomer(db, customerInput());
  if (!created.ok) throw new Error('create failed');
  const h = handlers(db);
  await h['cs:capture'](typed, tab);
  const other = await updateCustomer(db, created.value.id, 1, customerInput(patch));
  if (!other.ok) throw new Error('update failed');
  return { db, h, id: created.value.id, other: other.value };
}

describe('the save prompt after a change made elsewhere', () => {
  it('is refused with the customer as it is now, then offers what still differs against it, and lands', async () => {
    const { db, h, id } = await changedMeanwhile({ notes: '另一个标签页的修改' });
    const refused = await h['page:saveCapture']({ tabId: 3 });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatchObject({ code: 'conflict', current: { revision: 2 } });
    expect((await h['page:pendingCapture']({ tabId: 3 }))?.check).toEqual({
      status: 'differs',
      id,
      revision: 2,
      differences: ['address'],
    });

    const saved = await h['page:saveCapture']({ tabId: 3 });
    expect(saved.ok).toBe(true);
    const now = await getCustomer(db, id);
    expect(now?.entries[0]?.address).toBe(typed.address);
    expect(now?.notes).toBe('另一个标签页的修改');
    expect(now?.revision).toBe(3);
    expect((await customerHistory(db, id)).map((e) => e.action)).toEqual(['create', 'update', 'update']);
    expect(await h['page:pendingCapture']({ tabId: 3 })).toBeNull();
  });

  it('closes with nothing written when the book already holds what was typed', async () => {
    const { db, h, id, other } = await changedMeanwhile({
      entries: [{ id: 'main', address: typed.address, phone: '010-60606666' }],
      defaultEntryId: 'main',
    });
    const result = await h['page:saveCapture']({ tabId: 3 });
    expect(result.ok && result.value.revision).toBe(other.revision);
    expect((await getCustomer(db, id))?.revision).toBe(2);
    expect(await h['page:pendingCapture']({ tabId: 3 })).toBeNull();
  });

  it('offers a new customer when the one it would update was deleted meanwhile', async () => {
    const db = await freshBook();
    const created = await createCustomer(db, customerInput());
    if (!created.ok) throw new Error('create failed');
    const h = handlers(db);
    await h['cs:capture'](typed, tab);
    await deleteCustomer(db, created.value.id, 1);
    const refused = await h['page:saveCapture']({ tabId: 3 });
    expect(refused.ok).toBe(false);
    expect((await h['page:pendingCapture']({ tabId: 3 }))?.check).toEqual({ status: 'new', similar: [] });
  });
});
