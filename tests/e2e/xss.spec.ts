import { utils, write } from '@e965/xlsx';
import type { BrowserContext, Frame, Locator, Page } from '@playwright/test';
import type { Customer } from '../../lib/domain/customer';
import type { Tier } from '../../lib/domain/tiers';
import type { ExtensionBrowser } from '../support/browser';
import { openInvoiceForm } from '../support/demo-flow';
import { uscc } from '../support/import-files';
import { DETAILED_HEADERS, SELLER } from '../support/invoice-export';
import { startPortalServer } from '../support/portal-server';
import { closedShadowText } from '../support/shadow-text';
import { asPlaceholder, cut, XSS_CORPUS, type XssPayload } from '../support/xss-corpus';
import { expect, test } from './fixtures';

// Every payload of the corpus goes into every text field a customer, a tier or a file has, and every surface that
// shows them is opened: the popup, the manager's views, the inline list and the save prompt in a portal, and the
// confirmation a fill leaves there. Nothing may run: the sentinel the payloads call, a dialog, a page error naming the
// sentinel or a CSP refusal in an extension page would each say it did.

/** Everything that would show a payload ran, or was about to and was stopped by the CSP. */
class Watch {
  readonly seen: string[] = [];

  static async on(context: BrowserContext): Promise<Watch> {
    const watch = new Watch();
    await context.exposeBinding('__xss', ({ frame }, n: unknown) => watch.seen.push(`__xss(${n}) in ${frame.url()}`));
    await context.exposeBinding('__xssCsp', ({ frame }, what: unknown) =>
      watch.seen.push(`CSP ${what} in ${frame.url()}`),
    );
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { __xssCsp(what: string): void }).__xssCsp(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    context.on('dialog', (dialog) => {
      watch.seen.push(`${dialog.type()} dialog: ${dialog.message()}`);
      dialog.dismiss().catch(() => undefined);
    });
    context.on('weberror', (error) => {
      if (/xss|alert/i.test(error.error().message)) watch.seen.push(`page error: ${error.error().message}`);
    });
    context.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) watch.seen.push(`console: ${message.text()}`);
    });
    return watch;
  }
}

/** Sends one message to the worker as the extension's own pages do (@webext-core/messaging's envelope). */
async function send<T>(page: Page, type: string, data: unknown): Promise<T> {
  return page.evaluate(
    async ([type, data]) => {
      const { chrome } = globalThis as unknown as { chrome: typeof browser };
      const reply = (await chrome.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() })) as {
        res?: unknown;
        err?: { message?: string };
      };
      if (reply?.err) throw new Error(`${type}: ${reply.err.message}`);
      return reply?.res;
    },
    [type, data] as const,
  ) as Promise<T>;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** A word in each corpus customer's name that finds it (and its twin) in any search. */
const markerOf = (p: XssPayload) => `样本${pad(p.n)}`;
const YEAR_MS = 365 * 24 * 3600 * 1000;

/** A customer with the payload in every text field it has; its twin has the same name in another legal form. */
function customerInput(p: XssPayload, twin: boolean) {
  const tail = `${markerOf(p)}${twin ? '科技有限责任公司' : '科技有限公司'}`;
  const entry = (id: string, prefix: string) => ({
    id,
    label: cut(`${prefix}${p.text}`, 60),
    address: cut(`${prefix}${p.text}`, 300),
    phone: cut(`${prefix}${p.text}`, 60),
    bankName: cut(`${prefix}${p.text}`, 120),
    bankAccount: cut(`${prefix}${p.text}`, 50),
  });
  return {
    name: `${cut(p.text, 300 - tail.length)}${tail}`,
    // Tax IDs are unique in the book: the number first keeps cut payloads apart.
    taxId: twin ? '' : cut(`${pad(p.n)}${p.text}`, 20),
    entries: [entry('main', ''), entry('alt', '仓库')],
    defaultEntryId: 'main',
    email: cut(p.text, 200),
    mobile: cut(p.text, 30),
    contact: cut(p.text, 60),
    tier: `T${pad(p.n)}`,
    tags: [cut(p.text, 40), markerOf(p)],
    notes: cut(p.text, 5000),
    invoiceDefaults: {
      type: null,
      // The payload's placeholder first: a long name put in for {客户名称} pushes what follows past the limit.
      remarks: cut(`${asPlaceholder(p.text)} 合同{合同号} {客户名称} ${p.text}`, 230),
      deliveryEmail: cut(p.text, 200),
      deliveryMobile: cut(p.text, 30),
      showAddressBank: null,
    },
    review: { status: 'verified', by: cut(p.text, 60), at: Date.now() - 2 * YEAR_MS },
  };
}

