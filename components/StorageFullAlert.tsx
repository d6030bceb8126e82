import { useEffect, useState } from 'preact/hooks';
import { isStorageFull } from '../lib/db/quota';
import type { Translate } from '../lib/i18n/messages';

/**
 * Says plainly when a write was refused for lack of disk space, wherever on the page it was started: listens for
 * the failures no handler took up (a bulk action, an undo) and shows the one message for them all.
 */
export function StorageFullAlert({ t }: { t: Translate }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const heard = (event: PromiseRejectionEvent) => {
      if (!isStorageFull(event.reason)) return;
      event.preventDefault();
      setShown(true);
    };
    window.addEventListener('unhandledrejection', heard);
    return () => window.removeEventListener('unhandledrejection', heard);
  }, []);
  if (!shown) return null;
  return (
    <p role="alert" class="storage-full">
      {t('storageFull')}
      <button type="button" class="link" onClick={() => setShown(false)}>
        {t('close')}
      </button>
    </p>
  );
}
