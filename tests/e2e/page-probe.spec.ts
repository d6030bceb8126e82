import type { Frame, Page } from '@playwright/test';
import { SAMPLE_CUSTOMERS } from '../../lib/demo/samples';
import type { CustomerInput } from '../../lib/domain/customer';
import type { ExtensionBrowser } from '../support/browser';
import { onPlatformHost, openInvoiceForm, popupWithSamples } from '../support/demo-flow';
import { startPortalServer } from '../support/portal-server';
import { expect, test } from './fixtures';

// The page cannot read the book. A script of the page's own, installed before anything else runs in the page (before
// the page's scripts and before Taitou's content script), records everything a page can: the DOM as it changes, the
// shadow roots made through its own attachShadow, window messages and postMessage, its frames and what they let it
// read, storage, its resource timings, and whether it can talk to the extension at all. Then a clerk uses the inline
// list and fills a customer, and nothing of any other customer may have reached any of it.

let portal: Awaited<ReturnType<typeof startPortalServer>>;
test.beforeAll(async () => {
  portal = await startPortalServer();
});
test.afterAll(async () => {
  await portal.close();
});

interface Sweep {
  /** The values of the page's form fields (where a fill legitimately puts the one customer). */
  fields: string[];
  /** Everything else the page could read at that moment, and what its probe recorded since the last sweep. */
  seen: string;
  /** Hosts of the shadow roots made through the page's own Element.prototype.attachShadow. */
  hooked: string[];
  /** What the page could learn of each of its frames: its address, its document, or the error it got. */
  frames: { href: string; document: string }[];
  /** Whether the page has any way to message the extension. */
  runtime: string;
}

/**
 * The probe, as an init script: it runs in the page's main world at document start, in every frame of the page.
 * Playwright also runs init scripts in the extension's own frames (the list, the save prompt): those are skipped, as
 * a page's script never runs there.
 */
function installProbe() {
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return;
  const log: string[] = [];
  const note = (what: string, value: unknown) => {
    let text: string;
    try {
      text = typeof value === 'string' ? value : JSON.stringify(value);
    } catch {
      text = String(value);
    }
    log.push(`${what}: ${text}`);
  };
  // A page may replace attachShadow before any extension code runs, to keep every root, closed ones included.
  const roots: { host: string; root: ShadowRoot }[] = [];
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.push({ host: this.localName, root });
    return root;
  };
  // Every node added, attribute set and text changed, anywhere in the document.
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'childList') {
        for (const n of r.addedNodes) note('added', n instanceof Element ? n.outerHTML : n.textContent);
      } else if (r.type === 'attributes' && r.target instanceof Element) {
        note('attribute', `${r.target.localName} ${r.attributeName}=${r.target.getAttribute(r.attributeName ?? '')}`);
      } else note('text', r.target.textContent);
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  // Messages posted to this window by anyone (a frame of ours included), and what the page's own code posts.
  window.addEventListener('message', (e) => note('message', { origin: e.origin, data: e.data }), true);
  const post = window.postMessage;
  window.postMessage = function (this: Window, ...args: Parameters<Window['postMessage']>) {
    note('postMessage', args[0]);
    return post.apply(this, args);
  } as Window['postMessage'];
  // Events an extension could use to talk to the page.
  for (const type of ['taitou', 'taitou:fill', 'taitou:menu', 'message'])
    document.addEventListener(type, (e) => note(`event ${type}`, (e as CustomEvent).detail ?? ''), true);
  (window as unknown as { __probe: unknown }).__probe = { log, roots };
}

