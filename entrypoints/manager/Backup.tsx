import { useEffect, useRef, useState } from 'preact/hooks';
import { Secret } from '../../components/Secret';
import type { SnapshotView } from '../../lib/background/snapshot-service';
import { holdsUnlimitedStorage, requestPersistence, type StorageState } from '../../lib/backup/persistence';
import { REMIND_MAX_DAYS } from '../../lib/backup/reminder';
import { isSealedBackup, openBackupText } from '../../lib/backup/sealed-file';
import type { RestoreReport } from '../../lib/db/backup';
import { isStorageFull } from '../../lib/db/quota';
import type { Translate } from '../../lib/i18n/messages';
import { MAX_BACKUP_CHARS, type RestoreReply, sendRestore } from '../../lib/messaging/backup-port';
import { sendMessage } from '../../lib/messaging/client';
import { type ReminderStore, storeReminder } from '../../lib/settings/backup-reminder';
import { newPassphraseError } from './new-passphrase';
import { connectRestore } from './ports';
import { localTime, saveBackup } from './save-backup';

interface Props {
  t: Translate;
  /** The reminder's settings and the last backup's time, as stored now (see useReminder); null until read. */
  reminder: ReminderStore | null;
  /** After a restore (from a file, or a snapshot): the book changed under the table. */
  onRestored(report?: RestoreReport): void;
  onClose(): void;
}

type Problem = Extract<RestoreReply, { type: 'failed' }>['problem'];

/** Why a write failed, in the clerk's words: a full disk plainly, anything else with the browser's reason. */
const writeFailed = (message: string, t: Translate) =>
  isStorageFull(message) ? t('storageFull') : t('backupWriteFailed', { message });

/** Why a restore was refused, in the clerk's words. */
function problemText(problem: Problem, t: Translate): string {
  switch (problem.code) {
    case 'notJson':
      return t('backupNotJson');
    case 'notBackup':
      return t('backupNotBackup');
    case 'newerVersion':
      return t('backupNewerVersion', { version: problem.version, supported: problem.supported });
    case 'invalid':
      return [
        t('backupInvalid', { total: problem.total }),
        ...problem.issues.map((issue) =>
          t('backupIssue', { record: issue.record ?? '', path: issue.path, message: issue.message }),
        ),
      ].join('\n');
    case 'tooLarge':
      return t('backupTooLarge');
    case 'badMessage':
    case 'writeFailed':
      return writeFailed('message' in problem ? problem.message : problem.code, t);
  }
}

/**
 * A whole-book backup to a file, and a restore from one (merged into the book, or replacing it); when to be reminded
 * of the next backup; the automatic snapshots, each of which can be restored; and whether the browser may clear the
 * book.
 */
