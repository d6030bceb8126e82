import type { Handlers, MenuBroadcast, VaultBroadcast } from '../messaging/protocol';

/** Delivers a broadcast to the extension's pages (the inline menus, the lock's state); resolves even when none listens. */
export type Broadcaster = (message: MenuBroadcast | VaultBroadcast) => Promise<void>;

/**
 * Relays what the clerk does in a buyer field (content script) to the inline menu of that tab (an extension page in
 * an iframe). Keys pass through the background rather than postMessage, because a page could post to the menu's
 * frame but can never send a runtime message.
 */
export function menuRelay(broadcast: Broadcaster): Pick<Handlers, 'cs:menu' | 'page:menuState'> {
  const state = new Map<number, { query: string; open: boolean }>();
  return {
    'cs:menu': async ({ event, query }, origin) => {
      const tabId = origin?.tabId;
      if (tabId === undefined) return null;
      const previous = state.get(tabId) ?? { query: '', open: false };
      state.set(tabId, {
        query: event === 'open' || event === 'query' ? query : previous.query,
        open: event !== 'close' && (previous.open || event === 'open'),
      });
      await broadcast({ type: 'taitou:menu', tabId, event, query });
      return null;
    },
    'page:menuState': async ({ tabId }) => state.get(tabId) ?? { query: '', open: false },
  };
}