/** A tier per payload: its label, remarks template and delivery details hold it. */
function tierOf(p: XssPayload): Tier {
  return {
    id: `T${pad(p.n)}`,
    label: cut(p.text, 40).trim() || `T${pad(p.n)}`,
    defaults: {
      invoiceType: null,
      remarks: cut(`${asPlaceholder(p.text)}${p.text}`, 230),
      deliveryEmail: cut(p.text, 200),
      deliveryMobile: cut(p.text, 30),
    },
  };
}

/**
 * Whether the book's name matching (similar names, the dedup scan) finds a name at all; not this spec's business.
 * Full-width punctuation (＜) is folded in queries but kept in the stored name key, and a 300-character name is not
 * compared.
 */
const comparable = (name: string) => !/[\uff01-\uff5e]/.test(name) && name.length < 200;

/** The book as stored, by payload: what the surfaces must show literally. */
interface Seeded {
  customer: Customer;
  twin: Customer;
  tier: Tier;
}

/** Fills the book with the corpus (through the worker, as the pages do) and its tiers; returns what was stored. */
async function seed(extension: ExtensionBrowser): Promise<Map<number, Seeded>> {
  const page = await extension.context.newPage();
  await page.goto(extension.url('popup.html'));
  const tiers = XSS_CORPUS.map(tierOf);
  await page.evaluate(async (tiers) => {
    const { chrome } = globalThis as unknown as { chrome: typeof browser };
    await chrome.storage.local.set({ tiers });
  }, tiers);
  const out = new Map<number, Seeded>();
  for (const p of XSS_CORPUS) {
    const created = async (twin: boolean) => {
      const result = await send<{ ok: boolean; value: Customer; error?: unknown }>(page, 'page:create', {
        input: customerInput(p, twin),
      });
      if (!result.ok) throw new Error(`payload ${p.n} (${p.kind}) not stored: ${JSON.stringify(result.error)}`);
      return result.value;
    };
    out.set(p.n, { customer: await created(false), twin: await created(true), tier: tiers[p.n - 1] as Tier });
  }
  await page.close();
  return out;
}

/** The raw text of each element (Playwright's toHaveText folds white space; the payloads must show exactly). */
/**
 * Elements or attributes in the document that only a payload read as markup would have made: event handler
 * attributes, javascript: URLs, srcdoc, the corpus's img src=x, and (in the extension's own pages, which have none
 * in their body) script, style, base, meta and the like. A portal page has its own scripts: there only attributes
 * are looked at.
 */
const injected = (target: Page | Frame, ownPage = true) =>
  target.evaluate((ownPage) => {
    const tags = ['script', 'base', 'meta', 'object', 'embed', 'style', 'math', 'details', 'template'];
    const urls = ['href', 'xlink:href', 'src', 'data', 'action', 'formaction', 'poster', 'background'];
    return [...document.querySelectorAll('*')]
      .filter(
        (el) =>
          [...el.attributes].some(
            (a) =>
              a.name.startsWith('on') ||
              a.name === 'srcdoc' ||
              (urls.includes(a.name) && a.value.trim().toLowerCase().startsWith('javascript:')),
          ) ||
          (el.localName === 'img' && el.getAttribute('src') === 'x') ||
          (ownPage && document.body.contains(el) && tags.includes(el.localName)),
      )
      .map((el) => el.outerHTML.slice(0, 200));
  }, ownPage);

