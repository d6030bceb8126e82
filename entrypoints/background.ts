import { bookService } from '../lib/background/book-service';
import {
  customerOfMenuItem,
  FILL_COMMAND,
  fillMenuItems,
  notifyingChanges,
  serialized,
} from '../lib/background/shortcuts';
import { type KeyValue, VAULT_KEYS } from '../lib/background/vault-service';
import type { BackupSettings } from '../lib/backup/format';
import { openBook } from '../lib/db/open';
import { translator } from '../lib/i18n/messages';
import { onLocaleChange, storedLocale } from '../lib/i18n/stored-locale';
import { type Reach, serves } from '../lib/messaging/reach';
import { serve } from '../lib/messaging/router';
import { embeddedPage, senderKind } from '../lib/messaging/sender';
import { PORTAL_MATCHES } from '../lib/portals';
import { type SiteApis, syncSiteScript } from '../lib/portals/sites';

export default defineBackground(() => {
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  // Asked at message time: a site the clerk takes back is refused at once, in the tabs already open too.
  const reach: Reach = { allows: (pattern) => browser.permissions.contains({ origins: [pattern] }) };
  // Handlers are registered at once (a message may be what woke the worker); they wait for the book to open.
  const book = openBook();
  // The context menu of editable fields on portals, and a keyboard command: both fill the tab with a recent customer.
  // Cleared first: a locked book lists nothing (page:recent refuses), and its customers' names must not linger.
  const refreshMenu = serialized(async () => {
    await browser.contextMenus.removeAll();
    const recent = await handlers['page:recent']({ limit: 5 });
    const t = translator(await storedLocale());
    for (const item of fillMenuItems(recent, t('contextFill'))) {
      browser.contextMenus.create({ ...item, contexts: ['editable'], documentUrlPatterns: PORTAL_MATCHES });
    }
  });
  const service = bookService(book, {
    // A customer's details go only to a tab on the platform or on a site still enabled (a revoked site's open tabs
    // keep a running content script); without access to the tab, Chrome does not even say its address.
    tabs: async (tabId, request) =>
      (await serves(reach, (await browser.tabs.get(tabId)).url)) ? browser.tabs.sendMessage(tabId, request) : undefined,
    // With no menu open nobody listens, and sendMessage rejects: that is fine.
    broadcast: (message) => browser.runtime.sendMessage(message).catch(() => undefined),
    settings: {
      read: async () => withoutVault((await browser.storage.local.get(null)) as BackupSettings),
      write: (settings) => browser.storage.local.set(settings),
    },
    onChanged: () => refreshMenu(),
    vault: { local: keyValue(browser.storage.local), session: keyValue(browser.storage.session) },
  });
  const handlers = notifyingChanges(service.handlers, () => refreshMenu());
  serve(handlers, self, reach);
  // Imports, backups and restores stream over ports, from the extension's own pages only, never one inside a tab.
  browser.runtime.onConnect.addListener((port) => {
    const serve = service.ports.get(port.name);
    const sender = port.sender ?? {};
    const ours = senderKind(sender, self.id, self.origin) === 'extensionPage' && !embeddedPage(sender, self.origin);
    if (!serve || !ours) port.disconnect();
    else serve(port as never);
  });

  const fillTab = async (tabId: number | undefined, id: string | null | undefined) => {
    if (tabId !== undefined && id) await handlers['page:fill']({ tabId, id });
  };
  // Sites the clerk enabled (popup: 在此网站启用 Taitou) get the same content script as the portals.
  const contentScript = '/content-scripts/portal.js';
  const sites: SiteApis = {
    grantedOrigins: async () => (await browser.permissions.getAll()).origins ?? [],
    registered: () => browser.scripting.getRegisteredContentScripts(),
    register: (script) => browser.scripting.registerContentScripts([script]),
    unregister: (id) => browser.scripting.unregisterContentScripts({ ids: [id] }),
  };
  const syncSites = () => syncSiteScript(sites, contentScript).catch(() => []);
  // Pages already open get the script without a reload: a new site's tabs, and portal tabs open before install.
  const injectInto = async (patterns: string[]) => {
    const tabs = patterns.length > 0 ? await browser.tabs.query({ url: patterns }) : [];
    for (const tab of tabs) {
      if (tab.id === undefined) continue;
      browser.scripting
        .executeScript({ target: { tabId: tab.id, allFrames: true }, files: [contentScript] })
        .catch(() => undefined);
    }
  };
  browser.permissions.onAdded.addListener(async ({ origins = [] }) => {
    await syncSites();
    await injectInto(origins);
  });
  browser.permissions.onRemoved.addListener(syncSites);

  onLocaleChange(() => refreshMenu());
  browser.runtime.onInstalled.addListener(() => Promise.all([refreshMenu(), syncSites(), injectInto(PORTAL_MATCHES)]));
  browser.runtime.onStartup.addListener(() => Promise.all([refreshMenu(), syncSites()]));
  browser.contextMenus.onClicked.addListener((info, tab) => fillTab(tab?.id, customerOfMenuItem(info.menuItemId)));
  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== FILL_COMMAND) return;
    const [last] = await handlers['page:recent']({ limit: 1 });
    await fillTab(tab?.id, last?.id);
  });
});

/** One storage area as the lock uses it (lib/background/vault-service.ts). */
const keyValue = (area: Browser.storage.StorageArea): KeyValue => ({
  get: async (key) => (await area.get(key))[key],
  set: (key, value) => area.set({ [key]: value }),
  remove: (key) => area.remove(key),
});

/** The settings a backup carries leave the lock's own out: a backup opens without the passphrase (or has its own). */
const withoutVault = (settings: BackupSettings): BackupSettings =>
  Object.fromEntries(Object.entries(settings).filter(([key]) => !Object.values(VAULT_KEYS).includes(key as never)));
