import { useEffect, useState } from 'preact/hooks';
import { holdsUnlimitedStorage, requestPersistence } from '../../lib/backup/persistence';
import { backupReminder } from '../../lib/backup/reminder';
import type { Translate } from '../../lib/i18n/messages';
import { type ReminderStore, storeReminder } from '../../lib/settings/backup-reminder';
import { localDay } from './download';
import { saveBackup } from './save-backup';

interface Props {
  t: Translate;
  /** The reminder's settings and the last backup's time, as stored now (see useReminder); null until read. */
  kept: ReminderStore | null;
  /** Customers in the book: an empty book needs no backup. */
  customers: number;
}

/**
 * The manager's reminder to download a backup when the last one is old (see backupReminder), with the backup a click
 * away and a way to put it off until tomorrow. Opening the manager also asks the browser to keep the book's storage
 * persistent.
 */
export function BackupReminder({ t, kept, customers }: Props) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  useEffect(() => {
    requestPersistence(navigator.storage, holdsUnlimitedStorage).catch(() => undefined);
  }, []);
  if (!kept) return null;
  const reminder = backupReminder({ ...kept, customers, now: Date.now(), today: localDay() });
  if (!reminder.due) return null;

  const backUp = async () => {
    setBusy(true);
    setProblem('');
    try {
      await saveBackup(t('backupFile'));
    } catch (error) {
      setProblem(t('backupSaveFailed', { message: (error as Error).message }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="backup-reminder" aria-label={t('reminderLabel')}>
      <p>{reminder.daysSince === null ? t('reminderNever') : t('reminderOld', { days: reminder.daysSince })}</p>
      <button type="button" class="primary" disabled={busy} onClick={backUp}>
        {t('reminderBackupNow')}
      </button>
      <button
        type="button"
        disabled={busy}
        onClick={() => storeReminder({ ...kept.settings, dismissedOn: localDay() }).catch(() => undefined)}
      >
        {t('reminderDismiss')}
      </button>
      {problem && (
        <p role="alert" class="error">
          {problem}
        </p>
      )}
    </section>
  );
}
