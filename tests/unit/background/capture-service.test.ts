import { describe, expect, it } from 'vitest';
import { bookIndex } from '../../../lib/background/book-index';
import { captureHandlers } from '../../../lib/background/capture-service';
import { createCustomer, getCustomer, listCustomers, updateCustomer } from '../../../lib/db/customers';
import type { TaitouDB } from '../../../lib/db/open';
import type { Captured } from '../../../lib/fill/capture';
import { customerInput, freshBook } from '../../support/book';

const typed: Captured = {
  name: '北京小米科技有限责任公司',
  taxId: '91110000600037341L',
  address: '北京市海淀区清河中街68号',
  phone: '010-60606666',
  bankName: '中国工商银行北京海淀支行',
  bankAccount: '0200049619200088888',
};
const tab = { tabId: 3, frameId: 0 };
const handlers = (db: TaitouDB) => captureHandlers(db, bookIndex(db).get);

describe('reverse add', () => {
  it('offers to save a new buyer and saves it, pending review, only when asked', async () => {
    const db = await freshBook();
    const h = handlers(db);
    expect(await h['cs:capture'](typed, tab)).toEqual({ prompt: true });
    expect(await h['page:pendingCapture']({ tabId: 3 })).toEqual({
      captured: typed,
      check: { status: 'new', similar: [] },
    });
    expect((await listCustomers(db)).customers).toEqual([]);
    const saved = await h['page:saveCapture']({ tabId: 3 });
    expect(saved.ok && saved.value).toMatchObject({
      name: typed.name,
      source: 'capture',
      review: { status: 'pending' },
    });
    expect(await h['page:pendingCapture']({ tabId: 3 })).toBeNull();
  });

  it('stays quiet for a buyer the book already has as typed', async () => {
    const db = await freshBook();
    await createCustomer(db, customerInput());
    const h = handlers(db);
    expect(
      await h['cs:capture'](
        { ...typed, taxId: '９１１１００００６０００３７３４１ｌ', bankAccount: '0200 0496 1920 0088 888' },
        tab,
      ),
    ).toEqual({
      prompt: false,
    });
  });

  it('offers to update a detail that changed, and updates the default entry', async () => {
    const db = await freshBook();
    const created = await createCustomer(db, customerInput());
    if (!created.ok) throw new Error('create failed');
    const h = handlers(db);
    expect(await h['cs:capture']({ ...typed, address: '北京市海淀区西二旗中路33号' }, tab)).toEqual({ prompt: true });
    expect((await h['page:pendingCapture']({ tabId: 3 }))?.check).toEqual({
      status: 'differs',
      id: created.value.id,
      revision: 1,
      differences: ['address'],
    });
    await h['page:saveCapture']({ tabId: 3 });
    const updated = await getCustomer(db, created.value.id);
    expect(updated?.entries[0]?.address).toBe('北京市海淀区西二旗中路33号');
    expect(updated?.revision).toBe(2);
  });

  it('does not overwrite an edit made meanwhile', async () => {
    const db = await freshBook();
    const created = await createCustomer(db, customerInput());
    if (!created.ok) throw new Error('create failed');
    const h = handlers(db);
    await h['cs:capture']({ ...typed, phone: '010-88888888' }, tab);
    await updateCustomer(db, created.value.id, 1, customerInput({ notes: '另一个标签页的修改' }));
    const result = await h['page:saveCapture']({ tabId: 3 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('conflict');
    expect((await getCustomer(db, created.value.id))?.notes).toBe('另一个标签页的修改');
  });

  it('names a customer the book has under another form of the name, and updates it when the clerk says so', async () => {
    const db = await freshBook();
    const older = await createCustomer(db, customerInput({ name: '小米科技（北京）有限公司', taxId: '' }));
    await createCustomer(db, customerInput({ name: '北京小米科技有限责任公司上海分公司', taxId: '' }));
    if (!older.ok) throw new Error('create failed');
    const h = handlers(db);
    await h['cs:capture'](typed, tab);
    // The branch is another customer, not offered.
    expect((await h['page:pendingCapture']({ tabId: 3 }))?.check).toEqual({
      status: 'new',
      similar: [{ id: older.value.id, name: '小米科技（北京）有限公司', taxId: '' }],
    });
    const saved = await h['page:saveCapture']({ tabId: 3, into: older.value.id });
    expect(saved.ok && saved.value).toMatchObject({ id: older.value.id, name: typed.name, taxId: typed.taxId });
    expect((await listCustomers(db)).customers).toHaveLength(2);
    expect(await h['page:pendingCapture']({ tabId: 3 })).toBeNull();
  });

  it('updates only a customer the prompt offered', async () => {
    const db = await freshBook();
    const other = await createCustomer(db, customerInput({ name: '宁波港湾物流有限公司', taxId: '' }));
    if (!other.ok) throw new Error('create failed');
    const h = handlers(db);
    await h['cs:capture'](typed, tab);
    const refused = await h['page:saveCapture']({ tabId: 3, into: other.value.id });
    expect(refused.ok).toBe(false);
    expect(await getCustomer(db, other.value.id)).toEqual(other.value);
    expect(await h['page:pendingCapture']({ tabId: 3 })).not.toBeNull();
  });
});