/** What the page can read now (run in the page's main world); `guesses` are tried with find-in-page. */
function sweep(guesses: string[]): Sweep {
  const probe = (window as unknown as { __probe: { log: string[]; roots: { host: string; root: ShadowRoot }[] } })
    .__probe;
  const fields: string[] = [];
  const seen: string[] = [];
  const visit = (root: Document | ShadowRoot) => {
    for (const el of root.querySelectorAll<HTMLInputElement>('input, textarea, select')) fields.push(el.value);
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) {
        seen.push(`open root of ${el.localName}: ${el.shadowRoot.innerHTML}`);
        visit(el.shadowRoot);
      }
    }
  };
  visit(document);
  for (const { host, root } of probe.roots) {
    seen.push(`hooked root of ${host}: ${root.innerHTML}`);
    visit(root);
  }
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a page would scrape
  seen.push(document.documentElement.outerHTML, document.documentElement.innerText, document.title, document.cookie);
  // What a select-all and copy would take; and find-in-page, which (unlike scripts) searches closed shadow roots
  // too: a page can test any text it guesses against Taitou's confirmation.
  const selection = getSelection();
  selection?.selectAllChildren(document.documentElement);
  seen.push(`selection: ${selection?.toString()}`);
  selection?.removeAllRanges();
  type Find = (text: string, caseSensitive: boolean, backwards: boolean, wrapAround: boolean) => boolean;
  const find = (window as unknown as { find?: Find }).find;
  for (const text of guesses) {
    if (find?.call(window, text, true, false, true)) seen.push(`find: ${text}`);
    getSelection()?.removeAllRanges();
  }
  for (const storage of ['localStorage', 'sessionStorage'] as const) {
    try {
      seen.push(JSON.stringify({ ...window[storage] }));
    } catch (e) {
      seen.push(`${storage}: ${(e as Error).name}`); // a frame of another site may be denied its storage
    }
  }
  seen.push(...performance.getEntries().map((e) => e.name));
  // Taitou's hosts as the page sees them: their attributes, and no way in.
  for (const host of document.querySelectorAll('taitou-menu, taitou-toast, taitou-capture')) {
    seen.push(`${host.outerHTML} shadowRoot=${String(host.shadowRoot)}`);
    try {
      host.attachShadow({ mode: 'open' });
      seen.push(`${host.localName}: a second root could be attached`);
    } catch (e) {
      seen.push(`${host.localName}: ${(e as Error).name}`);
    }
  }
  const iframes = [
    ...document.querySelectorAll('iframe'),
    ...probe.roots.flatMap(({ root }) => [...root.querySelectorAll('iframe')]),
  ];
  for (const f of iframes) {
    try {
      seen.push(`iframe ${f.src}: ${f.contentDocument?.documentElement.outerHTML ?? 'no document'}`);
    } catch (e) {
      seen.push(`iframe ${f.src}: ${(e as Error).name}`);
    }
  }
  const frames: Sweep['frames'] = [];
  for (let i = 0; i < window.frames.length; i++) {
    const frame = window.frames[i] as Window;
    const read = (get: () => string) => {
      try {
        return get();
      } catch (e) {
        return (e as Error).name;
      }
    };
    frames.push({
      href: read(() => frame.location.href),
      document: read(() => frame.document.documentElement.outerHTML),
    });
  }
  const chrome = (window as unknown as { chrome?: { runtime?: { sendMessage?: unknown; connect?: unknown } } }).chrome;
  return {
    fields,
    seen: [...seen, ...probe.log.splice(0)].join('\n'),
    hooked: probe.roots.map((r) => r.host),
    frames,
    runtime: `${typeof chrome?.runtime?.sendMessage} ${typeof chrome?.runtime?.connect}`,
  };
}

/** A customer's secrets: name, tax ID, and each address and bank account (phones are too short to tell). */
const secretsOf = (c: CustomerInput) =>
  [c.name, c.taxId ?? '', ...c.entries.flatMap((e) => [e.address ?? '', e.bankAccount ?? ''])].filter(
    (s) => s.length >= 2,
  );

const FILLED = SAMPLE_CUSTOMERS.find((c) => c.name === '杭州西湖龙井茶业有限公司') as CustomerInput;
const OTHERS = SAMPLE_CUSTOMERS.filter((c) => c !== FILLED);

/** Every secret of `customers` found anywhere in `where`, with where it was. */
function found(customers: CustomerInput[], where: Record<string, string>): string[] {
  return customers.flatMap((c) =>
    secretsOf(c).flatMap((s) =>
      Object.entries(where)
        .filter(([, text]) => text.includes(s))
        .map(([name]) => `${c.name}: ${s} in ${name}`),
    ),
  );
}

const everything = (s: Sweep) => ({
  fields: s.fields.join('\n'),
  seen: s.seen,
  frames: JSON.stringify(s.frames),
});

/** Every secret of the book, and a word of Taitou's confirmation, as a page's guesses for find-in-page. */
const GUESSES = [...SAMPLE_CUSTOMERS.flatMap(secretsOf), '已填入'];

async function sweepOf(page: Page | Frame): Promise<Sweep> {
  return page.evaluate(sweep, GUESSES);
}

