import { sealBackupText } from '../../lib/backup/sealed-file';
import { receiveBackup } from '../../lib/messaging/backup-port';
import { recordBackup } from '../../lib/settings/backup-reminder';
import { download, localDay } from './download';
import { connectBackup } from './ports';

/**
 * Downloads a whole-book backup (the backup view and the reminder's 立即备份) and notes when, for the reminder.
 * `word` names the file in the clerk's language; with `passphrase` the file is sealed under it (sealed-file.ts).
 * Rejects with the reason the backup could not be made.
 */
export async function saveBackup(word: string, passphrase?: string): Promise<void> {
  const text = await receiveBackup(connectBackup());
  const file = passphrase ? await sealBackupText(text, passphrase) : text;
  download(`taitou-${word}${passphrase ? '-sealed' : ''}-${localDay()}.json`, file, 'application/json');
  // The file is on its way whatever happens to the note: a reminder too many is no reason to report a failure.
  await recordBackup(Date.now()).catch(() => undefined);
}

/** A time as the clerk reads it in either language: 2026-11-27 14:03. */
export function localTime(time: number): string {
  const date = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${localDay(date)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
