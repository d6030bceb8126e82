import { useEffect, useRef, useState } from 'preact/hooks';
import { LanguageButton } from '../../components/LanguageButton';
import { useLocale } from '../../components/locale';
import { StorageFullAlert } from '../../components/StorageFullAlert';
import { SuggestionList } from '../../components/SuggestionList';
import { useCredit } from '../../components/use-credit';
import type { Customer } from '../../lib/domain/customer';
import { describeFill } from '../../lib/fill/summary';
import { findCustomers, sendMessage } from '../../lib/messaging/client';
import type { BookStats } from '../../lib/messaging/protocol';
import { CopyFields } from './CopyFields';
import { QuickAdd } from './QuickAdd';
import { keepRecent, lastRecent } from './recent-cache';
import { SiteAccess } from './SiteAccess';

/** A change the clerk can take back from the popup's notice. */
interface Undoable {
  text: string;
  customerId: string;
  /** The revision the popup's own save left: only the change that made it is taken back. */
  revision: number;
}

export function App({
  recent,
}: {
  /** The recent customers, asked for as the page loaded. */ recent: Promise<Customer[]>;
}) {
  const { locale, t, setLocale } = useLocale();
  // Opened by the inline list's 新增客户 with what the clerk typed: straight to quick add.
  const [adding] = useState(() => new URLSearchParams(location.search).get('add'));
  const [view, setView] = useState<'search' | 'add'>(adding === null ? 'search' : 'add');
  const [query, setQuery] = useState('');
  const [customers, setCustomers] = useState<Customer[]>(() => (adding === null ? lastRecent() : []));
  const [selected, setSelected] = useState(0);
  const [stats, setStats] = useState<BookStats | null>(null);
  const [listed, setListed] = useState(false);
  const [notice, setNotice] = useState('');
  const [undoable, setUndoable] = useState<Undoable | null>(null);
  const credit = useCredit(customers, (ids) => sendMessage('page:credit', { ids }));
  const firstList = useRef<Promise<Customer[]> | null>(recent);
  const refreshStats = () =>
    sendMessage('page:stats', {}).then(setStats, (e: Error) => setNotice(t('loadFailed', { reason: e.message })));
  // Bumped by every change made from the popup: the list is asked for again, and the count.
  const [changes, setChanges] = useState(0);
  const bookChanged = () => {
    setChanges((n) => n + 1);
    return refreshStats();
  };

  // Lists at once (recent customers come straight from an index of the book), and again whenever the query or the
  // book changes. Counting 100,000 customers takes IndexedDB a while, so the count follows the first paint.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `changes` means the book changed: list it again
  useEffect(() => {
    let current = true;
    // The list asked for as the page loaded serves the first run only; every later one (or a retry) asks again.
    const early = firstList.current;
    firstList.current = null;
    (early && !query ? early : findCustomers(query)).then(
      (list) => {
        if (!current) return;
        if (!query) keepRecent(list);
        setCustomers(list);
        setSelected(0);
        setListed(true);
      },
      (e) => setNotice(t('loadFailed', { reason: e.message })),
    );
    return () => {
      current = false;
    };
  }, [query, changes, t]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, after the first rows
  useEffect(() => {
    if (listed && !stats) refreshStats();
  }, [listed]);

  const say = (text: string, undo: Undoable | null = null) => {
    setNotice(text);
    setUndoable(undo);
  };

  const loadSamples = async () => {
    const { added } = await sendMessage('page:loadSamples', {});
    say(t('samplesLoaded', { added }));
    await bookChanged();
  };

  const fill = async (customer: Customer | undefined) => {
    if (!customer) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) {
      say(t('fillNoTab'));
      return;
    }
    const outcome = await sendMessage('page:fill', { tabId: tab.id, id: customer.id });
    say(describeFill(outcome, t).join('\n'));
  };

  const showCustomer = (customer: Customer) => {
    setView('search');
    setQuery(customer.name);
  };

  const saved = async (customer: Customer) => {
    say(t('saved', { name: customer.name }), { text: t('undo'), customerId: customer.id, revision: customer.revision });
    showCustomer(customer);
    await bookChanged();
  };

  const undo = async () => {
    if (!undoable) return;
    // The popup's own save, not whatever changed the customer last (another page may have edited it since): the
    // book refuses its undo then, as a conflict.
    const history = await sendMessage('page:history', { id: undoable.customerId });
    const own = history.findLast((e) => e.action !== 'undo' && e.after?.revision === undoable.revision);
    const result = own?.seq !== undefined ? await sendMessage('page:undo', { seq: own.seq }) : null;
    say(
      result?.ok
        ? t('undone')
        : result?.error.code === 'conflict'
          ? t('undoConflict')
          : t('saveFailed', { reason: result ? result.error.code : 'notFound' }),
    );
    await bookChanged();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') setSelected((i) => Math.min(i + 1, customers.length - 1));
    else if (event.key === 'ArrowUp') setSelected((i) => Math.max(i - 1, 0));
    else if (event.key === 'Enter') fill(customers[selected]);
    else return;
    event.preventDefault();
  };

  // Alt+N adds a customer, Esc goes back to the search, wherever focus is.
  useEffect(() => {
    const keys = (event: KeyboardEvent) => {
      if (event.altKey && event.key.toLowerCase() === 'n') setView('add');
      else if (event.key === 'Escape' && view === 'add') setView('search');
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', keys);
    return () => document.removeEventListener('keydown', keys);
  }, [view]);

  const empty = listed && !query && customers.length === 0;
  const chosen = customers[selected];
  return (
    <main>
      <header>
        <h1>{t('appName')}</h1>
        {stats && <span class="count">{t('customerCount', { count: stats.customers })}</span>}
        <LanguageButton locale={locale} t={t} onSwitch={setLocale} />
        <button
          type="button"
          class="link"
          onClick={() => browser.tabs.create({ url: browser.runtime.getURL('/manager.html') })}
        >
          {t('openManager')}
        </button>
        <button
          type="button"
          class="link"
          aria-keyshortcuts="Alt+N"
          onClick={() => setView(view === 'add' ? 'search' : 'add')}
        >
          {view === 'add' ? t('back') : t('addCustomer')}
        </button>
      </header>
      <SiteAccess t={t} onNotice={say} />
      <StorageFullAlert t={t} />
      {notice && (
        <p class="notice" role="status">
          {notice}
          {undoable && (
            <button type="button" class="link" onClick={undo}>
              {undoable.text}
            </button>
          )}
        </p>
      )}
      {view === 'add' ? (
        <QuickAdd locale={locale} t={t} typed={adding ?? ''} onSaved={saved} onOpen={showCustomer} onNotice={say} />
      ) : (
        <>
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
                <SuggestionList
                  customers={customers}
                  credit={credit}
                  label={t('results')}
                  selected={selected}
                  t={t}
                  onPick={fill}
                />
              )}
              {chosen && <CopyFields customer={chosen} t={t} />}
            </>
          )}
        </>
      )}
    </main>
  );
}
