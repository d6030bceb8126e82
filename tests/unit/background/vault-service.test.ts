import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bookService } from '../../../lib/background/book-service';
import { type KeyValue, VAULT_KEYS, vaultService } from '../../../lib/background/vault-service';
import type { TaitouDB } from '../../../lib/db/open';
import { isSealed, VaultLocked } from '../../../lib/db/sealed';
import { createVault } from '../../../lib/vault/cipher';
import { customerInput, freshBook } from '../../support/book';

/** A storage area in memory that the test can look into. */
function area(): KeyValue & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (key) => structuredClone(data.get(key)),
    set: async (key, value) => void data.set(key, structuredClone(value)),
    remove: async (key) => void data.delete(key),
  };
}

const FAST = 100_000;

function worker(db: TaitouDB, local: KeyValue, session: KeyValue, clock = { now: 1_000_000 }) {
  const service = bookService(Promise.resolve(db), {
    tabs: async () => undefined,
    broadcast: async () => undefined,
    settings: { read: async () => ({}), write: async () => undefined },
    onChanged: () => undefined,
    vault: { local, session, now: () => clock.now, iterations: FAST },
  });
  return { h: service.handlers, clock };
}

async function bookWithOne() {
  const db = await freshBook();
  const { h } = worker(db, area(), area());
  const made = await h['page:create']({ input: customerInput() });
  if (!made.ok) throw new Error('create failed');
  return { db, id: made.value.id };
}

