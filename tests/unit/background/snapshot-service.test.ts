import { serialize } from 'node:v8';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { bookIndex } from '../../../lib/background/book-index';
import { bookService } from '../../../lib/background/book-service';
import { RISKY_GAP_MS, snapshotService } from '../../../lib/background/snapshot-service';
import { createCustomer, deleteCustomer, updateCustomer } from '../../../lib/db/customers';
import { bookStamp } from '../../../lib/db/index-cache';
import type { TaitouDB } from '../../../lib/db/open';
import { setVault, vaultOn } from '../../../lib/db/sealed';
import { openSnapshots, readSnapshot, saveSnapshot } from '../../../lib/db/snapshots';
import { keysFromSecret } from '../../../lib/vault/cipher';
import { customerInput, freshBook } from '../../support/book';

const HOUR = 3_600_000;
/** 10:00 in China on 27 November 2026; the next day starts 14 hours later. */
const MORNING = Date.UTC(2026, 10, 27, 2);
const NEXT_DAY = MORNING + 24 * HOUR;

const NAMES = ['宁波港湾物流有限公司', '杭州西湖龙井茶业有限公司', '苏州工业园区精密机械有限公司'];

async function add(db: TaitouDB, name: string) {
  const created = await createCustomer(db, customerInput({ name, taxId: '' }));
  if (!created.ok) throw new Error('create failed');
  return created.value;
}

async function bookOf(names = NAMES) {
  const db = await freshBook();
  for (const name of names) await add(db, name);
  return db;
}

/** A service whose clock the test moves. */
function clocked(db: TaitouDB, opts: { keep?: number } = {}) {
  const clock = { now: MORNING };
  const service = snapshotService(db, { ...opts, now: () => clock.now });
  return { service, clock };
}

const bytes = (records: readonly unknown[]) => records.map((r) => serialize(r).toString('base64'));
const state = async (db: TaitouDB) => bytes(await db.getAll('customers'));
const reasons = async (service: ReturnType<typeof snapshotService>) => {
  await service.settled();
  return (await service.list()).map((s) => `${s.reason}:${s.customers}`);
};

describe('snapshotService: when a snapshot is taken', () => {
  it('takes one a day, holding the book as it was when asked: a write started after it waits for its read', async () => {
    const db = await bookOf();
    const { service, clock } = clocked(db);
    const before = await state(db);
    await service.take('daily');
    await add(db, '上海小米贸易有限公司'); // the write the snapshot precedes
    await service.settled();
    const [first] = await service.list();
    expect(first).toMatchObject({ reason: 'daily', customers: 3, takenAt: MORNING, restorable: true });
    expect(bytes((await readSnapshot(await openSnapshots(db), first?.id ?? 0))?.records ?? [])).toEqual(before);

    // The rest of the day's writes take none.
    clock.now += 5 * HOUR;
    await service.take('daily');
    await add(db, '广州白云山制药有限公司');
    expect(await reasons(service)).toEqual(['daily:3']);
    // The next day's first write does.
    clock.now = NEXT_DAY;
    await service.take('daily');
    await add(db, '深圳前海微众科技有限公司');
    expect(await reasons(service)).toEqual(['daily:5', 'daily:3']);
  });

  it('remembers across worker lives that the day has its snapshot', async () => {
    const db = await bookOf();
    await clocked(db).service.take('daily');
    await add(db, '上海小米贸易有限公司');
    const again = clocked(db).service; // a new worker, the same day
    await again.take('daily');
    expect(await reasons(again)).toEqual(['daily:3']);
  });

  it('copies no book that has not changed since the last snapshot, and no empty book', async () => {
    const db = await bookOf();
    const { service, clock } = clocked(db);
    await service.take('daily');
    clock.now = NEXT_DAY; // a new day, but nothing written since
    await service.take('daily');
    clock.now += HOUR;
    await service.take('restore');
    expect(await reasons(service)).toEqual(['daily:3']);

    const empty = clocked(await freshBook()).service;
    await empty.take('daily');
    expect(await reasons(empty)).toEqual([]);
  });

  it('takes one before a risky operation unless one is recent; before a restore always', async () => {
    const db = await bookOf();
    const { service, clock } = clocked(db);
    await service.take('daily');
    await add(db, 'A 公司');
    clock.now += RISKY_GAP_MS / 2;
    await service.take('merge'); // covered by the morning's
    await add(db, 'B 公司');
    clock.now += RISKY_GAP_MS;
    await service.take('bulkDelete');
    await add(db, 'C 公司');
    clock.now += 1000;
    await service.take('import'); // covered by the bulk delete's
    await service.take('restore'); // never covered by time: the book changed since
    expect(await reasons(service)).toEqual(['restore:6', 'bulkDelete:5', 'daily:3']);
  });

  it('keeps the newest N', async () => {
    const db = await bookOf();
    const { service, clock } = clocked(db, { keep: 3 });
    for (let i = 0; i < 5; i++) {
      await service.take('import');
      await add(db, `第 ${i} 家公司`);
      clock.now += RISKY_GAP_MS;
    }
    expect(await reasons(service)).toEqual(['import:7', 'import:6', 'import:5']);
  });

  it('never fails the write it precedes: a snapshot database that cannot open is a snapshot missed', async () => {
    const db = await bookOf();
    // Another version of the snapshot database is in the way: opening it as version 1 fails.
    (await openDB(`${db.name}-snapshots`, 2)).close();
    const { service } = clocked(db);
    await expect(service.take('daily')).resolves.toBeUndefined();
    await add(db, '上海小米贸易有限公司');
    await service.settled();
    expect(await db.count('customers')).toBe(4);
    await expect(service.list()).rejects.toThrow();
  });
});

