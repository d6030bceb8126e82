import { vi } from 'vitest';
import { keysFromSecret } from '../../lib/vault/cipher';

/*
 * Set up by the `sealed` test project (vitest.config.ts): every book the tests open is read and written with the
 * lock on, so the same suites check that sealing changes nothing a caller can see.
 */
vi.mock('../../lib/db/open', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../lib/db/open')>();
  const { setVault } = await import('../../lib/db/sealed');
  const keys = await keysFromSecret(crypto.getRandomValues(new Uint8Array(64)));
  return {
    ...real,
    openBook: async (...args: Parameters<typeof real.openBook>) => {
      const db = await real.openBook(...args);
      setVault(db, keys);
      return db;
    },
  };
});
