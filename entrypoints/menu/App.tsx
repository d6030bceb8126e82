import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocale } from '../../components/locale';
import { SuggestionList } from '../../components/SuggestionList';
import { useCredit } from '../../components/use-credit';
import type { Customer } from '../../lib/domain/customer';
import { describeFill } from '../../lib/fill/summary';
import { findCustomers, sendMessage } from '../../lib/messaging/client';
import type { MenuBroadcast } from '../../lib/messaging/protocol';
import { isLockedError } from '../../lib/messaging/vault-client';

const isBroadcast = (m: unknown): m is MenuBroadcast => (m as MenuBroadcast | null)?.type === 'taitou:menu';

/**
 * The inline suggestion list, an extension page inside a closed shadow root on the portal: the page cannot read it.
 * Keys typed in the portal's field reach it through the background; a click here is the clerk's own.
 */
export function App() {
  const { t } = useLocale();
  const [tabId, setTabId] = useState<number | null>(null);
  const [query, setQuery] = useState('');
  const [customers, setCustomers] = useState<Customer[]>([]);
  const [selected, setSelected] = useState(-1);
  const [notice, setNotice] = useState('');
  // Asking for the credit as the suggestions show warms the worker's reader: the fill after it reads nothing.
  const credit = useCredit(customers, (ids) => sendMessage('page:credit', { ids }));

  const fill = async (customer: Customer | undefined) => {
    if (!customer || tabId === null) return;
    const outcome = await sendMessage('page:fill', { tabId, id: customer.id });
    if (!outcome.ok) setNotice(describeFill(outcome, t).join('\n'));
  };

  useEffect(() => {
    browser.tabs.getCurrent().then((tab) => {
      if (tab?.id === undefined) return;
      setTabId(tab.id);
      sendMessage('page:menuState', { tabId: tab.id }).then((state) => setQuery(state.query));
    });
  }, []);

  // Keys arrive faster than Preact re-renders a frame in the background (its effects wait for a paint): the listener
  // reads the list and the selection from a ref that every key and render update at once, never from a closure.
  // 新增客户 for what was typed: the popup's quick add in a window of its own, with the text filled in.
  const addTyped = (text: string) =>
    browser.windows.create({
      url: `${browser.runtime.getURL('/popup.html')}?add=${encodeURIComponent(text)}`,
      type: 'popup',
      width: 440,
      height: 780,
    });

  const live = useRef({ customers, selected, fill, query, addTyped });
  live.current = { ...live.current, customers, fill, query };

  useEffect(() => {
    if (tabId === null) return;
    const select = (index: number) => {
      live.current.selected = index;
      setSelected(index);
    };
    const listener = (message: unknown) => {
      if (!isBroadcast(message) || message.tabId !== tabId) return;
      const { customers: list, selected: at, query: typed } = live.current;
      // The entry after the customers is 新增客户, when something has been typed.
      const last = typed.trim() ? list.length : list.length - 1;
      if (message.event === 'open' || message.event === 'query') {
        setQuery(message.query);
        live.current.query = message.query;
        select(-1);
      } else if (message.event === 'down') select(Math.min(at + 1, last));
      else if (message.event === 'up') select(Math.max(at - 1, 0));
      else if (message.event === 'enter' && at === list.length) live.current.addTyped(typed.trim());
      else if (message.event === 'enter') live.current.fill(list[at]);
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, [tabId]);

  useEffect(() => {
    let current = true;
    findCustomers(query, 8).then(
      (list) => {
        if (!current) return;
        live.current.customers = list;
        setCustomers(list);
        setNotice('');
      },
      (error) => {
        if (current && isLockedError(error)) setNotice(t('lockedMenu'));
      },
    );
    return () => {
      current = false;
    };
  }, [query, t]);

  return (
    <main>
      {notice && <p class="notice">{notice}</p>}
      {customers.length === 0 ? (
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
      {query.trim() && (
        <button
          type="button"
          class={selected === customers.length ? 'add-typed selected' : 'add-typed'}
          onClick={() => addTyped(query.trim())}
        >
          {t('addTyped', { text: query.trim() })}
        </button>
      )}
    </main>
  );
}