describe('snapshotService: restore', () => {
  /** A book, its morning snapshot, then a day of changes: one edited, one deleted, two added. */
  async function dayOfChanges() {
    const db = await bookOf();
    const { service, clock } = clocked(db);
    const index = bookIndex(db, 5);
    await service.take('daily');
    const morning = await state(db);
    const [first, second] = await db.getAll('customers');
    if (!first || !second) throw new Error('no customers');
    clock.now += HOUR;
    await updateCustomer(db, first.id, first.revision, customerInput({ name: '宁波港湾物流股份有限公司', taxId: '' }));
    await deleteCustomer(db, second.id, second.revision);
    await add(db, '上海小米贸易有限公司');
    await add(db, '广州白云山制药有限公司');
    await service.settled();
    const [snapshot] = await service.list();
    if (!snapshot) throw new Error('no snapshot');
    return { db, service, clock, index, morning, snapshot };
  }

  it("puts the snapshot's customers back exactly, keeps the book as it was first, and that snapshot undoes it", async () => {
    const { db, service, clock, index, morning, snapshot } = await dayOfChanges();
    const evening = await state(db);
    expect((await index.get()).search('小米')).toHaveLength(1);
    clock.now += HOUR;

    expect(await service.restore(snapshot.id, index)).toEqual({ ok: true, restored: 3 });
    expect(await state(db)).toEqual(morning);
    const [kept] = await service.list();
    expect(kept).toMatchObject({ reason: 'restore', customers: 4 });
    // The search index follows the restored book.
    expect((await index.get()).search('小米')).toHaveLength(0);
    expect((await index.get()).search('杭州西湖')).toHaveLength(1);

    clock.now += HOUR;
    expect(await service.restore(kept?.id ?? 0, index)).toEqual({ ok: true, restored: 4 });
    expect(await state(db)).toEqual(evening);
  });

  it('changes nothing when a record cannot be written back, and refuses snapshots it does not have or of another version', async () => {
    const { db, service, index } = await dayOfChanges();
    const snaps = await openSnapshots(db);
    const meta = { takenAt: MORNING, reason: 'daily' as const, stamp: await bookStamp(db) };
    const broken = await saveSnapshot(
      snaps,
      { ...meta, bookVersion: db.version },
      [...(await db.getAll('customers')), { name: 'no id' }],
      5,
    );
    const older = await saveSnapshot(snaps, { ...meta, bookVersion: db.version - 1 }, await db.getAll('customers'), 5);
    const before = await state(db);
    const audit = await db.count('audit');

    await expect(service.restore(broken.id, index)).rejects.toThrow();
    expect(await state(db)).toEqual(before);
    expect(await db.count('audit')).toBe(audit);

    expect(await service.restore(older.id, index)).toEqual({ ok: false, reason: 'otherVersion' });
    expect(await service.restore(9999, index)).toEqual({ ok: false, reason: 'notFound' });
    expect((await service.list()).find((s) => s.id === older.id)?.restorable).toBe(false);
    expect(await state(db)).toEqual(before);
  });
});

describe('snapshotService: the lock', () => {
  it('restores no snapshot taken before the lock was switched, and drops such snapshots before the next one', async () => {
    const db = await bookOf();
    const { service, clock } = clocked(db);
    const index = bookIndex(db, 5);
    await service.take('daily');
    await service.settled();
    const [taken] = await service.list();
    if (!taken) throw new Error('no snapshot');
    expect(taken.restorable).toBe(true);

    // The lock is switched (on for a book in the clear, off for a sealed one): the records kept are of the other form.
    const was = vaultOn(db);
    setVault(db, was ? null : await keysFromSecret(crypto.getRandomValues(new Uint8Array(64))));
    expect((await service.list())[0]?.restorable).toBe(false);
    const before = await state(db);
    expect(await service.restore(taken.id, index)).toEqual({ ok: false, reason: 'otherLock' });
    expect(await state(db)).toEqual(before);

    clock.now = NEXT_DAY;
    await add(db, '上海小米贸易有限公司');
    await service.take('daily');
    const kept = await service.list();
    expect(kept.map((s) => s.id)).not.toContain(taken.id);
    expect(kept.every((s) => s.restorable)).toBe(true);
  });
});

describe('bookService: the writes that take snapshots', () => {
  it("takes the day's snapshot just after the day's first write, through the real handlers, and restores it", async () => {
    const db = await freshBook();
    const { handlers } = bookService(Promise.resolve(db), {
      tabs: async () => undefined,
      broadcast: async () => undefined,
      settings: { read: async () => ({}), write: async () => undefined },
      onChanged: () => undefined,
    });
    const list = async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return (await handlers['page:snapshots']({})).snapshots.map((s) => `${s.reason}:${s.customers}`);
    };
    // The first save of the day is not kept waiting for a copy of the book: the copy comes after it, and holds it.
    await handlers['page:create']({ input: customerInput({ name: NAMES[0], taxId: '' }) });
    await expect.poll(list).toEqual(['daily:1']);
    const second = await handlers['page:create']({ input: customerInput({ name: NAMES[1], taxId: '' }) });
    expect(await list()).toEqual(['daily:1']);
    if (!second.ok) throw new Error('create failed');
    // A bulk delete right after is covered by it; the restore takes the book back to one customer.
    await handlers['page:bulk']({ ids: [second.value.id], action: { kind: 'delete' } });
    const [daily] = (await handlers['page:snapshots']({})).snapshots;
    expect(await handlers['page:restoreSnapshot']({ id: daily?.id ?? 0 })).toEqual({ ok: true, restored: 1 });
    expect((await handlers['page:search']({ query: '宁波', limit: 5 })).map((c) => c.name)).toEqual([NAMES[0]]);
  });
});