/** A value as the dictionary puts it into a sentence: isolated when it carries direction controls (messages.ts). */
const inSentence = (value: string) => (/[\u202a-\u202e\u2066-\u2069]/.test(value) ? `\u2068${value}\u2069` : value);
const textsOf = (locator: Locator) => locator.evaluateAll((els) => els.map((el) => el.textContent ?? ''));

let watch: Watch;
test.beforeEach(async ({ extension }) => {
  watch = await Watch.on(extension.context);
});
test.afterEach(() => {
  expect(watch.seen, 'something in the corpus ran').toEqual([]);
});

test('popup: recent list, search results, copy buttons and the quick-add duplicate warning show every payload as text', async ({
  extension,
}) => {
  test.setTimeout(240_000);
  await extension.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const book = await seed(extension);
  const popup = await extension.context.newPage();
  await popup.goto(extension.url('popup.html'));

  // Recent: the 20 customers changed last.
  const names = new Set([...book.values()].flatMap((s) => [s.customer.name, s.twin.name]));
  const recent = popup.getByRole('option').locator('.name');
  await expect(recent).toHaveCount(20);
  for (const shown of await textsOf(recent)) expect(names).toContain(shown);

  const search = popup.getByRole('combobox', { name: '搜索客户' });
  for (const p of XSS_CORPUS) {
    const { customer, twin } = book.get(p.n) as Seeded;
    await search.fill(markerOf(p));
    const options = popup.getByRole('option');
    await expect
      .poll(async () => (await textsOf(options.locator('.name'))).sort())
      .toEqual([customer.name, twin.name].sort());
    // The chosen one's fields, each with its copy button.
    const chosen = (await textsOf(options.first().locator('.name')))[0] === customer.name ? customer : twin;
    const fields = popup.locator('section.copy-fields');
    await expect(fields).toHaveAttribute('aria-label', chosen.name);
    const entry = chosen.entries.find((e) => e.id === chosen.defaultEntryId);
    const values = [chosen.name, chosen.taxId, entry?.address, entry?.phone, entry?.bankName, entry?.bankAccount];
    const shown = await textsOf(fields.locator('li > span:not(.label)'));
    expect(shown).toEqual(values.filter(Boolean));
    await popup.getByRole('button', { name: '复制名称' }).click();
    expect(await popup.evaluate(() => navigator.clipboard.readText())).toBe(chosen.name);
  }

  // Quick add: a tax ID the book has, then a name it has, each warns with the customer's name.
  await popup.keyboard.press('Alt+N');
  const warnings = () => textsOf(popup.locator('ul.duplicates li > span'));
  for (const p of XSS_CORPUS) {
    const { customer, twin } = book.get(p.n) as Seeded;
    await popup.getByLabel('名称', { exact: true }).fill('');
    await popup.getByLabel('纳税人识别号').fill(customer.taxId);
    await expect.poll(warnings).toEqual([`已存在同税号客户：${inSentence(customer.name)}`]);
    await popup.getByLabel('纳税人识别号').fill('');
    if (!comparable(twin.name)) continue;
    await popup.getByLabel('名称', { exact: true }).fill(twin.name);
    await expect.poll(warnings).toContain(`名称相似：${inSentence(twin.name)}`);
  }
  expect(await injected(popup)).toEqual([]);

  // The inline list's 新增客户 opens quick add with what was typed in the portal, through the page's address.
  for (const p of XSS_CORPUS) {
    const typed = cut(p.text, 100).trim();
    await popup.goto(`${extension.url('popup.html')}?add=${encodeURIComponent(typed)}`);
    const field = /^[0-9A-Za-z]{6,20}$/.test(typed) ? '纳税人识别号' : '名称';
    await expect(popup.getByLabel(field, { exact: true })).toHaveValue(oneLine(typed));
    expect(await injected(popup)).toEqual([]);
  }
});

/** The values of every form control in `scope`, and the text of the chosen option of each select. */
const valuesIn = (scope: Locator) =>
  scope.evaluate((root) =>
    [
      ...root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input, textarea, select'),
    ].map((el) => (el instanceof HTMLSelectElement ? (el.selectedOptions[0]?.textContent ?? '') : el.value)),
  );