export function Backup({ t, reminder, onRestored, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  // The number of days as typed, stored when the field is left; a render meanwhile must not put the old number back.
  // Shown until the kept number changes (stored from here or from another page).
  const [daysTyped, setDaysTyped] = useState<string | null>(null);
  const keptDays = reminder?.settings.everyDays;
  // biome-ignore lint/correctness/useExhaustiveDependencies: cleared each time the kept number changes
  useEffect(() => setDaysTyped(null), [keptDays]);
  const [snapshots, setSnapshots] = useState<{ snapshots: SnapshotView[]; keep: number } | null>(null);
  const [storage, setStorage] = useState<StorageState | null>(null);
  // A backup sealed under a passphrase: the passphrase typed twice; a sealed file chosen to restore, waiting for its.
  const [sealing, setSealing] = useState({ on: false, passphrase: '', again: '' });
  const [sealedFile, setSealedFile] = useState<string | null>(null);
  const [opening, setOpening] = useState('');
  const loadSnapshots = () =>
    sendMessage('page:snapshots', {}).then(setSnapshots, (e: Error) =>
      setProblem(t('loadFailed', { reason: e.message })),
    );
  // biome-ignore lint/correctness/useExhaustiveDependencies: read once when the view opens, then told of changes
  useEffect(() => {
    dialog.current?.showModal();
    let alive = true;
    requestPersistence(navigator.storage, holdsUnlimitedStorage).then((state) => alive && setStorage(state));
    loadSnapshots();
    return () => {
      alive = false;
    };
  }, []);

  const save = async () => {
    setProblem('');
    const unfit = sealing.on ? newPassphraseError(t, sealing.passphrase, sealing.again) : '';
    if (unfit) return setProblem(unfit);
    setBusy(true);
    setStatus(t('backupMaking'));
    try {
      await saveBackup(t('backupFile'), sealing.on ? sealing.passphrase : undefined);
      setStatus(t('backupSaved'));
    } catch (error) {
      setStatus('');
      setProblem(t('backupSaveFailed', { message: (error as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  const restore = async (file: File) => {
    setProblem('');
    setSealedFile(null);
    if (file.size > MAX_BACKUP_CHARS) return setProblem(t('backupTooLarge'));
    const text = await file.text();
    if (isSealedBackup(text)) return setSealedFile(text);
    await restoreText(text);
  };

  const openSealed = async (event: Event) => {
    event.preventDefault();
    if (!sealedFile || !opening) return;
    setBusy(true);
    const opened = await openBackupText(sealedFile, opening).finally(() => setBusy(false));
    setOpening('');
    if (!opened.ok) return setProblem(t('backupSealedWrong'));
    setSealedFile(null);
    await restoreText(opened.text);
  };

  const restoreText = async (text: string) => {
    if (mode === 'replace' && !window.confirm(t('backupReplaceConfirm'))) return;
    setBusy(true);
    setStatus(t('backupRestoring'));
    let reply: RestoreReply;
    try {
      reply = await sendRestore(connectRestore(), text, mode);
    } catch (error) {
      reply = { type: 'failed', problem: { code: 'writeFailed', message: (error as Error).message } };
    } finally {
      setBusy(false);
    }
    loadSnapshots(); // the book as it was before the restore is one now
    if (reply.type === 'failed') {
      setStatus('');
      return setProblem(problemText(reply.problem, t));
    }
    const { report } = reply;
    setStatus(
      report.mode === 'replace'
        ? t('backupReplaceDone', { added: report.added })
        : t('backupMergeDone', {
            added: report.added,
            updated: report.updated,
            unchanged: report.unchanged,
            refused: report.refused.length,
          }),
    );
    if (!reply.settingsRestored) setProblem(t('backupSettingsFailed'));
    onRestored(report);
  };

  const restoreSnapshot = async (snapshot: SnapshotView) => {
    const time = localTime(snapshot.takenAt);
    if (!window.confirm(t('snapshotRestoreConfirm', { time, count: snapshot.customers }))) return;
    setBusy(true);
    setProblem('');
    setStatus(t('backupRestoring'));
    try {
      const result = await sendMessage('page:restoreSnapshot', { id: snapshot.id });
      if (result.ok) {
        setStatus(t('snapshotRestored', { count: result.restored }));
        onRestored();
      } else {
        setStatus('');
        const why = {
          notFound: 'snapshotGone',
          otherVersion: 'snapshotOtherVersion',
          otherLock: 'snapshotOtherLock',
        } as const;
        setProblem(t(why[result.reason]));
      }
    } catch (error) {
      setStatus('');
      setProblem(failureText(error, t));
    } finally {
      setBusy(false);
      loadSnapshots();
    }
  };

  const everyDays = (value: string) => {
    const days = Number(value);
    if (reminder && Number.isInteger(days) && days >= 1 && days <= REMIND_MAX_DAYS) {
      storeReminder({ ...reminder.settings, everyDays: days }).catch(() => undefined);
    } else {
      setDaysTyped(null); // not a number of days the reminder takes: back to the one kept
    }
  };

  return (
    <dialog
      ref={dialog}
      class="export backup"
      aria-labelledby="backup-title"
      onClose={onClose}
      onCancel={(e) => busy && e.preventDefault()}
    >
      <h2 id="backup-title">{t('backupTitle')}</h2>
      <p class="muted">{t('backupExplain')}</p>
      {reminder && (
        <p class="last-backup">
          {reminder.lastBackupAt === null
            ? t('backupLastNever')
            : t('backupLast', { time: localTime(reminder.lastBackupAt) })}
        </p>
      )}
      <label>
        <input
          type="checkbox"
          checked={sealing.on}
          onChange={(e) => setSealing({ ...sealing, on: e.currentTarget.checked })}
        />
        {t('backupSeal')}
      </label>
      {sealing.on && (
        <div class="seal-backup">
          <p class="muted">{t('backupSealHint')}</p>
          <Secret
            label={t('lockPassphrase')}
            value={sealing.passphrase}
            onInput={(passphrase) => setSealing({ ...sealing, passphrase })}
            auto="new-password"
          />
          <Secret
            label={t('lockConfirm')}
            value={sealing.again}
            onInput={(again) => setSealing({ ...sealing, again })}
            auto="new-password"
          />
        </div>
      )}
      <button type="button" disabled={busy} onClick={save}>
        {t('backupSave')}
      </button>
      {reminder && (
        <label class="remind-every">
          {t('reminderEvery')}
          <input
            type="number"
            min={1}
            max={REMIND_MAX_DAYS}
            step={1}
            value={daysTyped ?? reminder.settings.everyDays}
            onInput={(e) => setDaysTyped(e.currentTarget.value)}
            onChange={(e) => everyDays(e.currentTarget.value)}
          />
        </label>
      )}
      <fieldset>
        <legend>{t('backupRestoreMode')}</legend>
        <label>
          <input type="radio" name="restore-mode" checked={mode === 'merge'} onChange={() => setMode('merge')} />
          {t('backupMerge')}
        </label>
        <label>
          <input type="radio" name="restore-mode" checked={mode === 'replace'} onChange={() => setMode('replace')} />
          {t('backupReplace')}
        </label>
      </fieldset>
      <label class="file-button">
        {t('backupRestore')}
        <input
          type="file"
          accept=".json,application/json"
          disabled={busy}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) restore(file);
          }}
        />
      </label>
      {sealedFile !== null && (
        <form class="seal-backup" onSubmit={openSealed}>
          <Secret label={t('backupSealedAsk')} value={opening} onInput={setOpening} auto="off" />
          <button type="submit" disabled={busy || !opening}>
            {t('backupSealedOpen')}
          </button>
        </form>
      )}
      {status && <p role="status">{status}</p>}
      {problem && (
        <p role="alert" class="error pre">
          {problem}
        </p>
      )}
      <section class="snapshots" aria-labelledby="snapshots-title">
        <h3 id="snapshots-title" class="backup-heading">
          {t('snapshotsTitle')}
        </h3>
        {snapshots && <p class="muted">{t('snapshotsExplain', { keep: snapshots.keep })}</p>}
        {snapshots && snapshots.snapshots.length === 0 && <p>{t('snapshotsNone')}</p>}
        {snapshots && snapshots.snapshots.length > 0 && (
          <table>
            <thead>
              <tr>
                <th scope="col" class="snapshot-cell">
                  {t('snapshotTime')}
                </th>
                <th scope="col" class="snapshot-cell">
                  {t('snapshotReason')}
                </th>
                <th scope="col" class="snapshot-cell">
                  {t('snapshotCustomers')}
                </th>
                <th scope="col" class="snapshot-cell">
                  <span class="visually-hidden">{t('snapshotRestore')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {snapshots.snapshots.map((snapshot) => (
                <tr key={snapshot.id}>
                  <td class="snapshot-cell">{localTime(snapshot.takenAt)}</td>
                  <td class="snapshot-cell">{t(`snapshotReason_${snapshot.reason}`)}</td>
                  <td class="snapshot-cell number">{snapshot.customers}</td>
                  <td class="snapshot-cell">
                    {snapshot.restorable ? (
                      <button
                        type="button"
                        disabled={busy}
                        aria-label={t('snapshotRestoreLabel', { time: localTime(snapshot.takenAt) })}
                        onClick={() => restoreSnapshot(snapshot)}
                      >
                        {t('snapshotRestore')}
                      </button>
                    ) : (
                      <span class="muted">{t('snapshotUnrestorable')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {storage && (
        <section class="storage" aria-labelledby="storage-title">
          <h3 id="storage-title" class="backup-heading">
            {t('storageTitle')}
          </h3>
          <p>{t(`storageProtection_${storage.protection}`)}</p>
          {storage.usage !== null && <p class="muted">{t('storageUsage', { size: megabytes(storage.usage) })}</p>}
        </section>
      )}
      <div class="actions">
        <button type="button" disabled={busy} onClick={() => dialog.current?.close()}>
          {t('close')}
        </button>
      </div>
    </dialog>
  );
}

/** A failure a page received, in the clerk's words. */
function failureText(error: unknown, t: Translate): string {
  return isStorageFull(error) ? t('storageFull') : t('backupWriteFailed', { message: (error as Error).message });
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
