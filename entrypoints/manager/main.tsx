import { render } from 'preact';
import { LockGate } from '../../components/LockGate';
import { useLocale } from '../../components/locale';
import { vaultClient } from '../../lib/messaging/vault-client';
import { App, newest } from './App';
import '../../components/theme.css';
import './style.css';

// The newest customers are asked for before the first render, so the answer is on its way while the page paints.
const early = newest();
early.catch(() => undefined); // a locked book: the gate asks for the passphrase, and the table asks again

function Manager() {
  const { t } = useLocale();
  // Unlocked again, the page reads the book afresh (the table held it in the clear and was dropped with the lock).
  return (
    <LockGate t={t} vault={vaultClient}>
      {(unlocks) => <App key={unlocks} first={unlocks === 0 ? early : newest()} />}
    </LockGate>
  );
}

render(<Manager />, document.getElementById('app') as HTMLElement);