/** Every text field of a stored customer, as its editor must show it. */
function fieldsOf(c: Customer): string[] {
  return [
    c.name,
    c.taxId,
    ...c.entries.flatMap((e) => [e.label, e.address, e.phone, e.bankName, e.bankAccount]),
    c.email,
    c.mobile,
    c.contact,
    c.tags.join('，'),
    c.notes,
    c.invoiceDefaults.remarks,
    c.invoiceDefaults.deliveryEmail,
    c.invoiceDefaults.deliveryMobile,
    c.review.by,
  ].filter(Boolean);
}

const oneLine = (text: string) => text.replace(/[\r\n]/g, '');

async function openManager(extension: ExtensionBrowser, count: number): Promise<Page> {
  const page = await extension.context.newPage();
  await page.goto(extension.url('manager.html'));
  await expect(page.locator('.count')).toHaveText(`显示 ${count} / 共 ${count} 个客户`);
  return page;
}

test('manager: the table, the editor with its history and attachments show every payload as text', async ({
  extension,
}) => {
  test.setTimeout(300_000);
  const book = await seed(extension);
  const helper = await extension.context.newPage();
  await helper.goto(extension.url('popup.html'));
  const png = (await helper.screenshot({ clip: { x: 0, y: 0, width: 8, height: 8 } })).toString('base64');
  const files = new Map<number, string>();
  for (const p of XSS_CORPUS) {
    const { customer } = book.get(p.n) as Seeded;
    const name = `${cut(p.text, 250)}.png`;
    const attached = await send<{ ok: boolean; value: { name: string } }>(helper, 'page:attach', {
      customerId: customer.id,
      name,
      data: png,
    });
    expect(attached.ok).toBe(true);
    files.set(p.n, attached.value.name);
    // A second revision, so that the history has an edit to show and undo.
    const edited = await send<{ ok: boolean; value: Customer }>(helper, 'page:update', {
      id: customer.id,
      revision: customer.revision,
      input: { ...customer, contact: cut(`改${p.text}`, 60) },
    });
    expect(edited.ok).toBe(true);
    book.set(p.n, { ...(book.get(p.n) as Seeded), customer: edited.value });
  }
  await helper.close();

  const page = await openManager(extension, XSS_CORPUS.length * 2);
  const filter = page.getByRole('searchbox', { name: /筛选/ });
  const editor = page.locator('aside.editor');
  for (const p of XSS_CORPUS) {
    const { customer, twin, tier } = book.get(p.n) as Seeded;
    await filter.fill(markerOf(p));
    const names = page.locator('tbody td.name button');
    await expect.poll(async () => (await textsOf(names)).sort()).toEqual([customer.name, twin.name].sort());
    const column = (at: number) =>
      page
        .locator('tbody tr:not(.spacer)')
        .evaluateAll((rows, at) => rows.map((row) => row.querySelectorAll('td')[at]?.textContent ?? ''), at);
    expect(await column(2)).toContain(customer.taxId);
    // The tier by its label, once the page has read the tiers.
    await expect.poll(() => column(3)).toEqual([tier.label, tier.label]);

    for (const c of [customer, twin]) {
      await names.nth((await textsOf(names)).indexOf(c.name)).click();
      await expect.poll(() => textsOf(editor.locator('h2'))).toEqual([c.name]);
      await expect(editor).toHaveAttribute('aria-label', `编辑 ${inSentence(c.name)}`);
      // A one-line input drops line breaks, and a textarea writes \r\n as \n: compare without them.
      const values = (await valuesIn(editor)).map(oneLine);
      for (const value of fieldsOf(c)) expect(values).toContain(oneLine(value));
      await expect.poll(async () => (await valuesIn(editor)).map(oneLine)).toContain(oneLine(tier.label));
      if (c === twin) {
        // The twin leaves its invoice defaults to its tier: the editor says what the tier gives, once it has read the
        // tiers.
        for (const value of [tier.defaults.remarks, tier.defaults.deliveryEmail ?? '']) {
          await expect.poll(async () => (await textsOf(editor))[0]).toContain(value);
        }
      }
    }
    // The customer's history (create, edit) and its licence, listed and previewed under the name it was given.
    await names.nth((await textsOf(names)).indexOf(customer.name)).click();
    await expect(editor.locator('ol.history li')).toHaveCount(2);
    const file = editor.locator('section.attachments li button').first();
    await expect.poll(() => textsOf(file)).toEqual([files.get(p.n)]);
    await file.click();
    const preview = editor.locator('dialog.preview');
    await expect.poll(() => textsOf(preview.locator('strong'))).toEqual([files.get(p.n)]);
    await expect(preview.locator('img')).toHaveAttribute('alt', files.get(p.n) as string);
    await preview.getByRole('button', { name: '关闭' }).click();
    await expect(preview).toHaveCount(0);
  }
  expect(await injected(page)).toEqual([]);
});

