import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { FILL_COMMAND } from './lib/background/shortcuts';
import { PORTAL_MATCHES } from './lib/portals';

// Static assets (icons) live in public/, WXT's default publicDir.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ manifestVersion }) => ({
    name: 'Taitou 抬头',
    description: '发票抬头客户簿与购买方一键填写 — customer book and buyer autofill for invoicing portals',
    default_locale: undefined,
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
    commands: {
      [FILL_COMMAND]: {
        suggested_key: { default: 'Alt+Shift+F' },
        description: '用最近使用的客户填入购买方 (fill the buyer with the last used customer)',
      },
    },
    // The inline suggestion list and the save prompt are these pages in iframes on portals and on the sites a clerk
    // enabled (lib/fill/extension-frame.ts). Those sites are not known here, so every page may load them.
    web_accessible_resources: [{ resources: ['menu.html', 'capture.html'], matches: ['<all_urls>'] }],
  }),
});