describe('the lock', () => {
  it('is off by default; turned on, it seals the book and keeps no passphrase and no secret on disk', async () => {
    const { db, id } = await bookWithOne();
    const local = area();
    const session = area();
    const { h } = worker(db, local, session);
    expect(await h['page:vault']({})).toMatchObject({ on: false, locked: false });
    expect(await h['page:lockOn']({ passphrase: '正确的长口令' })).toEqual({ ok: true });
    expect(await h['page:vault']({})).toMatchObject({ on: true, locked: false, busy: false });
    expect((await db.getAll('customers')).every(isSealed)).toBe(true);
    expect((await h['page:get']({ id }))?.name).toBe('北京小米科技有限责任公司');
    expect(JSON.stringify([...local.data])).not.toContain('正确的长口令');
    expect(local.data.has(VAULT_KEYS.pending)).toBe(false);
    expect(local.data.has(VAULT_KEYS.meta)).toBe(true);
    expect([...session.data.keys()]).toContain('vaultSecret');
  });

  it('after a browser restart (session memory gone) is locked: nothing is read until the right passphrase', async () => {
    const { db, id } = await bookWithOne();
    const local = area();
    await worker(db, local, area()).h['page:lockOn']({ passphrase: '正确的长口令' });
    // A worker that was only put to sleep keeps the session: still open.
    const session = area();
    const { h } = worker(db, local, session);
    expect(await h['page:vault']({})).toMatchObject({ on: true, locked: true });
    await expect(h['page:get']({ id })).rejects.toBeInstanceOf(VaultLocked);
    await expect(h['page:search']({ query: '小米', limit: 5 })).rejects.toBeInstanceOf(VaultLocked);
    await expect(h['page:create']({ input: customerInput({ taxId: '' }) })).rejects.toBeInstanceOf(VaultLocked);
    expect(await h['page:unlock']({ passphrase: '错误的口令' })).toEqual({ ok: false, reason: 'wrong' });
    await expect(h['page:get']({ id })).rejects.toBeInstanceOf(VaultLocked);
    expect(await h['page:unlock']({ passphrase: '正确的长口令' })).toEqual({ ok: true });
    expect((await h['page:search']({ query: '小米', limit: 5 })).map((c) => c.id)).toEqual([id]);
    // The next worker of the same browser session finds it open.
    expect(await worker(db, local, session).h['page:vault']({})).toMatchObject({ locked: false });
  });

  it('locks itself after the idle time, and when told; the pages hear of it', async () => {
    const { db } = await bookWithOne();
    const local = area();
    const session = area();
    await worker(db, local, session).h['page:lockOn']({ passphrase: '正确的长口令' });
    await local.set(VAULT_KEYS.idle, 10);
    const clock = { now: 1_000_000 }; // the clock the first worker used
    const changes: boolean[] = [];
    const vault = vaultService(Promise.resolve(db), {
      local,
      session,
      now: () => clock.now,
      iterations: FAST,
      onChange: (locked) => changes.push(locked),
    });
    await vault.admit();
    clock.now += 9 * 60_000;
    await vault.admit();
    clock.now += 10 * 60_000 + 1;
    await expect(vault.admit()).rejects.toBeInstanceOf(VaultLocked);
    expect(changes).toEqual([true]);
    expect(session.data.has('vaultSecret')).toBe(false);
    expect(await vault.handlers['page:unlock']({ passphrase: '正确的长口令' })).toEqual({ ok: true });
    await vault.admit();
    await vault.handlers['page:lock']({});
    await expect(vault.admit()).rejects.toBeInstanceOf(VaultLocked);
    expect(changes).toEqual([true, false, true]);
  });

  it('changes the passphrase without touching a record; turned off, the book is in the clear again', async () => {
    const { db, id } = await bookWithOne();
    const local = area();
    const { h } = worker(db, local, area());
    await h['page:lockOn']({ passphrase: '旧的长口令一' });
    const sealed = await db.getAll('customers');
    expect(await h['page:lockPassphrase']({ passphrase: '不对的口令', next: '新的长口令二' })).toMatchObject({
      reason: 'wrong',
    });
    expect(await h['page:lockPassphrase']({ passphrase: '旧的长口令一', next: '新的长口令二' })).toEqual({ ok: true });
    expect(await db.getAll('customers')).toEqual(sealed);
    const restarted = worker(db, local, area()).h;
    expect(await restarted['page:unlock']({ passphrase: '旧的长口令一' })).toMatchObject({ reason: 'wrong' });
    expect(await restarted['page:unlock']({ passphrase: '新的长口令二' })).toEqual({ ok: true });
    expect(await restarted['page:lockOff']({ passphrase: '旧的长口令一' })).toMatchObject({ reason: 'wrong' });
    expect(await restarted['page:lockOff']({ passphrase: '新的长口令二' })).toEqual({ ok: true });
    expect((await db.getAll('customers')).some(isSealed)).toBe(false);
    expect(local.data.has(VAULT_KEYS.meta)).toBe(false);
    expect((await restarted['page:get']({ id }))?.taxId).toBe('91110000600037341L');
  });

  it('finishes sealing after the worker died half way through turning the lock on', async () => {
    const { db, id } = await bookWithOne();
    // As the worker leaves it if it dies after keeping the vault and before the records are sealed.
    const local = area();
    const { meta } = await createVault('正确的长口令', FAST);
    await local.set(VAULT_KEYS.meta, meta);
    await local.set(VAULT_KEYS.pending, 'seal');
    const { h } = worker(db, local, area());
    expect(await h['page:vault']({})).toMatchObject({ on: true, locked: true });
    await expect(h['page:get']({ id })).rejects.toBeInstanceOf(VaultLocked);
    expect(await h['page:unlock']({ passphrase: '正确的长口令' })).toEqual({ ok: true });
    expect((await db.getAll('customers')).every(isSealed)).toBe(true);
    expect(local.data.has(VAULT_KEYS.pending)).toBe(false);
    expect((await h['page:get']({ id }))?.name).toBe('北京小米科技有限责任公司');
  });

  it('opens for no other passphrase, and no wrong one changes a record or the stored vault', async () => {
    const { db } = await bookWithOne();
    const local = area();
    await worker(db, local, area()).h['page:lockOn']({ passphrase: '正确的长口令' });
    const records = await db.getAll('customers');
    const meta = local.data.get(VAULT_KEYS.meta);
    const { h } = worker(db, local, area());
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 40 }).filter((p) => p.normalize('NFC') !== '正确的长口令'),
        fc.constantFrom('page:unlock', 'page:lockOff', 'page:lockPassphrase'),
        async (passphrase, name) => {
          const answer =
            name === 'page:lockPassphrase'
              ? await h[name]({ passphrase, next: '另一个长口令' })
              : await h[name]({ passphrase });
          expect(answer.ok).toBe(false);
          expect(await h['page:vault']({})).toMatchObject({ on: true, locked: true });
        },
      ),
      { numRuns: 12 },
    );
    expect(await db.getAll('customers')).toEqual(records);
    expect(local.data.get(VAULT_KEYS.meta)).toEqual(meta);
  }, 30_000);
});
