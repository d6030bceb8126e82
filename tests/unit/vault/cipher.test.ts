import { describe, expect, it } from 'vitest';
import {
  createVault,
  indexToken,
  keysFromSecret,
  openVault,
  PBKDF2_ITERATIONS,
  rewrapVault,
  seal,
  unseal,
  VaultMetaSchema,
} from '../../../lib/vault/cipher';

const FAST = 100_000; // the schema's floor: enough to exercise the code without 600,000 rounds per test
const bytes = (text: string) => new TextEncoder().encode(text);

describe('the vault key', () => {
  it('derives with PBKDF2-SHA256 at 600,000 iterations or more by default, and keeps no passphrase', async () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const { meta } = await createVault('正确的口令 correct horse');
    expect(meta.iterations).toBe(PBKDF2_ITERATIONS);
    expect(VaultMetaSchema.parse(meta)).toEqual(meta);
    expect(JSON.stringify(meta)).not.toContain('correct horse');
  });

  it('opens with the passphrase only; a wrong one opens nothing', async () => {
    const { meta, secret } = await createVault('口令一', FAST);
    expect(await openVault(meta, '口令一')).toEqual(secret);
    expect(await openVault(meta, '口令二')).toBeNull();
    expect(await openVault(meta, '')).toBeNull();
    // The same passphrase in another Unicode form is the same passphrase.
    const { meta: accented } = await createVault('café', FAST);
    expect(await openVault(accented, 'cafe\u0301')).not.toBeNull();
  });

  it('refuses a stored vault that was altered', async () => {
    const { meta } = await createVault('口令', FAST);
    const wrapped = Uint8Array.from(atob(meta.wrapped), (c) => c.charCodeAt(0));
    wrapped[5] = (wrapped[5] ?? 0) ^ 1;
    const altered = { ...meta, wrapped: btoa(String.fromCharCode(...wrapped)) };
    expect(await openVault(altered, '口令')).toBeNull();
  });

  it('changes the passphrase by wrapping the same secret again, under a new salt', async () => {
    const { meta, secret } = await createVault('旧口令', FAST);
    expect(await rewrapVault(meta, '错的', '新口令', FAST)).toBeNull();
    const next = await rewrapVault(meta, '旧口令', '新口令', FAST);
    if (!next) throw new Error('rewrap failed');
    expect(next.salt).not.toBe(meta.salt);
    expect(await openVault(next, '新口令')).toEqual(secret);
    expect(await openVault(next, '旧口令')).toBeNull();
  });
});

describe('sealing records', () => {
  it('uses a fresh IV each time and opens only under the same key and label', async () => {
    const keys = await keysFromSecret(crypto.getRandomValues(new Uint8Array(64)));
    const other = await keysFromSecret(crypto.getRandomValues(new Uint8Array(64)));
    const a = await seal(keys, bytes('开户行 账号 6222020200112233445'), 'customers:1');
    const b = await seal(keys, bytes('开户行 账号 6222020200112233445'), 'customers:1');
    expect(a.iv).not.toEqual(b.iv);
    expect(new Uint8Array(a.data)).not.toEqual(new Uint8Array(b.data));
    expect(new TextDecoder().decode((await unseal(keys, a, 'customers:1')) ?? undefined)).toContain(
      '6222020200112233445',
    );
    expect(await unseal(keys, a, 'customers:2')).toBeNull();
    expect(await unseal(other, a, 'customers:1')).toBeNull();
    const tampered = new Uint8Array(a.data.slice(0));
    tampered[0] = (tampered[0] ?? 0) ^ 1;
    expect(await unseal(keys, { iv: a.iv, data: tampered.buffer }, 'customers:1')).toBeNull();
  });

  it('gives index tokens that match for the same value and key, and say nothing of the value', async () => {
    const keys = await keysFromSecret(crypto.getRandomValues(new Uint8Array(64)));
    const other = await keysFromSecret(crypto.getRandomValues(new Uint8Array(64)));
    const token = await indexToken(keys, 'taxId', '91110000600037341L');
    expect(await indexToken(keys, 'taxId', '91110000600037341L')).toBe(token);
    expect(await indexToken(keys, 'taxId', '91110000600037341M')).not.toBe(token);
    expect(await indexToken(keys, 'name', '91110000600037341L')).not.toBe(token);
    expect(await indexToken(other, 'taxId', '91110000600037341L')).not.toBe(token);
    expect(token).not.toContain('9111');
  });
});