/** The inline list's frame, reached through Playwright's frame tree (the page has no way to it). */
async function menuText(page: Page, extension: ExtensionBrowser): Promise<string> {
  const menu = page.frames().find((f) => f.url() === extension.url('menu.html'));
  return menu ? ((await menu.locator('body').textContent()) ?? '') : '';
}

test('a page script on the platform sees nothing of the book before a fill, and only the filled customer after', async ({
  extension,
}) => {
  await (await popupWithSamples(extension)).close();
  await extension.context.addInitScript(installProbe);
  const page = await openInvoiceForm(extension, portal.url);
  // The probe works: a closed root made through the page's attachShadow is read, a posted message is heard.
  await page.evaluate(() => {
    const root = document.createElement('probe-check').attachShadow({ mode: 'closed' });
    root.textContent = 'closed-root-read';
    window.postMessage('message-heard', '*');
  });
  await expect.poll(async () => (await sweepOf(page)).seen).toMatch(/closed-root-read[\s\S]*message-heard/);
  const sweeps: [string, Sweep][] = [['loaded', await sweepOf(page)]];

  // Focus opens the list with the recent customers: several customers are in the list's frame, beside the page.
  const name = page.getByPlaceholder('请输入名称');
  await name.focus();
  await expect.poll(() => menuText(page, extension)).toContain('有限公司');
  const shown = await menuText(page, extension);
  expect(OTHERS.filter((c) => shown.includes(c.name)).length).toBeGreaterThanOrEqual(3);
  sweeps.push(['list open', await sweepOf(page)]);

  await page.keyboard.type('hzxhlj');
  await expect.poll(() => menuText(page, extension)).toContain(FILLED.name);
  sweeps.push(['typed', await sweepOf(page)]);
  await page.keyboard.press('ArrowDown');
  sweeps.push(['chosen', await sweepOf(page)]);
  for (const [when, s] of sweeps) {
    expect(found(SAMPLE_CUSTOMERS, everything(s)), `before the fill (${when})`).toEqual([]);
  }

  await page.keyboard.press('Enter');
  await expect(page.getByPlaceholder('请输入统一社会信用代码/纳税人识别号')).toHaveValue(FILLED.taxId ?? '');
  await expect(page.locator('taitou-toast')).toHaveCount(1);
  const filled = await sweepOf(page);
  sweeps.push(['filled', filled]);
  // The invoice is issued: the buyer is known as it is (no save prompt), the history gets the invoice.
  await page.getByRole('button', { name: '发票开具' }).click();
  await page.waitForFunction(() => (window as { __submitted?: unknown }).__submitted);
  await page.waitForTimeout(500);
  await expect(page.locator('taitou-capture')).toHaveCount(0);
  sweeps.push(['issued', await sweepOf(page)]);

  // The confirmation is in a closed root: no script reads it, but find-in-page reaches it (see sweep).
  expect(filled.seen).toContain('find: 已填入');
  // The page saw the list's host come and go (its observer is live), and nothing inside it.
  expect(sweeps.some(([, s]) => s.seen.includes('<taitou-menu'))).toBe(true);
  // The filled customer is in the fields, as the clerk asked...
  for (const secret of [FILLED.name, FILLED.taxId ?? '', FILLED.entries[0]?.bankAccount ?? '']) {
    expect(filled.fields).toContain(secret);
  }
  // ... and nothing of any other customer ever reached the page, in any form it could read.
  for (const [when, s] of sweeps) {
    expect(found(OTHERS, everything(s)), `after the fill (${when})`).toEqual([]);
    // Taitou's roots were never made through the page's attachShadow; its frames could not be read.
    expect(s.hooked.filter((h) => h.startsWith('taitou-'))).toEqual([]);
    // A frame in a shadow tree is not one of window.frames: the page cannot even count the list's frame.
    expect(s.frames, when).toEqual([]);
    expect(s.runtime).toBe('undefined undefined');
  }
});

