import { bookHandlers } from '../lib/background/book-service';
import {
  customerOfMenuItem,
  FILL_COMMAND,
  fillMenuItems,
  notifyingChanges,
  serialized,
} from '../lib/background/shortcuts';
import { openBook } from '../lib/db/open';
import { translator } from '../lib/i18n/messages';
import { serve } from '../lib/messaging/router';
import { PORTAL_MATCHES } from '../lib/portals';

export default defineBackground(() => {
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  // Handlers are registered at once (a message may be what woke the worker); they wait for the book to open.
  const book = openBook();
  const t = translator('zh-CN');
  // The context menu of editable fields on portals, and a keyboard command: both fill the tab with a recent customer.
  const refreshMenu = serialized(async () => {
    const recent = await handlers['page:recent']({ limit: 5 });
    await browser.contextMenus.removeAll();
    for (const item of fillMenuItems(recent, t('contextFill'))) {
      browser.contextMenus.create({ ...item, contexts: ['editable'], documentUrlPatterns: PORTAL_MATCHES });
    }
  });
  const handlers = notifyingChanges(
    bookHandlers(
      book,
      (tabId, request) => browser.tabs.sendMessage(tabId, request),
      // With no menu open nobody listens, and sendMessage rejects: that is fine.
      (message) => browser.runtime.sendMessage(message).catch(() => undefined),
    ),
    () => refreshMenu(),
  );
  serve(handlers, self);

  const fillTab = async (tabId: number | undefined, id: string | null | undefined) => {
    if (tabId !== undefined && id) await handlers['page:fill']({ tabId, id });
  };
  browser.runtime.onInstalled.addListener(refreshMenu);
  browser.runtime.onStartup.addListener(refreshMenu);
  browser.contextMenus.onClicked.addListener((info, tab) => fillTab(tab?.id, customerOfMenuItem(info.menuItemId)));
  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== FILL_COMMAND) return;
    const [last] = await handlers['page:recent']({ limit: 1 });
    await fillTab(tab?.id, last?.id);
  });
});
