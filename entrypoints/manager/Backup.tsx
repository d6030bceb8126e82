import { useEffect, useRef, useState } from 'preact/hooks';
import type { RestoreReport } from '../../lib/db/backup';
import type { Translate } from '../../lib/i18n/messages';
import { MAX_BACKUP_CHARS, type RestoreReply, receiveBackup, sendRestore } from '../../lib/messaging/backup-port';
import { download, localDay } from './download';
import { connectBackup, connectRestore } from './ports';

interface Props {
  t: Translate;
  /** After a restore: the book changed under the table. */
  onRestored(report: RestoreReport): void;
  onClose(): void;
}

type Problem = Extract<RestoreReply, { type: 'failed' }>['problem'];

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
      return t('backupWriteFailed', { message: 'message' in problem ? problem.message : problem.code });
  }
}

/** A whole-book backup to a file, and a restore from one (merged into the book, or replacing it). */
export function Backup({ t, onRestored, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => dialog.current?.showModal(), []);

  const save = async () => {
    setBusy(true);
    setProblem('');
    setStatus(t('backupMaking'));
    try {
      const text = await receiveBackup(connectBackup());
      download(`taitou-${t('backupFile')}-${localDay()}.json`, text, 'application/json');
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
    if (file.size > MAX_BACKUP_CHARS) return setProblem(t('backupTooLarge'));
    if (mode === 'replace' && !window.confirm(t('backupReplaceConfirm'))) return;
    setBusy(true);
    setStatus(t('backupRestoring'));
    let reply: RestoreReply;
    try {
      reply = await sendRestore(connectRestore(), await file.text(), mode);
    } catch (error) {
      reply = { type: 'failed', problem: { code: 'writeFailed', message: (error as Error).message } };
    } finally {
      setBusy(false);
    }
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

  return (
    <dialog
      ref={dialog}
      class="export"
      aria-labelledby="backup-title"
      onClose={onClose}
      onCancel={(e) => busy && e.preventDefault()}
    >
      <h2 id="backup-title">{t('backupTitle')}</h2>
      <p class="muted">{t('backupExplain')}</p>
      <button type="button" disabled={busy} onClick={save}>
        {t('backupSave')}
      </button>
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
      {status && <p role="status">{status}</p>}
      {problem && (
        <p role="alert" class="error pre">
          {problem}
        </p>
      )}
      <div class="actions">
        <button type="button" disabled={busy} onClick={() => dialog.current?.close()}>
          {t('close')}
        </button>
      </div>
    </dialog>
  );
}
