import { render } from 'preact';
import { LockGate } from '../../components/LockGate';
import { useLocale } from '../../components/locale';
import { vaultClient } from '../../lib/messaging/vault-client';
import { App } from './App';
import '../../components/theme.css';
import './style.css';

function Manager() {
  const { t } = useLocale();
  // Unlocked again, the page reads the book afresh (the table held it in the clear and was dropped with the lock).
  return (
    <LockGate t={t} vault={vaultClient}>
      {(unlocks) => <App key={unlocks} />}
    </LockGate>
  );
}

render(<Manager />, document.getElementById('app') as HTMLElement);