test('a page on a site the clerk did not enable gets no list, and the list it frames itself shows nothing', async ({
  extension,
}) => {
  await (await popupWithSamples(extension)).close();
  await extension.context.addInitScript(installProbe);
  const page = await extension.context.newPage();
  // The same form, at an address that is neither the platform nor an enabled site.
  await page.goto(`${portal.url}dppt-blue-invoice.html#/blue-invoice-makeout`);
  await page.getByRole('button', { name: '立即开票' }).click();
  await page.getByText('普通发票', { exact: true }).click();
  await page.getByRole('button', { name: '确定' }).click();
  await page.locator('.blue-invoice').waitFor();
  await page.getByPlaceholder('请输入名称').focus();
  await page.keyboard.type('hzxhlj');
  await page.waitForTimeout(500);
  const typed = await sweepOf(page);
  expect(typed.seen).not.toContain('taitou-');
  expect(typed.frames).toEqual([]);

  // The list and the save prompt are web-accessible only to the frames Taitou itself puts in a page (use_dynamic_url):
  // framed by the page at the extension's address, Chrome refuses them and no Taitou page loads.
  await page.evaluate((base) => {
    for (const path of ['menu.html', 'capture.html']) {
      const frame = document.createElement('iframe');
      frame.src = `${base}${path}`;
      document.body.append(frame);
    }
  }, extension.url(''));
  await page.waitForTimeout(1000);
  expect(page.frames().filter((f) => f.url().startsWith(extension.url('')))).toEqual([]);
  const after = await sweepOf(page);
  expect(found(SAMPLE_CUSTOMERS, everything(after))).toEqual([]);
  expect(after.frames.map((f) => f.document)).toEqual(['SecurityError', 'SecurityError']);
  expect(after.runtime).toBe('undefined undefined');
});

test('a frame of another site inside a platform page gets no content script, and no fill reaches it', async ({
  extension,
}) => {
  await (await popupWithSamples(extension)).close();
  await extension.context.addInitScript(installProbe);
  const page = await extension.context.newPage();
  const stranger = new URL(portal.url).origin; // 127.0.0.1: neither the platform nor an enabled site
  await page.goto(onPlatformHost(portal.url, `legacy-table.html?frameOrigin=${encodeURIComponent(stranger)}`));
  const form = page.frameLocator('#mainFrame').frameLocator('#contentFrame');
  await form.locator('input[name="gfmc"]').waitFor();
  const inner = page.frames().find((f) => f.url().startsWith(`${stranger}/legacy-inner.html`));
  if (!inner) throw new Error('no inner form frame');

  // The clerk types in the stranger's buyer field: no list opens there.
  await form.locator('input[name="gfmc"]').click();
  await page.keyboard.type('hzxhlj');
  await page.waitForTimeout(500);
  expect((await sweepOf(inner)).seen).not.toContain('taitou-');

  // Even injected into every frame of the tab, as the background does for a newly enabled site, the content script
  // reaches the platform's frame only: Chrome keeps it out of a frame Taitou has no access to.
  const injected = await extension.worker.evaluate(async (url) => {
    const { chrome } = globalThis as unknown as { chrome: typeof browser };
    const [tab] = await chrome.tabs.query({ url: `${url.split('?')[0]}*` });
    const runs = await chrome.scripting.executeScript({
      target: { tabId: tab?.id ?? -1, allFrames: true },
      func: () => location.origin,
    });
    return runs.map((r) => r.result);
  }, page.url());
  expect(injected).toEqual([new URL(page.url()).origin]);

  // A fill asked for this tab finds no buyer fields it may fill: the stranger's form stays empty.
  const popup = await extension.context.newPage();
  await popup.goto(extension.url('popup.html'));
  const outcome = await popup.evaluate(
    async ({ url, name }) => {
      const { chrome } = globalThis as unknown as { chrome: typeof browser };
      const [tab] = await chrome.tabs.query({ url: `${url.split('?')[0]}*` });
      const send = (type: string, data: unknown) =>
        chrome.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() }) as Promise<{ res?: unknown }>;
      const found = (await send('page:search', { query: name, limit: 1 })).res as { id: string }[];
      return (await send('page:fill', { tabId: tab?.id, id: found[0]?.id })).res;
    },
    { url: page.url(), name: FILLED.name },
  );
  expect(outcome).toEqual({ ok: false, reason: 'noFields' });
  const innerSweep = await sweepOf(inner);
  expect(innerSweep.fields).toContain('hzxhlj');
  expect(found(SAMPLE_CUSTOMERS, everything(innerSweep))).toEqual([]);
  expect(found(SAMPLE_CUSTOMERS, everything(await sweepOf(page)))).toEqual([]);
});
