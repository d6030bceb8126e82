import { describe, expect, it } from 'vitest';
import { requestPersistence, type StorageManagerLike, storageProtection } from '../../../lib/backup/persistence';

/** A browser's navigator.storage that grants persistence when asked (or not), counting what it is asked. */
function storage(opts: { persisted: boolean; grants: boolean; usage?: number }) {
  const asked = { persist: 0 };
  let persisted = opts.persisted;
  const manager: StorageManagerLike = {
    persisted: async () => persisted,
    persist: async () => {
      asked.persist++;
      persisted = opts.grants;
      return persisted;
    },
    estimate: async () => ({ usage: opts.usage }),
  };
  return { manager, asked };
}

describe('storageProtection', () => {
  it('takes the strongest protection the browser reports', () => {
    expect(storageProtection({ persisted: true, unlimited: true })).toBe('persistent');
    expect(storageProtection({ persisted: false, unlimited: true })).toBe('unlimited');
    expect(storageProtection({ persisted: false, unlimited: false })).toBe('bestEffort');
    expect(storageProtection({ persisted: null, unlimited: false })).toBe('unknown');
    expect(storageProtection({ persisted: null, unlimited: true })).toBe('unlimited');
  });
});

describe('requestPersistence', () => {
  it('asks for persistence only when not granted yet, and reports the space in use', async () => {
    const granted = storage({ persisted: false, grants: true, usage: 12_345 });
    expect(await requestPersistence(granted.manager, async () => false)).toEqual({
      protection: 'persistent',
      usage: 12_345,
    });
    expect(granted.asked.persist).toBe(1);
    expect(await requestPersistence(granted.manager, async () => false)).toMatchObject({ protection: 'persistent' });
    expect(granted.asked.persist).toBe(1);
  });

  it('falls back on unlimitedStorage (Chrome declines persist() for extensions) and on best effort', async () => {
    const declined = storage({ persisted: false, grants: false });
    expect(await requestPersistence(declined.manager, async () => true)).toEqual({
      protection: 'unlimited',
      usage: null,
    });
    expect(await requestPersistence(declined.manager, async () => false)).toMatchObject({ protection: 'bestEffort' });
    expect(
      await requestPersistence(declined.manager, () => Promise.reject(new Error('no permissions API'))),
    ).toMatchObject({ protection: 'bestEffort' });
  });

  it('copes with a browser without the API, or one whose calls fail', async () => {
    expect(await requestPersistence(undefined, async () => false)).toEqual({ protection: 'unknown', usage: null });
    const failing: StorageManagerLike = {
      persisted: () => Promise.reject(new Error('SecurityError')),
      estimate: () => Promise.reject(new Error('SecurityError')),
    };
    expect(await requestPersistence(failing, async () => true)).toEqual({ protection: 'unlimited', usage: null });
  });
});
