import type { BackupSettings } from '../backup/format';
import { backupText } from '../backup/format';
import { readBackup, restoreBackupText } from '../db/backup';
import {
  type BackupReply,
  MAX_BACKUP_CHARS,
  PART_CHARS,
  type RestoreReply,
  RestoreRequestSchema,
} from '../messaging/backup-port';
import type { ImportBook } from './import-service';

/** The parts of runtime.Port a transfer uses. */
export interface TextPort<Reply> {
  postMessage(message: Reply): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

/** Where the clerk's settings live (the extension's storage); a backup carries them and a restore puts them back. */
export interface SettingsStore {
  read(): Promise<BackupSettings>;
  write(settings: BackupSettings): Promise<void>;
}

const post = <Reply>(port: TextPort<Reply>, message: Reply) => {
  try {
    port.postMessage(message);
    return true;
  } catch {
    return false; // the page went away
  }
};

/** Streams the whole book as a backup file, read in one transaction, to the page that opened the port. */
export function serveBackup(port: TextPort<BackupReply>, book: Promise<ImportBook>, settings: SettingsStore): void {
  (async () => {
    const { db } = await book;
    const text = backupText(await readBackup(db, await settings.read()));
    for (let at = 0; at < text.length; at += PART_CHARS) {
      if (!post(port, { type: 'part', text: text.slice(at, at + PART_CHARS) })) return;
    }
    post(port, { type: 'end' });
  })().catch((error: Error) => post(port, { type: 'failed', reason: error.message }));
}

/**
 * Receives a backup file in parts and restores it in one transaction (see restoreBackup): a file that does not check
 * out, or a write that fails, changes nothing. The search index is then read again from the restored book.
 */
export function serveRestore(port: TextPort<RestoreReply>, book: Promise<ImportBook>, settings: SettingsStore): void {
  const parts: string[] = [];
  let size = 0;
  let over = false;
  const end = (reply: RestoreReply) => {
    over = true;
    post(port, reply);
  };
  port.onDisconnect.addListener(() => {
    over = true;
  });
  port.onMessage.addListener((message) => {
    if (over) return;
    const parsed = RestoreRequestSchema.safeParse(message);
    if (!parsed.success) return end({ type: 'failed', problem: { code: 'badMessage' } });
    const request = parsed.data;
    if (request.type === 'part') {
      size += request.text.length;
      if (size > MAX_BACKUP_CHARS) return end({ type: 'failed', problem: { code: 'tooLarge' } });
      parts.push(request.text);
      return;
    }
    over = true;
    (async () => {
      const { db, index } = await book;
      const result = await index.write(
        () => restoreBackupText(db, parts.join(''), request.mode),
        () => [],
      );
      if (!result.ok) return end({ type: 'failed', problem: result.problem });
      index.reload();
      await settings.write(result.settings);
      end({ type: 'done', report: result.report });
    })().catch((error: Error) => end({ type: 'failed', problem: { code: 'writeFailed', message: error.message } }));
  });
}
