import { type BackupSettings, backupText } from '../backup/format';
import { restorableSettings } from '../backup/settings';
import { readBackup, restoreBackupText } from '../db/backup';
import { type BackupReply, MAX_BACKUP_CHARS, type RestoreReply, RestoreRequestSchema } from '../messaging/backup-port';
import { type PortLike, postQuietly, textParts } from '../messaging/port';
import type { ImportBook } from './import-service';

/** Where the clerk's settings live (the extension's storage); a backup carries them and a restore puts them back. */
export interface SettingsStore {
  read(): Promise<BackupSettings>;
  write(settings: BackupSettings): Promise<void>;
}

/** Streams the whole book as a backup file, read in one transaction, to the page that opened the port. */
export function serveBackup(port: PortLike<BackupReply, unknown>, book: Promise<ImportBook>, settings: SettingsStore) {
  (async () => {
    const { db } = await book;
    const text = backupText(await readBackup(db, await settings.read()));
    for (const part of textParts(text)) if (!postQuietly(port, { type: 'part', text: part })) return;
    postQuietly(port, { type: 'end' });
  })().catch((error: Error) => postQuietly(port, { type: 'failed', reason: error.message }));
}

/**
 * Receives a backup file in parts and restores it in one transaction (see restoreBackup): a file that does not check
 * out, or a write that fails, changes nothing. The search index is then read again from the restored book, and the
 * settings the file carries that Taitou knows are put back.
 */
export function serveRestore(
  port: PortLike<RestoreReply, unknown>,
  book: Promise<ImportBook>,
  settings: SettingsStore,
  onChanged: () => void,
) {
  const parts: string[] = [];
  let size = 0;
  let restoring = false;
  let over = false;
  const end = (reply: RestoreReply) => {
    if (over) return;
    over = true;
    postQuietly(port, reply);
  };
  port.onDisconnect.addListener(() => {
    over = true;
  });
  port.onMessage.addListener((message) => {
    if (over || restoring) return;
    const parsed = RestoreRequestSchema.safeParse(message);
    if (!parsed.success) return end({ type: 'failed', problem: { code: 'badMessage' } });
    const request = parsed.data;
    if (request.type === 'part') {
      size += request.text.length;
      if (size > MAX_BACKUP_CHARS) end({ type: 'failed', problem: { code: 'tooLarge' } });
      else parts.push(request.text);
      return;
    }
    restoring = true;
    (async () => {
      const { db, index } = await book;
      const result = await index.write(
        () => restoreBackupText(db, parts.join(''), request.mode),
        () => [],
      );
      if (!result.ok) return end({ type: 'failed', problem: result.problem });
      index.reload();
      onChanged();
      // The book is restored whatever happens to the settings: a failure there is told, not a failed restore.
      const settled = await settings.write(restorableSettings(result.settings)).then(
        () => true,
        () => false,
      );
      end({ type: 'done', report: result.report, settingsRestored: settled });
    })().catch((error: Error) => end({ type: 'failed', problem: { code: 'writeFailed', message: error.message } }));
  });
}
