import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { FILL_COMMAND } from './lib/background/shortcuts';
import { PORTAL_MATCHES } from './lib/portals';

/**
 * The extension pages' (and the worker's) content security policy: only the extension's own bundled scripts run —
 * no inline code, no eval or new Function, no remote or localhost scripts (Chrome's default allows localhost) — and
 * nothing is loaded or sent outside the extension. Images and frames also take the blob: URLs of a customer's
 * licence preview. Trusted Types leave no string-to-markup sink open: nothing in the pages writes HTML from text.
 * No frame-ancestors: the inline list and the save prompt are framed by any site the clerk enables, and the other
 * pages are not web-accessible, so no site can frame them anyway.
 */
const EXTENSION_PAGES_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "img-src 'self' blob:",
  'frame-src blob:',
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ');

// Static assets (icons) live in public/, WXT's default publicDir.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // The popup is built on its own: one script and one stylesheet, with no chunks shared with the other pages. Each
    // file an extension page loads is a round trip through the browser process, and the popup's first rows wait on
    // all of them.
    'entrypoints:grouped': (_, groups) => {
      const pages = groups.find((group) => Array.isArray(group) && group.some((entry) => entry.type === 'popup'));
      if (!Array.isArray(pages) || pages.length === 1) return;
      const popup = pages.splice(
        pages.findIndex((entry) => entry.type === 'popup'),
        1,
      );
      groups.push(popup);
    },
  },
  manifest: ({ manifestVersion, browser, command }) => ({
    name: 'Taitou 抬头',
    description: '发票抬头客户簿与购买方一键填写 — customer book and buyer autofill for invoicing portals',
    default_locale: undefined,
    // storage: settings (tiers, language, remembered column mappings); unlimitedStorage: the book in IndexedDB
    // (100,000 customers, invoice history, licence scans) beyond the default quota; contextMenus: 用 Taitou 填入购买方;
    // scripting: the content script for the sites a clerk enables (lib/portals/sites.ts); activeTab: the popup
    // reads the current tab's address to offer that.
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', 'scripting', 'activeTab'],
    // The national platform's hosts: also lets the background start the content script in portal tabs that were
    // open before Taitou was installed or updated.
    host_permissions: PORTAL_MATCHES,
    // Besides the national platform (the content script's matches), any site, one at a time, when the clerk asks.
    // Manifest V2 (Firefox) lists optional hosts among optional permissions.
    ...(manifestVersion === 3
      ? { optional_host_permissions: ['*://*/*'] }
      : { optional_permissions: ['*://*/*'] as string[] }),
    // What ships (and what the e2e tests run). `npm run dev` keeps WXT's default policy, to which WXT adds its dev
    // server: that server's styles, live reload and error overlay need what the strict one refuses.
    ...(command === 'build' ? { content_security_policy: { extension_pages: EXTENSION_PAGES_CSP } } : {}),
    commands: {
      [FILL_COMMAND]: {
        suggested_key: { default: 'Alt+Shift+F' },
        description: '用最近使用的客户填入购买方 (fill the buyer with the last used customer)',
      },
    },
    // The inline suggestion list and the save prompt are these pages in iframes on portals and on the sites a clerk
    // enabled (lib/fill/extension-frame.ts). Those sites are not known here, so every page may load them.
    // use_dynamic_url (Chrome): a page can no longer fetch them at the extension's fixed id to learn that Taitou is
    // installed; the content script's own frames still load.
    web_accessible_resources: [
      { resources: ['menu.html', 'capture.html'], matches: ['<all_urls>'], use_dynamic_url: true },
    ],
    // Firefox keeps an add-on's storage under its id, and asks what data it collects: none leaves the machine.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'taitou@taitou.invalid', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