test('manager: filters, the review queue, the dedup scan and the tiers show every payload as text', async ({
  extension,
}) => {
  test.setTimeout(300_000);
  const book = await seed(extension);
  const all = [...book.values()];
  const page = await openManager(extension, XSS_CORPUS.length * 2);

  // The filters list every tier and tag the book holds.
  const tierOptions = () => textsOf(page.getByRole('combobox', { name: '等级' }).locator('option'));
  await expect.poll(tierOptions).toEqual(expect.arrayContaining(all.map(({ tier }) => tier.label)));
  const tagOptions = await textsOf(page.getByRole('combobox', { name: '标签' }).locator('option'));
  for (const { customer } of all) for (const tag of customer.tags) expect(tagOptions).toContain(tag);

  // 待核实: every customer was verified two years ago, by someone whose name is a payload.
  await page.getByRole('button', { name: '待核实' }).click();
  const queued = page.locator('ul.review-list li');
  await expect(queued).toHaveCount(all.length * 2);
  const whos = await textsOf(queued.locator('.who strong'));
  const taxIds = await textsOf(queued.locator('.who small'));
  for (const { customer, twin } of all) {
    expect(whos).toContain(customer.name);
    expect(whos).toContain(twin.name);
    expect(taxIds).toContain(customer.taxId);
  }
  expect(await injected(page)).toEqual([]);
  await page.getByRole('button', { name: '关闭' }).click();

  // 去重: each customer and its twin (the same name, another legal form) side by side, every field shown.
  await page.getByRole('button', { name: '去重' }).click();
  const clusters = page.locator('article.cluster');
  await expect(clusters.first()).toBeVisible();
  const more = page.getByRole('button', { name: /^再显示/ });
  while (await more.count()) await more.click();
  const cards = await clusters.evaluateAll((els) => els.map((el) => el.textContent ?? ''));
  for (const { customer, twin } of all) {
    if (!comparable(customer.name)) continue;
    const card = cards.find((text) => text.includes(customer.name));
    expect(card, `no dedup card for ${customer.name}`).toBeDefined();
    for (const value of [twin.name, customer.taxId, customer.contact, customer.email, customer.mobile]) {
      expect(card).toContain(value);
    }
  }
  expect(await injected(page)).toEqual([]);
  await page.getByRole('button', { name: '关闭' }).click();

  // 等级与开票默认: each tier's name, remarks template, preview and delivery details.
  await page.getByRole('button', { name: '等级与开票默认' }).click();
  const list = page.locator('ul.tier-list');
  for (const p of XSS_CORPUS) {
    const { customer, twin, tier } = book.get(p.n) as Seeded;
    const items = list.locator('.tier-name');
    await items.nth((await textsOf(items)).indexOf(tier.label)).click();
    await expect(page.locator('#tier-label')).toHaveValue(oneLine(tier.label));
    const form = page.getByRole('form', { name: '开票默认' });
    const values = (await valuesIn(form)).map(oneLine);
    for (const value of [tier.defaults.remarks, tier.defaults.deliveryEmail, tier.defaults.deliveryMobile]) {
      expect(values).toContain(oneLine(value ?? ''));
    }
    // The preview fills the template for the tier's first customer and names what it could not fill.
    const preview = (await textsOf(form.locator('.remarks-preview')))[0] ?? '';
    expect(preview.includes(customer.name) || preview.includes(twin.name)).toBe(true);
    expect(preview).toContain(asPlaceholder(p.text));
  }
  expect(await injected(page)).toEqual([]);
});

