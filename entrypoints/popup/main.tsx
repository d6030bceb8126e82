import { render } from 'preact';
import { LockGate } from '../../components/LockGate';
import { useLocale } from '../../components/locale';
import { findCustomers } from '../../lib/messaging/client';
import { vaultClient } from '../../lib/messaging/vault-client';
import { App } from './App';
import { followLock } from './recent-cache';
import '../../components/theme.css';
import './style.css';

// The recent customers are asked for before the first render, so the answer is on its way while the page paints.
const early = findCustomers('');
early.catch(() => undefined); // a locked book: the gate asks for the passphrase, and the list is asked for again

function Popup() {
  const { t } = useLocale();
  return (
    <LockGate t={t} vault={vaultClient} onStatus={followLock}>
      {(unlocks) => <App key={unlocks} recent={unlocks === 0 ? early : findCustomers('')} />}
    </LockGate>
  );
}

render(<Popup />, document.getElementById('app') as HTMLElement);
