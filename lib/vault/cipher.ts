import { fromBase64, toBase64 } from '../domain/attachment';
import { z } from '../domain/zod';

/** OWASP's figure for PBKDF2-HMAC-SHA256 (2023); a stored vault keeps the count it was made with. */
export const PBKDF2_ITERATIONS = 600_000;

/**
 * What is kept of a vault at rest: the salt and iteration count that turn the passphrase into a key, and the book's
 * secret encrypted under that key. The passphrase is never stored; a wrong one fails GCM's tag and opens nothing.
 */
export const VaultMetaSchema = z.object({
  v: z.literal(1),
  iterations: z.number().int().min(100_000).max(10_000_000),
  salt: z.string().min(16).max(64),
  iv: z.string().min(16).max(24),
  wrapped: z.string().min(80).max(200),
});
export type VaultMeta = z.infer<typeof VaultMetaSchema>;

/** The unlocked vault: a record key and a key for the index tokens, neither extractable. */
export interface VaultKeys {
  record: CryptoKey;
  token: CryptoKey;
}

/** The book's secret: 32 bytes of AES-GCM record key, then 32 bytes of HMAC key for index tokens. */
const SECRET_BYTES = 64;
const text = new TextEncoder();

/** The AES-GCM key a passphrase gives with this salt and iteration count (PBKDF2-SHA256); the same for its NFC forms. */
export async function passphraseKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number) {
  const material = await crypto.subtle.importKey('raw', text.encode(passphrase.normalize('NFC')), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Turns the secret's bytes into the two working keys; the bytes themselves are the caller's to drop. */
export async function keysFromSecret(secret: Uint8Array<ArrayBuffer>): Promise<VaultKeys> {
  const [record, token] = await Promise.all([
    crypto.subtle.importKey('raw', secret.slice(0, 32), 'AES-GCM', false, ['encrypt', 'decrypt']),
    crypto.subtle.importKey('raw', secret.slice(32), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']),
  ]);
  return { record, token };
}

async function wrap(secret: Uint8Array<ArrayBuffer>, passphrase: string, iterations: number): Promise<VaultMeta> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await passphraseKey(passphrase, salt, iterations);
  const wrapped = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, secret));
  return { v: 1, iterations, salt: toBase64(salt), iv: toBase64(iv), wrapped: toBase64(wrapped) };
}

/** A new vault: a random secret, kept under the passphrase. */
export async function createVault(
  passphrase: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<{ meta: VaultMeta; secret: Uint8Array<ArrayBuffer> }> {
  const secret = crypto.getRandomValues(new Uint8Array(SECRET_BYTES));
  return { meta: await wrap(secret, passphrase, iterations), secret };
}

/** The secret under `meta`, or null when the passphrase is wrong (or the stored vault was altered). */
export async function openVault(meta: VaultMeta, passphrase: string): Promise<Uint8Array<ArrayBuffer> | null> {
  const key = await passphraseKey(passphrase, fromBase64(meta.salt), meta.iterations);
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(meta.iv) },
      key,
      fromBase64(meta.wrapped),
    );
    return plain.byteLength === SECRET_BYTES ? new Uint8Array(plain) : null;
  } catch {
    return null;
  }
}

/**
 * The same secret under a new passphrase (a new salt, the current iteration count). The records stay as they are:
 * they are encrypted with the secret, which does not change, so nothing can be lost half way.
 */
export async function rewrapVault(
  meta: VaultMeta,
  oldPassphrase: string,
  newPassphrase: string,
  iterations = Math.max(meta.iterations, PBKDF2_ITERATIONS),
): Promise<VaultMeta | null> {
  const secret = await openVault(meta, oldPassphrase);
  return secret && wrap(secret, newPassphrase, iterations);
}

/** An encrypted value as IndexedDB keeps it: a fresh IV per write, and the ciphertext with GCM's tag. */
export interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

/** Encrypts `bytes`; `label` (the store and key) is bound in as associated data, so a record cannot be moved. */
export async function seal(keys: VaultKeys, bytes: Uint8Array<ArrayBuffer>, label: string): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: text.encode(label) },
    keys.record,
    bytes,
  );
  return { iv, data };
}

/** Decrypts what `seal` made under the same label; null when it was made with another key or altered. */
export async function unseal(keys: VaultKeys, sealed: Sealed, label: string): Promise<Uint8Array | null> {
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.iv, additionalData: text.encode(label) },
      keys.record,
      sealed.data,
    );
    return new Uint8Array(plain);
  } catch {
    return null;
  }
}

/**
 * A stand-in for a value in an index (a tax ID, a name key): the same value always gives the same token, so lookups
 * and the unique tax-ID index work, but the token tells nothing without the key.
 */
export async function indexToken(keys: VaultKeys, kind: string, value: string): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', keys.token, text.encode(`${kind}\u0000${value}`));
  return `~${toBase64(new Uint8Array(mac).subarray(0, 24))}`;
}
