import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test as plain } from '@playwright/test';
import { EXTENSION_DIR, stopWorker } from '../support/browser';
import { openInvoiceForm, popupWithSamples } from '../support/demo-flow';
import { startPortalServer } from '../support/portal-server';
import { expect, test } from './fixtures';

// The built extension, as Chrome gets it: what it may do (permissions, hosts), what its pages may run (the CSP), and
// what its code does with strings. Run after `npx wxt build` (npm run test:e2e builds first).

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
  content_security_policy?: { extension_pages?: string; sandbox?: string };
  web_accessible_resources?: { resources: string[]; matches: string[]; use_dynamic_url?: boolean }[];
  content_scripts?: { matches: string[]; js: string[]; all_frames?: boolean }[];
  externally_connectable?: unknown;
  sandbox?: unknown;
  key?: string;
}

const manifest = (): Manifest => JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));

/** Every file of the build under `dir` whose name ends with `ext`, as [path in the build, text]. */
function built(ext: string, dir = EXTENSION_DIR): [string, string][] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry): [string, string][] => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return built(ext, path);
    return entry.name.endsWith(ext) ? [[relative(EXTENSION_DIR, path), readFileSync(path, 'utf8')]] : [];
  });
}

const PLATFORM_HOSTS = ['*://*.chinatax.gov.cn/*'];

