import { useEffect, useState } from 'preact/hooks';
import { CustomerList } from '../../components/CustomerList';
import type { Customer } from '../../lib/domain/customer';
import { describeFill } from '../../lib/fill/summary';
import { translator } from '../../lib/i18n/messages';
import { findCustomers, sendMessage } from '../../lib/messaging/client';
import type { BookStats } from '../../lib/messaging/protocol';
import { SiteAccess } from './SiteAccess';

const t = translator('zh-CN');
const failureNotice = (e: Error) => t('loadFailed', { reason: e.message });

export function App() {
  const [query, setQuery] = useState('');
  const [customers, setCustomers] = useState<Customer[]>([]);
  const [selected, setSelected] = useState(0);
  const [stats, setStats] = useState<BookStats | null>(null);
  const [notice, setNotice] = useState('');

  useEffect(() => {
    sendMessage('page:stats', {}).then(setStats, (e) => setNotice(failureNotice(e)));
  }, []);

  // Lists once the book has answered, and again whenever it changes size or the query changes.
  useEffect(() => {
    if (!stats) return;
    let current = true;
    findCustomers(query).then(
      (list) => {
        if (!current) return;
        setCustomers(list);
        setSelected(0);
      },
      (e) => setNotice(failureNotice(e)),
    );
    return () => {
      current = false;
    };
  }, [query, stats]);

  const loadSamples = async () => {
    const { added } = await sendMessage('page:loadSamples', {});
    setNotice(t('samplesLoaded', { added }));
    setStats(await sendMessage('page:stats', {}));
  };

  const fill = async (customer: Customer | undefined) => {
    if (!customer) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) {
      setNotice(t('fillNoTab'));
      return;
    }
    const outcome = await sendMessage('page:fill', { tabId: tab.id, id: customer.id });
    setNotice(describeFill(outcome, t).join('\n'));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') setSelected((i) => Math.min(i + 1, customers.length - 1));
    else if (event.key === 'ArrowUp') setSelected((i) => Math.max(i - 1, 0));
    else if (event.key === 'Enter') fill(customers[selected]);
    else return;
    event.preventDefault();
  };

  const empty = stats?.customers === 0;
  return (
    <main>
      <header>
        <h1>{t('appName')}</h1>
        {stats && <span class="count">{t('customerCount', { count: stats.customers })}</span>}
      </header>
      <SiteAccess t={t} onNotice={setNotice} />
      <input
        type="search"
        class="search"
        value={query}
        placeholder={t('searchPlaceholder')}
        aria-label={t('searchLabel')}
        role="combobox"
        aria-expanded={customers.length > 0}
        aria-controls="customer-list"
        aria-activedescendant={customers.length > 0 ? `customer-${selected}` : undefined}
        // biome-ignore lint/a11y/noAutofocus: the popup exists to search; the clerk types at once
        autoFocus
        onInput={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {stats && stats.quarantined > 0 && <p class="warning">{t('quarantined', { count: stats.quarantined })}</p>}
      {empty ? (
        <div class="empty">
          <p>{t('emptyBook')}</p>
          <button type="button" onClick={loadSamples}>
            {t('loadSamples')}
          </button>
        </div>
      ) : (
        <>
          <h2 class="list-title">{query.trim() ? t('results') : t('recent')}</h2>
          <p class="hint">{t('fillHint')}</p>
          {customers.length === 0 && query.trim() ? (
            <p class="none">{t('noResults')}</p>
          ) : (
            <CustomerList customers={customers} label={t('results')} selected={selected} t={t} onPick={fill} />
          )}
        </>
      )}
    </main>
  );
}
