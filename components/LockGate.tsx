import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from '../lib/i18n/messages';
import type { VaultClient } from '../lib/messaging/vault-client';
import { Secret } from './Secret';

/**
 * Shows the page (`children`, given how many times the book has been unlocked since it opened, so that it can read
 * the book afresh) unless the book is locked; then only the passphrase form. Follows the lock as it changes
 * elsewhere (another page, the idle time).
 */
export function LockGate({
  t,
  vault,
  onStatus,
  children,
}: {
  t: Translate;
  vault: VaultClient;
  /** Told whether the lock is on, once known: a page that keeps something on disk stops while it is. */
  onStatus?: (on: boolean) => void;
  children: (unlocks: number) => ComponentChildren;
}) {
  const [locked, setLocked] = useState(false);
  const [unlocks, setUnlocks] = useState(0);
  const was = useRef(false);
  const follow = (now: boolean) => {
    if (was.current && !now) setUnlocks((n) => n + 1);
    was.current = now;
    setLocked(now);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: once; the client does not change
  useEffect(() => {
    vault.status().then(
      (s) => {
        onStatus?.(s.on);
        follow(s.locked);
      },
      () => undefined,
    );
    // The worker's word is a broadcast, which a page in the background can miss; asking now and then is cheap (the
    // state is answered from memory) and keeps every open page in step within a few seconds.
    const every = setInterval(() => {
      vault.status().then(
        (s) => follow(s.locked),
        () => undefined,
      );
    }, 2000);
    const stop = vault.listen(follow);
    return () => {
      clearInterval(every);
      stop();
    };
  }, []);
  if (!locked) return <>{children(unlocks)}</>;
  return <Unlock t={t} unlock={vault.unlock} onOpen={() => follow(false)} />;
}

function Unlock({ t, unlock, onOpen }: { t: Translate; unlock: VaultClient['unlock']; onOpen: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  // The one thing to do on this screen: the caret is there at once, as in the popup's search box.
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => field.current?.focus(), []);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!passphrase || busy) return;
    setBusy(true);
    setError('');
    try {
      const answer = await unlock(passphrase);
      if (answer.ok) onOpen();
      else setError(t(answer.reason === 'wrong' ? 'unlockWrong' : 'lockState'));
    } catch (e) {
      setError(e instanceof Error && e.message.includes('taitou:busy') ? t('lockBusy') : String(e));
    } finally {
      setBusy(false);
      setPassphrase('');
    }
  };
  return (
    <form class="unlock" onSubmit={submit}>
      <h1>{t('lockedTitle')}</h1>
      <p>{t('lockedHint')}</p>
      <Secret
        label={t('lockPassphrase')}
        value={passphrase}
        onInput={setPassphrase}
        auto="current-password"
        inputRef={field}
      />
      <button type="submit" disabled={busy || !passphrase}>
        {busy ? t('unlocking') : t('unlockButton')}
      </button>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