/** A payload as a file or sheet name can hold it: no path separators or NUL, short enough for the file system. */
const fileSafe = (text: string, max: number) => cut(text.replace(/[/\\\0]/g, '_'), max);

/**
 * A real .xlsx with its text in shared strings, as Excel writes it. (SheetJS reads the entities of an inline t="str"
 * cell twice — &amp;lt; comes back as < — which would blur what the file says with what the page shows.)
 */
function sharedStringsWorkbook(sheets: Record<string, unknown[][]>): Buffer {
  const book = utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) utils.book_append_sheet(book, utils.aoa_to_sheet(rows), name);
  return write(book, { type: 'buffer', bookType: 'xlsx', bookSST: true });
}

/** A cell's text as read back from the file: XML keeps a line break as \n. */
const asRead = (cell: unknown) => String(cell).replace(/\r\n?/g, '\n');

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

test('manager: an import shows file names, sheets, columns and rows as text; invoice buyers and items reach analytics as text', async ({
  extension,
}) => {
  test.setTimeout(300_000);
  const page = await extension.context.newPage();
  await page.goto(extension.url('manager.html'));
  await page.getByRole('button', { name: '导入', exact: true }).click();
  const choose = page.getByLabel('选择文件（Excel 或 CSV）…');

  // One workbook with the corpus everywhere: title rows, extra columns' headers, every cell, sheet names.
  const header = ['客户名称', '统一社会信用代码/纳税人识别号', '地址', '电话', '开户行名称', '银行账号', '备注'];
  const extra = XSS_CORPUS.map((p) => cut(p.text, 60));
  const rows = XSS_CORPUS.map((p) => [
    `${cut(p.text, 280)}${markerOf(p)}有限公司`,
    cut(`${pad(p.n)}${p.text}`, 20),
    cut(p.text, 300),
    cut(p.text, 60),
    cut(p.text, 120),
    cut(p.text, 50),
    cut(p.text, 5000),
    ...extra,
  ]);
  const sheetNames = XSS_CORPUS.slice(0, 5).map((p) => fileSafe(p.text.replace(/[?*[\]:]/g, '_'), 28) + pad(p.n));
  const sheets: Record<string, unknown[][]> = {
    [sheetNames[0] as string]: [[XSS_CORPUS[0]?.text], [XSS_CORPUS[1]?.text], [...header, ...extra], ...rows],
  };
  for (const name of sheetNames.slice(1)) sheets[name] = [header, rows[0] ?? []];
  const fileName = `${fileSafe(XSS_CORPUS[1]?.text ?? '', 60)}.xlsx`;
  await choose.setInputFiles({ name: fileName, mimeType: XLSX_TYPE, buffer: sharedStringsWorkbook(sheets) });
  const preview = page.getByRole('region', { name: '导入预览' });
  await expect(preview.getByRole('row')).toHaveCount(rows.length + 1);
  await expect.poll(() => textsOf(page.locator('.import-file strong'))).toEqual([fileName]);
  const sheetOptions = await textsOf(page.locator('.import-file select option'));
  for (const name of sheetNames) expect(sheetOptions.some((o) => o.includes(name))).toBe(true);
  // The mapping: each column's header and the first row's value (XML keeps a line break as \n).
  const mapping = await page
    .locator('table.mapping tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].slice(1, 3).map((td) => td.textContent ?? '')),
    );
  expect(mapping.map((m) => m[0])).toEqual([...header, ...extra].map(asRead));
  expect(mapping.map((m) => m[1])).toEqual(rows[0]?.map(asRead));
  // Each row's name and tax ID as read.
  const shown = await preview
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].slice(2, 4).map((td) => td.textContent ?? '')),
    );
  expect(shown.map((s) => s[0])).toEqual(rows.map((r) => asRead(r[0])));
  expect(shown.map((s) => s[1])).toEqual(rows.map((r) => asRead(r[1])));
  expect(await injected(page)).toEqual([]);

  // Every payload as a file's name.
  for (const p of XSS_CORPUS) {
    const name = `${fileSafe(p.text, 60)}.csv`;
    await page.getByRole('button', { name: '换一个文件' }).click();
    await choose.setInputFiles({
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(`客户名称,税号\r\n${markerOf(p)}有限公司,\r\n`),
    });
    await expect.poll(() => textsOf(page.locator('.import-file strong'))).toEqual([name]);
  }

  // The platform's invoice export, detailed: buyers the book lacks (named by the corpus) and items whose names and
  // categories are payloads. The buyers become customers to verify; analytics names them and the categories.
  await page.getByRole('button', { name: '换一个文件' }).click();
  const buyers = XSS_CORPUS.map((p) => ({
    taxId: uscc(`91330106MA2B${pad(p.n)}C4D`),
    name: `${cut(p.text, 280)}${markerOf(p)}贸易有限公司`,
    // Asterisks of either width close the category (*信息技术服务*软件开发服务).
    category: cut(p.text.replace(/[*＊]/g, ''), 40),
    item: cut(p.text, 200),
  }));
  const [sellerId, sellerName] = SELLER;
  const invoices = buyers.map((b, i) => [
    i + 1,
    '',
    '',
    `2544200000${String(i + 1).padStart(10, '0')}`,
    sellerId,
    sellerName,
    b.taxId,
    b.name,
    '2025-03-01 10:00:00',
    '',
    '',
    `*${b.category}*${b.item}`,
    cut(XSS_CORPUS[i]?.text ?? '', 40),
    '件',
    1,
    100 + i,
    100 + i,
    '13%',
    13,
    113 + i,
    '电子发票服务平台',
    '数电发票（普通发票）',
    '正常',
    '是',
    '正常',
    '王会计',
    cut(XSS_CORPUS[i]?.text ?? '', 200),
  ]);
  await choose.setInputFiles({
    name: `${fileSafe(XSS_CORPUS[0]?.text ?? '', 60)}全量发票查询.xlsx`,
    mimeType: XLSX_TYPE,
    buffer: sharedStringsWorkbook({ 发票明细: [['全量发票查询'], [...DETAILED_HEADERS], ...invoices] }),
  });
  await page.getByRole('button', { name: `导入 ${buyers.length} 张发票` }).click();
  await expect(page.getByRole('status').first()).toContainText('发票已导入');
  await page.getByRole('button', { name: '完成' }).click();
  await page.getByRole('button', { name: '分析', exact: true }).click();
  await expect(page.getByRole('heading', { name: '客户分析' })).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: '正在计算' })).toHaveCount(0);
  const analytics = (await textsOf(page.locator('main')))[0] ?? '';
  for (const [i, b] of buyers.entries()) {
    // The buyer as the book now keeps it (the import tidies white space in names).
    const [stored] = await send<Customer[]>(page, 'page:search', { query: b.taxId, limit: 1 });
    expect(stored?.name).toContain(`${markerOf(XSS_CORPUS[i] as XssPayload)}贸易有限公司`);
    expect(analytics).toContain(stored?.name);
    expect(analytics).toContain(asRead(b.category).trim());
  }
  expect(await injected(page)).toEqual([]);
});

