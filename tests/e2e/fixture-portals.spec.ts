import {
  type Browser,
  type BrowserContext,
  type CDPSession,
  chromium,
  expect,
  type Frame,
  type Locator,
  type Page,
  test,
} from '@playwright/test';
import type { FieldRole } from '../../lib/fill/roles';
import { chromiumPath } from '../support/browser';
import {
  EXPECTED,
  type Field,
  frameOf,
  openFixture,
  type PortalPage,
  runFixtureStep,
  type Step,
} from '../support/expected-roles';
import { type PortalServer, startPortalServer } from '../support/portal-server';

// The fixture portals themselves (no extension): every page must hold exactly the fields that
// tests/fixtures/portals/expected-roles.json lists, honeypots must be imperceptible, and values a person types
// must reach each framework's model (window.__submitted), because the extension's e2e tests assert on that.

/** Roles a person sets by ticking a box or choosing an option, not by typing: the value expected is per field. */
const SWITCHES = new Set<FieldRole | 'none'>(['naturalPerson', 'showAddressPhone', 'showBankAccount', 'invoiceType']);
type TextRole = Exclude<FieldRole, 'naturalPerson' | 'showAddressPhone' | 'showBankAccount' | 'invoiceType'>;

/** What a person types for each role: one customer, in the shapes the fields ask for. */
const TYPED: Record<TextRole, string> = {
  name: '杭州西湖龙井茶业有限公司',
  taxId: '913301061430725976',
  address: '杭州市西湖区龙井路1号',
  phone: '0571-88881234',
  addressPhone: '杭州市西湖区龙井路1号 0571-88881234',
  bankName: '杭州银行西湖支行',
  bankAccount: '3301040160001234567',
  bankNameAccount: '杭州银行西湖支行 3301040160001234567',
  email: 'caiwu@longjing-tea.cn',
  mobile: '13905710001',
  remarks: '合同号 HT-2024-018',
};

/** A second customer, written by script the way the fill engine does it. */
const SCRIPTED: Record<TextRole, string> = {
  name: '宁波港湾物流有限公司',
  taxId: '91330206MA2H3K5P7L',
  address: '宁波市北仑区明州路88号',
  phone: '0574-86881234',
  addressPhone: '宁波市北仑区明州路88号 0574-86881234',
  bankName: '宁波银行北仑支行',
  bankAccount: '51010122000123456',
  bankNameAccount: '宁波银行北仑支行 51010122000123456',
  email: 'finance@ningbo-port.cn',
  mobile: '13857400002',
  remarks: '2024年3月技术服务费',
};

type Submitted = Record<string, unknown>;

let server: PortalServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

test.beforeAll(async () => {
  server = await startPortalServer();
  browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
  // One context and one tab for the whole file: every test starts with page.goto, vendor files (TDesign, Element
  // Plus, AntD) come from the cache after their first load, and a new tab per test would cost half a second here.
  context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  page = await context.newPage();
});
test.afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

function portal(name: string): PortalPage {
  const found = EXPECTED.pages.find((p) => p.page === name);
  if (!found) throw new Error(`no page ${name} in expected-roles.json`);
  return found;
}

const frameAt = (path: string[]) => frameOf(page, path);
const runStep = (step: Omit<Step, 'action'> & { action?: Step['action'] }) => runFixtureStep(page, step);
const openPortal = (p: PortalPage, query = '') => openFixture(page, server.url, p, query);

/** Playwright locator for a field outside closed shadow roots (its CSS engine pierces open ones). */
function locate(frame: Frame, field: Field): Locator {
  return field.shadowHost ? frame.locator(field.shadowHost).locator(field.selector) : frame.locator(field.selector);
}

function groupByFrame(fields: Field[]): Map<string, Field[]> {
  const groups = new Map<string, Field[]>();
  for (const f of fields) {
    const key = JSON.stringify(f.frames);
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return groups;
}

function valueAt(data: Submitted, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], data);
}

/**
 * Whether a person can perceive the element (runs in the page): rendered, not transparent, at least 2×2 px,
 * inside the document's visible area and the topmost element at its centre. `via` names an ancestor that a person
 * sees in place of a visually hidden native control (TDesign's checkbox). Must stay self-contained: it is sent
 * to the page as source.
 */
