import { fromBase64, toBase64 } from '../domain/attachment';
import { z } from '../domain/zod';
import { PBKDF2_ITERATIONS, passphraseKey } from '../vault/cipher';

/**
 * A backup file encrypted as a whole under a passphrase of its own: the file can be kept anywhere (a USB stick, a
 * shared drive) and opens only with that passphrase. The format names itself so that a restore knows to ask for it.
 */
export const SEALED_BACKUP_FORMAT = 'taitou-backup-sealed';

const SealedBackupSchema = z.object({
  format: z.literal(SEALED_BACKUP_FORMAT),
  v: z.literal(1),
  iterations: z.number().int().min(100_000).max(10_000_000),
  salt: z.string().min(16).max(64),
  iv: z.string().min(16).max(24),
  data: z.string().min(1),
});

const LABEL = new TextEncoder().encode(SEALED_BACKUP_FORMAT);

/** The backup file's text, encrypted under `passphrase` (PBKDF2-SHA256, AES-GCM), as the text of a sealed file. */
export async function sealBackupText(
  text: string,
  passphrase: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await passphraseKey(passphrase, salt, iterations);
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: LABEL },
    key,
    new TextEncoder().encode(text),
  );
  const file = { format: SEALED_BACKUP_FORMAT, v: 1, iterations, salt: toBase64(salt), iv: toBase64(iv) };
  return JSON.stringify({ ...file, data: toBase64(new Uint8Array(data)) });
}

/** Whether a file's text is a sealed backup (then `openBackupText` needs its passphrase); a cheap look at its start. */
export function isSealedBackup(text: string): boolean {
  return text.slice(0, 200).includes(`"format":"${SEALED_BACKUP_FORMAT}"`);
}

export type OpenedBackup = { ok: true; text: string } | { ok: false; reason: 'format' | 'wrong' };

/** The backup text inside a sealed file; 'wrong' for a wrong passphrase or an altered file, 'format' for no such file. */
export async function openBackupText(sealed: string, passphrase: string): Promise<OpenedBackup> {
  let parsed: z.infer<typeof SealedBackupSchema>;
  try {
    parsed = SealedBackupSchema.parse(JSON.parse(sealed));
  } catch {
    return { ok: false, reason: 'format' };
  }
  const bytes = fromBase64(parsed.data);
  const key = await passphraseKey(passphrase, fromBase64(parsed.salt), parsed.iterations);
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(parsed.iv), additionalData: LABEL },
      key,
      bytes,
    );
    return { ok: true, text: new TextDecoder().decode(plain) };
  } catch {
    return { ok: false, reason: 'wrong' };
  }
}
