import { describe, expect, it } from 'vitest';
import { bookIndex } from '../../../lib/background/book-index';
import { createCustomer, deleteCustomer, markUsed, updateCustomer } from '../../../lib/db/customers';
import { bookStamp, readIndexSnapshot, writeIndexSnapshot } from '../../../lib/db/index-cache';
import type { TaitouDB } from '../../../lib/db/open';
import type { Customer } from '../../../lib/domain/customer';
import type { IndexSnapshot } from '../../../lib/search/index';
import { searchKeys } from '../../../lib/search/keys';
import { customerInput, freshBook } from '../../support/book';

const found = async (life: ReturnType<typeof bookIndex>, query: string) =>
  (await life.get()).search(query).map((h) => h.id);

async function savedNow(db: TaitouDB) {
  await expect.poll(async () => (await readIndexSnapshot(db, await bookStamp(db))) !== undefined).toBe(true);
}

/** A book with one customer whose index a first worker life has saved. */
async function savedBook() {
  const db = await freshBook();
  const first = bookIndex(db, 5);
  const created = await first.write(
    () => createCustomer(db, customerInput()),
    (r) => (r.ok ? [r.value.id] : []),
  );
  if (!created.ok) throw new Error('create failed');
  await savedNow(db);
  return { db, id: created.value.id };
}

/**
 * Renames the customer behind the cache's back, the way nothing in Taitou writes: the stamp stays the same, so only
 * an index read from the book (not the snapshot) knows the new name.
 */
async function renameUnseen(db: TaitouDB, id: string) {
  const raw = await db.get('customers', id);
  if (!raw) throw new Error('no customer');
  const name = '上海小米贸易有限公司';
  await db.put('customers', { ...raw, name, keys: searchKeys(name, (raw as Customer).taxId) });
}

describe('the background search index across worker lives', () => {
  it('restores the saved snapshot instead of reading the book', async () => {
    const { db, id } = await savedBook();
    await renameUnseen(db, id);
    const next = bookIndex(db, 5);
    expect(await found(next, 'bjxm')).toEqual([id]);
    expect(await found(next, 'shxm')).toEqual([]);
  });

  it.each([
    ['a use', (db: TaitouDB, id: string) => markUsed(db, id, Date.now() + 1000)],
    [
      'an update',
      (db: TaitouDB, id: string) =>
        updateCustomer(db, id, 1, customerInput({ name: '上海小米贸易有限公司', notes: '改' })),
    ],
    [
      'another customer',
      (db: TaitouDB) => createCustomer(db, customerInput({ name: '张三', taxId: '91310000MA1FL8XQ30' })),
    ],
    [
      'a deletion',
      async (db: TaitouDB) => {
        const other = await createCustomer(db, customerInput({ name: '李四', taxId: '91310000MA1FL8XQ30' }));
        if (!other.ok) throw new Error('create failed');
        await deleteCustomer(db, other.value.id, 1);
      },
    ],
    [
      'a record moved to the quarantine',
      async (db: TaitouDB) => {
        await db.add('quarantine', {
          at: Date.now(),
          store: 'customers',
          key: 'gone',
          reason: 'invalid',
          issues: [],
          raw: {},
        });
      },
    ],
  ])('reads the book again after %s the snapshot does not hold', async (_, write) => {
    const { db, id } = await savedBook();
    await renameUnseen(db, id);
    await write(db, id);
    expect(await found(bookIndex(db, 5), 'shxm')).toEqual([id]);
  });

  it('reads the book again when the snapshot is damaged', async () => {
    const { db, id } = await savedBook();
    await writeIndexSnapshot(db, await bookStamp(db), { version: 1, ids: [id] } as unknown as IndexSnapshot);
    expect(await found(bookIndex(db, 5), 'bjxm')).toEqual([id]);
  });

  it('saves again once the book rests after writes, so the next life starts from the latest', async () => {
    const { db } = await savedBook();
    const life = bookIndex(db, 5);
    const added = await life.write(
      () => createCustomer(db, customerInput({ name: '宁波港湾物流有限公司', taxId: '91330206MA2H3K5P7L' })),
      (r) => (r.ok ? [r.value.id] : []),
    );
    if (!added.ok) throw new Error('create failed');
    await savedNow(db);
    const saved = await readIndexSnapshot(db, await bookStamp(db));
    expect(saved?.ids).toContain(added.value.id);
  });
});
