import { useEffect, useState } from 'preact/hooks';
import { Secret } from '../../components/Secret';
import type { VaultAnswer, VaultStatus } from '../../lib/background/vault-service';
import type { Translate } from '../../lib/i18n/messages';
import { sendMessage } from '../../lib/messaging/client';
import { followLock } from '../popup/recent-cache';
import { newPassphraseError } from './new-passphrase';

const IDLE_CHOICES = [5, 15, 30, 60, 240, 0];

interface Props {
  t: Translate;
  onClose: () => void;
}

/** The lock's settings: turn it on (with a warning that a forgotten passphrase cannot be recovered), lock now, the idle time, a new passphrase, turn it off. */
export function Lock({ t, onClose }: Props) {
  const [status, setStatus] = useState<VaultStatus | null>(null);
  const [notice, setNotice] = useState('');
  const [working, setWorking] = useState('');
  useEffect(() => {
    sendMessage('page:vault', {}).then(setStatus);
  }, []);

  const run = async (doing: string, work: () => Promise<VaultAnswer>, done: string) => {
    setWorking(doing);
    setNotice('');
    try {
      const answer = await work();
      if (answer.ok) setNotice(done);
      else
        setNotice(t(answer.reason === 'wrong' ? 'unlockWrong' : answer.reason === 'stuck' ? 'lockStuck' : 'lockState'));
      const next = await sendMessage('page:vault', {});
      followLock(next.on);
      setStatus(next);
      return answer.ok;
    } finally {
      setWorking('');
    }
  };

  return (
    <section class="import lock" aria-labelledby="lock-title">
      <header class="top">
        <h2 id="lock-title">{t('lockTitle')}</h2>
        <button type="button" class="link" onClick={onClose}>
          {t('close')}
        </button>
      </header>
      <p class="muted">{t('lockIntro')}</p>
      {status && <p role="status">{status.on ? t('lockStateOn') : t('lockStateOff')}</p>}
      {working && (
        <p class="notice" role="status">
          {working}
        </p>
      )}
      {notice && (
        <p class="notice" role="alert">
          {notice}
        </p>
      )}
      {status && !status.on && (
        <TurnOn
          t={t}
          busy={working !== ''}
          onSubmit={(passphrase) =>
            run(t('lockTurningOn'), () => sendMessage('page:lockOn', { passphrase }), t('lockTurnedOn'))
          }
        />
      )}
      {status?.on && (
        <>
          <div class="import-file">
            <button type="button" onClick={() => sendMessage('page:lock', {})}>
              {t('lockNow')}
            </button>
            <label>
              {t('lockIdle')}{' '}
              <select
                value={status.idleMinutes}
                onChange={async (e) =>
                  setStatus(await sendMessage('page:lockIdle', { minutes: Number(e.currentTarget.value) }))
                }
              >
                {IDLE_CHOICES.map((m) => (
                  <option key={m} value={m}>
                    {m === 0 ? t('lockIdleNever') : t('lockIdleMinutes', { minutes: m })}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <Change
            t={t}
            busy={working !== ''}
            onSubmit={(passphrase, next) =>
              run(t('lockChange'), () => sendMessage('page:lockPassphrase', { passphrase, next }), t('lockChanged'))
            }
          />
          <TurnOff
            t={t}
            busy={working !== ''}
            onSubmit={(passphrase) =>
              run(t('lockTurningOff'), () => sendMessage('page:lockOff', { passphrase }), t('lockTurnedOff'))
            }
          />
        </>
      )}
    </section>
  );
}

function TurnOn({ t, busy, onSubmit }: { t: Translate; busy: boolean; onSubmit: (p: string) => Promise<boolean> }) {
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [error, setError] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    const problem = newPassphraseError(t, passphrase, again);
    setError(problem);
    if (problem || !understood) return;
    if (await onSubmit(passphrase)) {
      setPassphrase('');
      setAgain('');
    }
  };
  return (
    <form class="lock-form" onSubmit={submit}>
      <p class="warning">{t('lockForgetWarning')}</p>
      <Secret label={t('lockPassphrase')} value={passphrase} onInput={setPassphrase} auto="new-password" />
      <Secret label={t('lockConfirm')} value={again} onInput={setAgain} auto="new-password" />
      <label>
        <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.currentTarget.checked)} />
        {t('lockUnderstand')}
      </label>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy || !understood || !passphrase}>
        {t('lockTurnOn')}
      </button>
    </form>
  );
}

function Change({
  t,
  busy,
  onSubmit,
}: {
  t: Translate;
  busy: boolean;
  onSubmit: (p: string, n: string) => Promise<boolean>;
}) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    const problem = newPassphraseError(t, next, again);
    setError(problem);
    if (problem || !current) return;
    if (await onSubmit(current, next)) {
      setCurrent('');
      setNext('');
      setAgain('');
    }
  };
  return (
    <form class="lock-form" onSubmit={submit} aria-labelledby="lock-change">
      <h3 id="lock-change">{t('lockChangeTitle')}</h3>
      <Secret label={t('lockCurrent')} value={current} onInput={setCurrent} auto="current-password" />
      <Secret label={t('lockNew')} value={next} onInput={setNext} auto="new-password" />
      <Secret label={t('lockConfirm')} value={again} onInput={setAgain} auto="new-password" />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy || !current || !next}>
        {t('lockChange')}
      </button>
    </form>
  );
}

function TurnOff({ t, busy, onSubmit }: { t: Translate; busy: boolean; onSubmit: (p: string) => Promise<boolean> }) {
  const [passphrase, setPassphrase] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    if (passphrase && (await onSubmit(passphrase))) setPassphrase('');
  };
  return (
    <form class="lock-form" onSubmit={submit} aria-labelledby="lock-off">
      <h3 id="lock-off">{t('lockOffTitle')}</h3>
      <p class="muted">{t('lockOffHint')}</p>
      <Secret label={t('lockCurrent')} value={passphrase} onInput={setPassphrase} auto="current-password" />
      <button type="submit" disabled={busy || !passphrase}>
        {t('lockTurnOff')}
      </button>
    </form>
  );
}
