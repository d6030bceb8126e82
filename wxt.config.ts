import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { FILL_COMMAND } from './lib/background/shortcuts';
import { PORTAL_MATCHES } from './lib/portals';

// Static assets (icons) live in public/, WXT's default publicDir.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Taitou 抬头',
    description: '发票抬头客户簿与购买方一键填写 — customer book and buyer autofill for invoicing portals',
    default_locale: undefined,
    permissions: ['storage', 'unlimitedStorage', 'contextMenus'],
    commands: {
      [FILL_COMMAND]: {
        suggested_key: { default: 'Alt+Shift+F' },
        description: '用最近使用的客户填入购买方 (fill the buyer with the last used customer)',
      },
    },
    // The inline suggestion list and the save prompt are these pages in iframes on portals (lib/fill/extension-frame.ts).
    web_accessible_resources: [{ resources: ['menu.html', 'capture.html'], matches: PORTAL_MATCHES }],
    // A fixed key gives the unpacked build a stable id (tests, demo); stores assign their own.
  },
});
