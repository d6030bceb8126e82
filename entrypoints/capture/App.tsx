import { useEffect, useState } from 'preact/hooks';
import { useLocale } from '../../components/locale';
import { isStorageFull } from '../../lib/db/quota';
import { defaultEntry } from '../../lib/domain/billing';
import { BUYER_FIELDS } from '../../lib/domain/buyer';
import type { Customer } from '../../lib/domain/customer';
import type { Captured } from '../../lib/fill/capture';
import { sendMessage } from '../../lib/messaging/client';
import type { CaptureCheck } from '../../lib/messaging/protocol';

/** Tells the content script that created this frame to remove it. */
const closeFrame = () => window.parent.postMessage('taitou:close-capture', '*');

/** The save prompt after an invoice: offers to add the buyer to the book, or to update what changed. */
export function App() {
  const { t } = useLocale();
  const [tabId, setTabId] = useState<number | null>(null);
  const [item, setItem] = useState<{ captured: Captured; check: CaptureCheck } | null>(null);
  const [notice, setNotice] = useState('');
  // After a conflict: the customer as the book holds it now, shown beside what was typed.
  const [now, setNow] = useState<Customer | null>(null);

  useEffect(() => {
    browser.tabs.getCurrent().then(async (tab) => {
      if (tab?.id === undefined) return;
      setTabId(tab.id);
      setItem(await sendMessage('page:pendingCapture', { tabId: tab.id }));
    });
  }, []);

  if (!item || tabId === null) return null;
  const { captured, check } = item;
  const changed = check.status === 'differs' ? check.differences : BUYER_FIELDS.filter((f) => captured[f]);

  const save = async (into?: string) => {
    const result = await sendMessage('page:saveCapture', { tabId, into }).catch((e: Error) => e);
    if (result instanceof Error) return setNotice(t(isStorageFull(result) ? 'storageFull' : 'captureFailed'));
    if (result.ok) return closeFrame();
    if (result.error.code !== 'conflict') return setNotice(t('captureFailed'));
    // Changed elsewhere meanwhile: what still differs is offered again, against the customer as it is now.
    const again = await sendMessage('page:pendingCapture', { tabId });
    if (!again) return closeFrame();
    setItem(again);
    setNow(again.check.status === 'differs' ? result.error.current : null);
    setNotice(t('captureConflict'));
  };
  const stored: Partial<Captured> = now ? { name: now.name, taxId: now.taxId, ...defaultEntry(now) } : {};
  const dismiss = async () => {
    await sendMessage('page:dismissCapture', { tabId });
    closeFrame();
  };

  return (
    <main>
      <h1>{check.status === 'differs' ? t('captureUpdateTitle') : t('captureNewTitle')}</h1>
      <dl>
        {changed.map((field) => (
          <div key={field}>
            <dt>{t(`role_${field}`)}</dt>
            <dd>{captured[field]}</dd>
            {now && (
              <dd class="now">
                <del>{stored[field] || t('dedupEmpty')}</del>
              </dd>
            )}
          </div>
        ))}
      </dl>
      {check.status === 'new' && check.similar.length > 0 && (
        <section class="similar" aria-labelledby="capture-similar">
          <p id="capture-similar">{t('captureSimilar')}</p>
          <ul>
            {check.similar.map((s) => (
              <li key={s.id}>
                <span>
                  {s.name}
                  {s.taxId && <small>{s.taxId}</small>}
                </span>
                <button type="button" onClick={() => save(s.id)}>
                  {t('captureInto', { name: s.name })}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {notice && <p class="notice">{notice}</p>}
      <div class="actions">
        <button type="button" class="primary" onClick={() => save()}>
          {check.status === 'differs' ? t('captureUpdate') : t('captureSave')}
        </button>
        <button type="button" onClick={dismiss}>
          {t('captureDismiss')}
        </button>
      </div>
    </main>
  );
}
