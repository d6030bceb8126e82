import { lastBackupFrom, type ReminderSettings, reminderSettings } from '../backup/reminder';

/*
 * Where the backup reminder keeps what it needs (extension storage): when the last backup file was made, and the
 * clerk's settings. Neither is put back by restoring a backup (see lib/backup/settings.ts): a restore makes no backup.
 */
export const LAST_BACKUP_KEY = 'lastBackupAt';
export const REMINDER_KEY = 'backupReminder';

export interface ReminderStore {
  lastBackupAt: number | null;
  settings: ReminderSettings;
}

export async function storedReminder(): Promise<ReminderStore> {
  const kept = await browser.storage.local.get([LAST_BACKUP_KEY, REMINDER_KEY]);
  return { lastBackupAt: lastBackupFrom(kept[LAST_BACKUP_KEY]), settings: reminderSettings(kept[REMINDER_KEY]) };
}

/** A backup file has just been made. */
export function recordBackup(at: number): Promise<void> {
  return browser.storage.local.set({ [LAST_BACKUP_KEY]: at });
}

export function storeReminder(settings: ReminderSettings): Promise<void> {
  return browser.storage.local.set({ [REMINDER_KEY]: reminderSettings(settings) });
}

/** Calls back with the whole state whenever part of it changes in any page; returns the way to stop listening. */
export function onReminderChange(callback: (state: ReminderStore) => void): () => void {
  const changed = (changes: Record<string, unknown>) => {
    if (LAST_BACKUP_KEY in changes || REMINDER_KEY in changes) storedReminder().then(callback, () => undefined);
  };
  browser.storage.local.onChanged.addListener(changed);
  return () => browser.storage.local.onChanged.removeListener(changed);
}