function perceivable(el: Element, via: string | null): boolean {
  const target = via ? el.closest(via) : el;
  if (!target?.isConnected) return false;
  if (target instanceof HTMLInputElement && target.type === 'hidden') return false;
  if (!target.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
  target.scrollIntoView({ block: 'center', inline: 'center' });
  const r = target.getBoundingClientRect();
  if (r.width < 2 || r.height < 2) return false;
  const view = target.ownerDocument.defaultView;
  if (!view || r.right <= 0 || r.bottom <= 0 || r.left >= view.innerWidth || r.top >= view.innerHeight) return false;
  const x = Math.min(Math.max(r.left + r.width / 2, 0), view.innerWidth - 1);
  const y = Math.min(Math.max(r.top + r.height / 2, 0), view.innerHeight - 1);
  const root = target.getRootNode() as Document | ShadowRoot;
  const hit = root.elementFromPoint(x, y);
  return !!hit && (hit === target || target.contains(hit));
}

/**
 * Fields inside a CLOSED shadow root: page scripts see `host.shadowRoot === null` and Playwright's selectors do
 * not enter it, so the test reaches them through the DevTools protocol (DOM.getDocument with pierce), the way a
 * debugger would, and types into them with real mouse and keyboard input. Nothing on the page exposes them.
 */
class ClosedRoots {
  private constructor(
    private readonly cdp: CDPSession,
    private readonly roots: Map<string, number>,
  ) {}

  static async open(hosts: string[]): Promise<ClosedRoots> {
    const cdp = await context.newCDPSession(page);
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const byId = new Map<number, typeof root>();
    const index = (node: typeof root) => {
      byId.set(node.nodeId, node);
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) index(child);
    };
    index(root);
    const roots = new Map<string, number>();
    for (const host of hosts) {
      const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: host });
      expect(nodeIds, `closed shadow host ${host}`).toHaveLength(1);
      const shadow = byId.get(nodeIds[0] ?? -1)?.shadowRoots?.[0];
      expect(shadow?.shadowRootType, `${host} has a closed shadow root`).toBe('closed');
      if (shadow) roots.set(host, shadow.nodeId);
    }
    return new ClosedRoots(cdp, roots);
  }

  async queryAll(host: string, selector: string): Promise<number[]> {
    const nodeId = this.roots.get(host);
    if (nodeId === undefined) throw new Error(`no closed root for ${host}`);
    return (await this.cdp.send('DOM.querySelectorAll', { nodeId, selector })).nodeIds;
  }

  async one(field: Field): Promise<number> {
    const ids = await this.queryAll(field.shadowHost ?? '', field.selector);
    expect(ids, `${field.label}: ${field.shadowHost} ⟶ ${field.selector}`).toHaveLength(1);
    return ids[0] ?? -1;
  }

  async perceivable(field: Field): Promise<boolean> {
    const { object } = await this.cdp.send('DOM.resolveNode', { nodeId: await this.one(field) });
    const { result } = await this.cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function (via) { return (${perceivable.toString()})(this, via); }`,
      arguments: [{ value: field.visibleVia ?? null }],
      returnByValue: true,
    });
    return result.value === true;
  }

  /** Clicks into the field as a person would and types. */
  async type(field: Field, text: string): Promise<void> {
    const nodeId = await this.one(field);
    await this.cdp.send('DOM.scrollIntoViewIfNeeded', { nodeId });
    const { model } = await this.cdp.send('DOM.getBoxModel', { nodeId });
    const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
    await typeLikeAPerson(text);
  }

  detach(): Promise<void> {
    return this.cdp.detach();
  }

  async value(field: Field): Promise<string> {
    const { object } = await this.cdp.send('DOM.resolveNode', { nodeId: await this.one(field) });
    const { result } = await this.cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: 'function () { return this.value; }',
      returnByValue: true,
    });
    return String(result.value);
  }
}

/** Keystrokes for ASCII; CJK text arrives as an input method commits it (one insertText). */
async function typeLikeAPerson(text: string): Promise<void> {
  if (/^[\x20-\x7e]*$/.test(text)) await page.keyboard.type(text);
  else await page.keyboard.insertText(text);
}

/** What the fill engine does in a content script: the native value setter, then an input event. */
function setByScript(input: Element, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')?.set;
  setter?.call(input, value);
  input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', isComposing: false }));
}

async function checkStructure(p: PortalPage, closed: ClosedRoots | null): Promise<void> {
  // Every selector finds exactly one element in its frame's document (or its host's shadow root), both by DOM
  // semantics and for Playwright (whose CSS also pierces open shadow roots).
  for (const [framesKey, fields] of groupByFrame(p.fields)) {
    const frame = await frameAt(JSON.parse(framesKey) as string[]);
    const reachable = fields.filter((f) => !f.closed);
    const counts = await frame.evaluate(
      (list) =>
        list.map(({ host, selector }) => {
          if (!host) return { hosts: 1, matches: document.querySelectorAll(selector).length };
          const hosts = document.querySelectorAll(host);
          const root = hosts[0]?.shadowRoot;
          return { hosts: hosts.length, matches: root ? root.querySelectorAll(selector).length : -1 };
        }),
      reachable.map((f) => ({ host: f.shadowHost, selector: f.selector })),
    );
    reachable.forEach((f, i) => {
      expect(counts[i], `${p.page} ${f.label}: ${f.shadowHost ?? ''} ${f.selector}`).toEqual({ hosts: 1, matches: 1 });
    });
    const located = await Promise.all(reachable.map((f) => locate(frame, f).count()));
    reachable.forEach((f, i) => {
      expect(located[i], `${p.page} ${f.label}: Playwright matches`).toBe(1);
    });

    // Nothing on the frame (light DOM and open shadow roots) is left out of the list.
    const unlisted = await frame.evaluate(
      (list) => {
        const listed = new Set<Element>();
        for (const { host, selector } of list) {
          const root = host ? document.querySelector(host)?.shadowRoot : document;
          for (const el of root?.querySelectorAll(selector) ?? []) listed.add(el);
        }
        const out: string[] = [];
        const walk = (root: Document | ShadowRoot) => {
          for (const el of root.querySelectorAll('*')) {
            if (el.matches('input, textarea, select') && !listed.has(el)) out.push(el.outerHTML.slice(0, 200));
            if (el.shadowRoot) walk(el.shadowRoot);
          }
        };
        walk(document);
        return out;
      },
      reachable.map((f) => ({ host: f.shadowHost, selector: f.selector })),
    );
    expect(unlisted, `${p.page} ${framesKey}: fields missing from expected-roles.json`).toEqual([]);

    for (const f of fields.filter((x) => x.closed)) {
      expect(f.frames, 'closed shadow roots are only checked in the top frame').toEqual([]);
      if (!closed || !f.shadowHost) throw new Error(`${f.label}: closed field without a host`);
      await closed.one(f);
      // Page scripts get nothing from a closed root.
      expect(await frame.evaluate((host) => document.querySelector(host)?.shadowRoot ?? null, f.shadowHost)).toBeNull();
    }
  }
  if (closed) {
    for (const host of new Set(p.fields.filter((f) => f.closed).map((f) => f.shadowHost ?? ''))) {
      const all = await closed.queryAll(host, 'input, textarea, select');
      expect(all.length, `${p.page} ${host}: fields in the closed root`).toBe(
        p.fields.filter((f) => f.closed && f.shadowHost === host).length,
      );
    }
  }

  // No frame of the page holds a field outside the listed frames.
  let total = 0;
  for (const frame of page.frames()) {
    total += await frame.evaluate(() => {
      let n = 0;
      const walk = (root: Document | ShadowRoot) => {
        for (const el of root.querySelectorAll('*')) {
          if (el.matches('input, textarea, select')) n++;
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      walk(document);
      return n;
    });
  }
  expect(total, `${p.page}: fields across all frames`).toBe(p.fields.filter((f) => !f.closed).length);
}

async function isPerceivable(f: Field, closed: ClosedRoots | null): Promise<boolean> {
  if (f.closed) {
    if (!closed) throw new Error('closed field without CDP');
    return closed.perceivable(f);
  }
  return locate(await frameAt(f.frames), f).evaluate(perceivable, f.visibleVia ?? null);
}

async function readSubmitted(p: PortalPage): Promise<Submitted> {
  const frame = await frameAt(p.submittedFrames);
  const handle = await frame.waitForFunction(() => (window as unknown as { __submitted?: unknown }).__submitted);
  return (await handle.jsonValue()) as Submitted;
}

async function submit(p: PortalPage): Promise<Submitted> {
  await (await frameAt(p.submittedFrames)).evaluate(() => {
    delete (window as unknown as { __submitted?: unknown }).__submitted;
  });
  await runStep(p.submit);
  return readSubmitted(p);
}

/**
 * Checks that only some pages need, run on the same loaded page after the shared ones (a page load of TDesign,
 * Element Plus or AntD costs seconds here). The buyer fields then hold the SCRIPTED customer.
 */
const FOLLOW_UPS: Record<string, (p: PortalPage) => Promise<void>> = {
  // el-select opens on a click on its box and takes a click on an option (the dropdown lives in <body>).
  'element-iframe': async (p) => {
    const form = await frameAt(p.submittedFrames);
    await form.locator('.invoice-form .el-select__wrapper').click();
    await form.locator('.el-select-dropdown__item').filter({ hasText: '增值税电子专用发票' }).click();
    await expect(form.locator('.sheet-title')).toHaveText('增值税电子专用发票');
    expect(await submit(p)).toMatchObject({ fplxdm: '028', fplxmc: '增值税电子专用发票', gmfmc: SCRIPTED.name });
  },
  'antd-late': async (p) => {
    // React keeps its own copy of the value: one assigned with `input.value =` (not the native setter) is
    // ignored even with an input event, and the next render (here on focus and blur) puts the store's value back.
    const name = page.locator('#invoice_buyerName');
    await name.evaluate((input: HTMLInputElement) => {
      input.value = '只改了DOM的名称';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await name.click();
    await page.locator('#invoice_buyerTaxNum').click();
    await expect(name).toHaveValue(SCRIPTED.name);
    // AntD's Select opens on a mousedown on its box and takes a click on an option (the dropdown lives in <body>).
    await page.locator('form#invoice .ant-select').click();
    await page.locator('.ant-select-item-option[title="数电专票"]').click();
    await expect(page.locator('form#invoice .ant-select')).toContainText('数电专票');
    expect(await submit(p)).toMatchObject({ invoiceLine: 'bs', buyerName: SCRIPTED.name });
  },
};

test('expected-roles.json covers every fixture page and uses only known roles', () => {
  expect(EXPECTED.pages.map((p) => p.page).sort()).toEqual(
    ['antd-late', 'distractor', 'dppt-blue-invoice', 'element-iframe', 'legacy-table', 'shadow-form'].sort(),
  );
  for (const p of EXPECTED.pages) {
    for (const f of p.fields) {
      if (f.honeypot) expect(f, `${p.page} ${f.label}`).toMatchObject({ role: 'none', visible: false });
      if (f.role !== 'none') expect(f.submittedKey, `${p.page} ${f.label}`).toBeTruthy();
      if (SWITCHES.has(f.role)) expect(f.checkedValue, `${p.page} ${f.label}`).toBeDefined();
    }
  }
  expect(portal('distractor').fields.every((f) => f.role === 'none')).toBe(true);
});

for (const p of EXPECTED.pages) {
  test(`${p.page}: fields match expected-roles.json and typed values reach the page's model`, async () => {
    await openPortal(p);
    const closedHosts = [...new Set(p.fields.filter((f) => f.closed).map((f) => f.shadowHost ?? ''))];
    const closed = closedHosts.length ? await ClosedRoots.open(closedHosts) : null;
    await checkStructure(p, closed);

    for (const step of p.expand) await runStep(step);
    const seen = await Promise.all(p.fields.map((f) => isPerceivable(f, closed)));
    p.fields.forEach((f, i) => {
      expect(seen[i], `${p.page} ${f.label}: perceivable`).toBe(f.visible);
    });

    // Values of the fields that must not change, as shown before anything is typed.
    const unchanged = p.fields.filter((f) => f.role === 'none' && f.submittedKey && !f.honeypot && !f.closed);
    const shownBefore = await Promise.all(unchanged.map(async (f) => locate(await frameAt(f.frames), f).inputValue()));
    const before = new Map(unchanged.map((f, i) => [f, shownBefore[i]]));

    // Type as a person would: page.fill (trusted input events), the tax ID key by key, and into the closed root by
    // clicking at the field and typing.
    for (const f of p.fields) {
      if (f.role === 'none') continue;
      if (f.role === 'invoiceType') {
        await locate(await frameAt(f.frames), f).selectOption(String(f.checkedValue));
        continue;
      }
      if (SWITCHES.has(f.role)) {
        // A person clicks what they see: TDesign's box and label, not its visually hidden native checkbox.
        const box = locate(await frameAt(f.frames), f);
        if (!f.visibleVia) await box.click();
        else {
          const seen = (await box.evaluateHandle((el, via) => el.closest(via), f.visibleVia)).asElement();
          if (!seen) throw new Error(`${f.label}: no ${f.visibleVia} around it`);
          await seen.click();
          await seen.dispose();
        }
        continue;
      }
      const input = f.closed ? null : locate(await frameAt(f.frames), f);
      const text = TYPED[f.role as TextRole];
      if (!input) await closed?.type(f, text);
      else if (f.role === 'taxId') {
        await input.click();
        await page.keyboard.type(TYPED.taxId);
      } else await input.fill(text);
    }
    for (const f of p.fields.filter((x) => x.role !== 'none' && !SWITCHES.has(x.role))) {
      const shown = f.closed ? await closed?.value(f) : await locate(await frameAt(f.frames), f).inputValue();
      expect(shown, `${p.page} ${f.label}: shown after typing`).toBe(TYPED[f.role as keyof typeof TYPED]);
    }

    if (closed) await closed.detach();
    const submitted = await submit(p);
    for (const f of p.fields) {
      if (!f.submittedKey) continue;
      const got = valueAt(submitted, f.submittedKey);
      const where = `${p.page} ${f.label} → __submitted.${f.submittedKey}`;
      if (SWITCHES.has(f.role)) expect(got, where).toBe(f.checkedValue);
      else if (f.role !== 'none') expect(got, where).toBe(TYPED[f.role as TextRole]);
      else if (f.honeypot) expect(got, where).toBe('');
      else if (before.has(f)) expect(String(got), where).toBe(before.get(f));
    }
    await expect((await frameAt(p.submittedFrames)).locator('pre#submitted')).not.toBeEmpty();

    // Then a script replaces the values with another customer's, the way the fill engine writes them: the native
    // value setter plus an input event reaches every framework's model. Fields in the closed root are left out:
    // page scripts cannot reach them (an extension can, through chrome.dom.openOrClosedShadowRoot).
    const scripted = p.fields.filter((f) => f.role !== 'none' && !SWITCHES.has(f.role) && !f.closed);
    for (const f of scripted) {
      await locate(await frameAt(f.frames), f).evaluate(setByScript, SCRIPTED[f.role as TextRole]);
    }
    const again = await submit(p);
    for (const f of scripted) {
      const where = `${p.page} ${f.label} (set by script) → __submitted.${f.submittedKey}`;
      expect(valueAt(again, f.submittedKey ?? ''), where).toBe(SCRIPTED[f.role as TextRole]);
    }
    await FOLLOW_UPS[p.page]?.(p);
  });
}

test('legacy-table works with its form page loaded cross-origin (localhost vs 127.0.0.1)', async () => {
  const p = portal('legacy-table');
  const port = new URL(server.url).port;
  await openPortal(p, `?innerOrigin=${encodeURIComponent(`http://localhost:${port}`)}`);
  const inner = await frameAt(p.submittedFrames);
  expect(new URL(inner.url()).hostname).toBe('localhost');
  expect(new URL(page.url()).hostname).toBe('127.0.0.1');
  // The top page cannot read the form page's document.
  expect(
    await (await frameAt(['iframe#mainFrame'])).evaluate(() => {
      try {
        return !!(document.getElementById('contentFrame') as HTMLIFrameElement).contentDocument;
      } catch {
        return false;
      }
    }),
  ).toBe(false);
  const name = p.fields.find((f) => f.role === 'name');
  if (!name) throw new Error('no name field');
  await locate(inner, name).fill(TYPED.name);
  expect(await submit(p)).toMatchObject({ gfmc: TYPED.name, gmfmc_hp: '', buyer_name: '' });
});