const CSP = [
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

plain('the manifest asks for what Taitou uses: the platform’s hosts, other sites one at a time', () => {
  const m = manifest();
  expect(m.permissions).toEqual(['storage', 'unlimitedStorage', 'contextMenus', 'scripting', 'activeTab']);
  expect(m.host_permissions).toEqual(PLATFORM_HOSTS);
  expect(m.content_scripts).toEqual([{ matches: PLATFORM_HOSTS, all_frames: true, js: ['content-scripts/portal.js'] }]);
  expect(m.optional_host_permissions).toEqual(['*://*/*']);
  expect(m.optional_permissions).toBeUndefined();
  // No web page or other extension may message Taitou, and there is no sandboxed page with a laxer policy.
  expect(m.externally_connectable).toBeUndefined();
  expect(m.sandbox).toBeUndefined();
  expect(m.content_security_policy?.sandbox).toBeUndefined();
  expect(m.web_accessible_resources).toEqual([
    { resources: ['menu.html', 'capture.html'], matches: ['<all_urls>'], use_dynamic_url: true },
  ]);
});

plain('each permission is used by the built code', () => {
  const code = built('.js')
    .map(([, text]) => text)
    .join('\n');
  // activeTab and unlimitedStorage have no API of their own: the popup reads the active tab's address
  // (tabs.query, SiteAccess), and the book lives in IndexedDB.
  const uses: Record<string, RegExp> = {
    storage: /\.storage\.local\.(get|set)\(/,
    contextMenus: /\.contextMenus\.create\(/,
    scripting: /\.scripting\.registerContentScripts\(/,
    activeTab: /\.tabs\.query\(\{\s*active:\s*(!0|true),\s*currentWindow:\s*(!0|true)\s*\}\)/,
    unlimitedStorage: /indexedDB\.open\(/,
  };
  for (const permission of manifest().permissions ?? []) {
    expect(uses[permission], `no use known for ${permission}`).toBeDefined();
    expect(code, permission).toMatch(uses[permission] as RegExp);
  }
});

plain('extension pages get a strict CSP', () => {
  expect(manifest().content_security_policy?.extension_pages).toBe(CSP);
});

plain('no remote code: the pages load only their own bundled scripts', () => {
  const pages = built('.html');
  expect(pages.map(([path]) => path).sort()).toEqual(['capture.html', 'manager.html', 'menu.html', 'popup.html']);
  for (const [path, html] of pages) {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const [, attributes = '', body = ''] of scripts) {
      expect(body.trim(), `inline script in ${path}`).toBe('');
      expect(attributes, path).toMatch(/\bsrc="\/[^"/][^"]*\.js"/);
    }
    for (const [, url] of html.matchAll(/\b(?:src|href)="([^"]*)"/g)) expect(url, path).toMatch(/^\/[^/]/);
  }
});

plain('no code from strings: no eval, no Function constructor but zod’s, which jitless leaves unused', () => {
  for (const [path, code] of built('.js')) {
    expect(code, path).not.toMatch(/(^|[^\w$.])eval\s*\(/);
    expect(code, path).not.toMatch(/set(Timeout|Interval)\(\s*["'`]/);
    expect(code, path).not.toMatch(/importScripts\s*\(/);
    expect(code, path).not.toMatch(/import\(\s*["'`]https?:/);
    expect(code, path).not.toMatch(/document\.write(ln)?\(/);
    // Every mention of Function by itself: webextension-polyfill borrows Function.call; zod compiles its fast
    // parsers with `new Function` and probes for it, both only when its jitless setting is off.
    const known = [
      /^Function\.call\.bind\(/,
      /^Function\(``\),!0\}catch\{return!1\}/,
      /^Function,\w+=this\?\.content\?\?\[``\];return new \w+\(\.\.\.Object\.keys\(this\.closed\)/,
    ];
    for (const match of code.matchAll(/(?<![\w$.])Function\b/g)) {
      const at = code.slice(match.index, match.index + 120);
      expect(
        known.some((k) => k.test(at)),
        `${path}: ${code.slice(match.index - 60, match.index + 60)}`,
      ).toBe(true);
    }
    // A bundle with zod turns its JIT off (lib/domain/zod.ts) before any schema is made.
    if (code.includes('.jitless')) expect(code, path).toMatch(/\(\{jitless:!0\}\)/);
  }
});

test('Chrome runs the extension under that manifest, and a web page cannot find Taitou’s pages', async ({
  extension,
}) => {
  const loaded = await extension.worker.evaluate<Manifest>('chrome.runtime.getManifest()');
  expect(loaded.content_security_policy).toEqual({ extension_pages: CSP });
  expect(loaded.permissions).toEqual(manifest().permissions);

  // A page may load the inline list and the save prompt only through the frames Taitou puts there: at the
  // extension's fixed id they are not there for it to probe (use_dynamic_url).
  const portal = await startPortalServer();
  try {
    const page = await openInvoiceForm(extension, portal.url);
    for (const path of ['menu.html', 'capture.html', 'popup.html', 'manager.html']) {
      const found = await page.evaluate(
        (url) =>
          fetch(url).then(
            () => 'fetched',
            () => 'refused',
          ),
        extension.url(path),
      );
      expect(found, path).toBe('refused');
    }
    // ...and the inline list still opens in the page.
    await page.getByPlaceholder('请输入名称').focus();
    await page.keyboard.type('样本');
    await expect.poll(() => page.frames().some((f) => f.url() === extension.url('menu.html'))).toBe(true);
  } finally {
    await portal.close();
  }
});

test('under the CSP nothing is refused: the pages parse files and messages without evaluating strings or writing HTML', async ({
  extension,
}) => {
  test.setTimeout(90_000);
  await (await popupWithSamples(extension)).close();
  const refused: string[] = [];
  extension.context.on('console', (message) => {
    if (/Content Security Policy|unsafe-eval|Trusted Type/i.test(message.text())) refused.push(message.text());
  });
  // A refusal the page catches (zod's probe does) is not logged, but is still an event.
  await extension.context.exposeBinding('__refused', ({ frame }, what: string) =>
    refused.push(`${what} in ${frame.url()}`),
  );
  await extension.context.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __refused(what: string): void }).__refused(`${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
  // A fresh worker starts under the CSP for the manager's first message. (A refusal inside the worker is neither
  // logged nor seen here: that zod's JIT is off there is checked in the built code above.)
  await stopWorker(extension);
  const manager = await extension.context.newPage();
  await manager.goto(extension.url('manager.html'));
  await expect(manager.locator('.count')).toHaveText(/^显示 \d+ \/ 共 \d+ 个客户$/);
  await manager.getByRole('button', { name: '导入', exact: true }).click();
  await manager.getByLabel('选择文件（Excel 或 CSV）…').setInputFiles({
    name: '客户.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('客户名称,税号\r\n宁波港湾物流有限公司,91330206MA2H3K5P7L\r\n'),
  });
  await expect(manager.getByRole('region', { name: '导入预览' }).getByRole('row')).toHaveCount(2);
  // An "Excel" file that is an HTML table, as many systems export: read as text, never parsed into the page.
  await manager.getByRole('button', { name: '换一个文件' }).click();
  await manager.getByLabel('选择文件（Excel 或 CSV）…').setInputFiles({
    name: '客户.xls',
    mimeType: 'application/vnd.ms-excel',
    buffer: Buffer.from(
      '<html><body><table><tr><td>客户名称</td><td>税号</td></tr>' +
        '<tr><td>宁波港湾物流有限公司</td><td>91330206MA2H3K5P7L</td></tr>' +
        '<tr><td>&lt;img src=x onerror=alert(1)&gt;有限公司</td><td></td></tr></table></body></html>',
    ),
  });
  await expect(manager.getByRole('region', { name: '导入预览' }).getByRole('row')).toHaveCount(3);
  expect(refused).toEqual([]);
});