test.describe('on a portal page', () => {
  let portal: Awaited<ReturnType<typeof startPortalServer>>;
  test.beforeAll(async () => {
    portal = await startPortalServer();
  });
  test.afterAll(async () => {
    await portal.close();
  });

  /** An extension page framed in the portal (the inline list, the save prompt), once it is there. */
  async function frameOf(page: Page, url: string): Promise<Frame> {
    await expect.poll(() => page.frames().some((f) => f.url() === url)).toBe(true);
    return page.frames().find((f) => f.url() === url) as Frame;
  }

  const BUYER_FIELDS = {
    name: '请输入名称',
    taxId: '请输入统一社会信用代码/纳税人识别号',
    address: '请输入购买方地址',
    phone: '请输入电话',
    bankName: '请输入购方开户银行',
    bankAccount: '请输入银行账号',
  } as const;

  test('the inline list, the fill confirmation and the form show every payload as text', async ({ extension }) => {
    test.setTimeout(300_000);
    const book = await seed(extension);
    const page = await openInvoiceForm(extension, portal.url);
    const name = page.getByPlaceholder(BUYER_FIELDS.name);
    for (const p of XSS_CORPUS) {
      const { customer, twin } = book.get(p.n) as Seeded;
      // What the clerk types comes back in the list's 新增客户 entry.
      await name.fill(cut(p.text, 100));
      const typed = (await name.inputValue()).trim();
      const menu = await frameOf(page, extension.url('menu.html'));
      await expect.poll(() => textsOf(menu.locator('button.add-typed'))).toEqual([`新增客户：${inSentence(typed)}`]);

      await name.fill(markerOf(p));
      const names = menu.getByRole('option').locator('.name');
      await expect.poll(async () => (await textsOf(names)).sort()).toEqual([customer.name, twin.name].sort());
      const first = (await textsOf(names))[0] === customer.name ? customer : twin;
      expect(await injected(menu)).toEqual([]);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      // The form holds the customer as stored (the inputs drop line breaks), and the confirmation names what the
      // remarks template left unfilled, as written.
      await expect(name).toHaveValue(oneLine(first.name));
      const entry = first.entries.find((e) => e.id === first.defaultEntryId);
      await expect(page.getByPlaceholder(BUYER_FIELDS.address)).toHaveValue(oneLine(entry?.address ?? ''));
      await expect(page.getByPlaceholder(BUYER_FIELDS.bankName)).toHaveValue(oneLine(entry?.bankName ?? ''));
      await expect.poll(() => closedShadowText(page, 'taitou-toast')).toContain(asPlaceholder(p.text));
    }
    expect(await injected(page, false)).toEqual([]);
  });

  test('the save prompt after an invoice shows every payload the clerk typed, and similar customers, as text', async ({
    extension,
  }) => {
    test.setTimeout(300_000);
    const book = await seed(extension);
    const page = await openInvoiceForm(extension, portal.url);
    // The bank and account sit under 更多.
    await page.getByRole('button', { name: '更多' }).click();
    const fields = Object.keys(BUYER_FIELDS) as (keyof typeof BUYER_FIELDS)[];
    const limits = { name: 300, taxId: 20, address: 300, phone: 60, bankName: 120, bankAccount: 50 };
    // Six payloads a round, one in each buyer field; the name is a book customer's, so that it is offered as similar.
    for (let at = 0; at < XSS_CORPUS.length; at += fields.length) {
      const round = fields.map((_, i) => XSS_CORPUS[(at + i) % XSS_CORPUS.length] as XssPayload);
      const known = book.get(round[0]?.n ?? 0) as Seeded;
      const typed: string[] = [];
      for (const [i, field] of fields.entries()) {
        const p = round[i] as XssPayload;
        const text =
          field === 'name' ? known.customer.name : cut(`${field === 'taxId' ? 'X' : ''}${p.text}`, limits[field]);
        const input = page.getByPlaceholder(BUYER_FIELDS[field]);
        await input.fill(text);
        typed.push((await input.inputValue()).trim());
      }
      await page.getByRole('button', { name: '发票开具' }).click();
      const prompt = await frameOf(page, extension.url('capture.html'));
      await expect.poll(() => textsOf(prompt.locator('dd'))).toEqual(typed.filter(Boolean));
      if (comparable(known.customer.name)) {
        const similar = await textsOf(prompt.locator('.similar li span'));
        expect(similar.some((s) => s.startsWith(known.customer.name))).toBe(true);
        expect(await textsOf(prompt.locator('.similar li button'))).toContain(`更新“${known.customer.name}”`);
      }
      expect(await injected(prompt)).toEqual([]);
      await prompt.getByRole('button', { name: '忽略' }).click();
      await expect.poll(() => page.frames().some((f) => f.url() === extension.url('capture.html'))).toBe(false);
    }
    expect(await injected(page, false)).toEqual([]);
  });
});
