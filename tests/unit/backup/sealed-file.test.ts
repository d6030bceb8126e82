import { describe, expect, it } from 'vitest';
import { backupText } from '../../../lib/backup/format';
import { isSealedBackup, openBackupText, sealBackupText } from '../../../lib/backup/sealed-file';
import { readBackup } from '../../../lib/db/backup';
import { createCustomer } from '../../../lib/db/customers';
import { PBKDF2_ITERATIONS } from '../../../lib/vault/cipher';
import { customerInput, freshBook } from '../../support/book';

const FAST = 100_000;

describe('a sealed backup file', () => {
  it('holds the backup under its passphrase only, with nothing of the book readable, and opens back to it exactly', async () => {
    const db = await freshBook();
    await createCustomer(db, customerInput());
    const text = backupText(await readBackup(db));
    const sealed = await sealBackupText(text, '备份口令 2026', FAST);
    expect(isSealedBackup(sealed)).toBe(true);
    expect(isSealedBackup(text)).toBe(false);
    for (const secret of ['北京小米', '91110000600037341L', '0200049619200088888'])
      expect(sealed).not.toContain(secret);
    expect(await openBackupText(sealed, '备份口令 2026')).toEqual({ ok: true, text });
    expect(await openBackupText(sealed, '备份口令 2027')).toEqual({ ok: false, reason: 'wrong' });
  });

  it('refuses an altered file and one that is not a sealed backup', async () => {
    const sealed = JSON.parse(await sealBackupText('{"format":"taitou-backup"}', '备份口令 2026', FAST));
    const data = sealed.data as string;
    const altered = JSON.stringify({
      ...sealed,
      data: `${data.slice(0, 10)}${data[10] === 'A' ? 'B' : 'A'}${data.slice(11)}`,
    });
    expect(await openBackupText(altered, '备份口令 2026')).toEqual({ ok: false, reason: 'wrong' });
    expect(await openBackupText('{"format":"taitou-backup"}', 'x')).toEqual({ ok: false, reason: 'format' });
    expect(await openBackupText('not json', 'x')).toEqual({ ok: false, reason: 'format' });
  });

  it('derives its key with 600,000 PBKDF2 rounds by default', async () => {
    const sealed = JSON.parse(await sealBackupText('x', '备份口令 2026'));
    expect(sealed.iterations).toBe(PBKDF2_ITERATIONS);
  });
});
