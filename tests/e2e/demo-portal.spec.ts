import { type Browser, type BrowserContext, chromium, expect, type Locator, type Page, test } from '@playwright/test';
import { chromiumPath } from '../support/browser';
import { type PortalServer, startPortalServer } from '../support/portal-server';

// The demo portal page itself (no extension): it must behave like the platform's TDesign form and
// report what its Vue model holds, because the extension's e2e tests assert on that.

const BUYER_FIELDS = [
  { label: '名称', key: 'gmfmc', maxlength: 300 },
  { label: '统一社会信用代码/纳税人识别号', key: 'gmfnsrsbh', maxlength: 20 },
  { label: '购买方地址', key: 'gmfdz', maxlength: 300 },
  { label: '电话', key: 'gmfdh', maxlength: 60 },
  { label: '购方开户银行', key: 'gmfkhh', maxlength: 120 },
  { label: '银行账号', key: 'gmfzh', maxlength: 50 },
] as const;

const BUYER = {
  gmfmc: '杭州西湖龙井茶业有限公司',
  gmfnsrsbh: '913301061430725976',
  gmfdz: '杭州市西湖区龙井路1号',
  gmfdh: '0571-88881234',
  gmfkhh: '杭州银行西湖支行',
  gmfzh: '3301040160001234567',
};

const SELLER = {
  xsfmc: '杭州抬头示范科技有限公司',
  xsfnsrsbh: '91330108MA2J6D9F6C',
};

type InvoiceTypeLabel = '普通发票' | '增值税专用发票';

let server: PortalServer;
let browser: Browser;
// One context for all tests: a new context per test costs about a second here and buys nothing,
// since the page keeps its state in memory only.
let context: BrowserContext;

test.beforeAll(async () => {
  server = await startPortalServer();
  browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
  context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
});

test.afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

let page: Page;
test.beforeEach(async () => {
  page = await context.newPage();
});
test.afterEach(async () => {
  await page.close();
});

const buyerBlock = () => page.locator('.blue-invoice .t-col.t-col-6').nth(0);
const sellerBlock = () => page.locator('.blue-invoice .t-col.t-col-6').nth(1);
const buyerInput = (label: string): Locator =>
  buyerBlock()
    .locator('.t-form__item')
    .filter({
      has: page.locator('.t-form__label', { hasText: new RegExp(`^\\s*\\*?\\s*${escapeRegExp(label)}\\s*$`) }),
    })
    .locator('input.t-input__inner');

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** 立即开票 → 选择票类 → 确定 → the form, as a clerk does it. */
async function openForm(type: InvoiceTypeLabel, search = ''): Promise<void> {
  await page.goto(`${server.url}dppt-blue-invoice.html${search}`);
  await expect(page).toHaveURL(/#\/blue-invoice-makeout$/);
  await expect(page.getByRole('button', { name: '立即开票' })).toBeVisible();
  await expect(page.locator('.blue-invoice')).toHaveCount(0);

  await page.getByRole('button', { name: '立即开票' }).click();
  const dialog = page.locator('.t-dialog').filter({ hasText: '选择票类' });
  await expect(dialog).toBeVisible();
  await dialog
    .locator('.t-radio')
    .filter({ hasText: new RegExp(`^${type}$`) })
    .click();
  await dialog.getByRole('button', { name: '确定' }).click();

  await expect(page).toHaveURL(/#\/invoice-makeout\?fplx=(normal|special)$/);
  await expect(page.locator('.blue-invoice')).toBeVisible();
  await expect(dialog).toBeHidden();
}

async function submitAndRead(): Promise<Record<string, unknown>> {
  await page.getByRole('button', { name: '发票开具' }).click();
  const handle = await page.waitForFunction(() => (window as unknown as { __submitted?: unknown }).__submitted);
  return (await handle.jsonValue()) as Record<string, unknown>;
}

test('the server serves fixtures and vendor files with content types and refuses traversal', async () => {
  const html = await fetch(`${server.url}dppt-blue-invoice.html`);
  expect(html.status).toBe(200);
  expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(await html.text()).toContain('<title>蓝字发票开具 - 演示门户</title>');

  const root = await fetch(server.url);
  expect(root.status).toBe(200);
  expect(await root.text()).toContain('dppt-blue-invoice.html');

  for (const [path, type] of [
    ['vendor/vue.global.prod.js', 'text/javascript; charset=utf-8'],
    ['vendor/tdesign.min.js', 'text/javascript; charset=utf-8'],
    ['vendor/tdesign.min.css', 'text/css; charset=utf-8'],
  ] as const) {
    const res = await fetch(`${server.url}${path}`);
    expect(res.status, path).toBe(200);
    expect(res.headers.get('content-type'), path).toBe(type);
    await res.arrayBuffer();
  }

  for (const path of ['vendor/package.json', 'vendor/constructor', 'vendor/']) {
    expect((await fetch(`${server.url}${path}`)).status, path).toBe(403);
  }
  expect((await fetch(`${server.url}no-such-page.html`)).status).toBe(404);
  // Encoded dot segments survive URL parsing and must be refused once decoded.
  for (const path of [
    '%2e%2e%2fpackage.json',
    '..%2f..%2f..%2fpackage.json',
    '%2e%2e%2f%2e%2e%2f%2e%2e%2fpackage.json',
  ]) {
    const res = await fetch(`${server.url}${path}`);
    expect(res.status, path).toBe(403);
    expect(await res.text(), path).not.toContain('"name": "taitou"');
  }
});

test('the form appears after client-side navigation; buyer block holds six labelled inputs in order', async () => {
  await openForm('增值税专用发票');

  await expect(page.locator('.blue-invoice .t-col.t-col-6')).toHaveCount(2);
  await expect(buyerBlock()).toContainText('购买方信息');
  await expect(buyerBlock()).not.toContainText('销售方信息');
  await expect(sellerBlock()).toContainText('销售方信息');

  const inputs = buyerBlock().locator('input.t-input__inner');
  await expect(inputs).toHaveCount(6);
  const labels = await inputs.evaluateAll((els) =>
    els.map((el) =>
      (el.closest('.t-form__item')?.querySelector('.t-form__label')?.textContent ?? '').replace(/[\s*]/g, ''),
    ),
  );
  expect(labels).toEqual(BUYER_FIELDS.map((f) => f.label));
  for (const f of BUYER_FIELDS) await expect(buyerInput(f.label)).toHaveCount(1);
  await expect(buyerBlock().locator('.t-checkbox__label')).toHaveText('是否开票给自然人');
  // 专票 cannot go to a natural person.
  await expect(buyerBlock().locator('.t-checkbox')).toHaveClass(/t-is-disabled/);

  // Bank and account start collapsed behind 更多.
  await expect(inputs.nth(3)).toBeVisible();
  await expect(inputs.nth(4)).toBeHidden();
  await expect(inputs.nth(5)).toBeHidden();
  await buyerBlock().getByRole('button', { name: '更多' }).click();
  await expect(inputs.nth(4)).toBeVisible();
  await expect(inputs.nth(5)).toBeVisible();
  await buyerBlock().getByRole('button', { name: '收起' }).click();
  await expect(inputs.nth(5)).toBeHidden();

  const sellerInputs = sellerBlock().locator('input.t-input__inner');
  await expect(sellerInputs).toHaveCount(6);
  for (let i = 0; i < 6; i++) await expect(sellerInputs.nth(i)).toHaveAttribute('readonly', /.*/);
  await expect(sellerInputs.nth(0)).toHaveValue(SELLER.xsfmc);
  await expect(sellerInputs.nth(1)).toHaveValue(SELLER.xsfnsrsbh);
});

test('typed buyer values reach the Vue model and window.__submitted', async () => {
  await openForm('增值税专用发票');

  await buyerInput('名称').fill(BUYER.gmfmc);
  await buyerInput('统一社会信用代码/纳税人识别号').fill(BUYER.gmfnsrsbh);
  await buyerInput('购买方地址').fill(BUYER.gmfdz);
  // One field typed key by key, as a person would.
  await buyerInput('电话').click();
  await page.keyboard.type(BUYER.gmfdh);
  await buyerBlock().getByRole('button', { name: '更多' }).click();
  await buyerInput('购方开户银行').fill(BUYER.gmfkhh);
  await buyerInput('银行账号').pressSequentially(BUYER.gmfzh);
  await buyerInput('名称').click(); // blur the last field: TDesign must keep the value

  for (const f of BUYER_FIELDS) await expect(buyerInput(f.label)).toHaveValue(BUYER[f.key]);
  const live = await page.evaluate(() =>
    (window as unknown as { __buyerModel(): Record<string, unknown> }).__buyerModel(),
  );
  expect(live).toMatchObject(BUYER);

  const submitted = await submitAndRead();
  expect(submitted).toMatchObject({ ...BUYER, zrrbz: 'N', invoiceType: 'special', invoiceTypeName: '增值税专用发票' });
  expect(submitted.seller).toMatchObject(SELLER);
  await expect(page.locator('pre#submitted')).toContainText(`"gmfmc": "${BUYER.gmfmc}"`);
  await expect(page.locator('pre#submitted')).toContainText(`"gmfzh": "${BUYER.gmfzh}"`);
});

test('a 专票 requires the tax ID; a 普票 to a natural person does not', async () => {
  await openForm('增值税专用发票');
  await buyerInput('名称').fill('北京星河数码科技有限公司');
  await page.getByRole('button', { name: '发票开具' }).click();
  await expect(buyerBlock()).toContainText('请输入统一社会信用代码/纳税人识别号');
  expect(await page.evaluate(() => (window as unknown as { __submitted?: unknown }).__submitted)).toBeUndefined();

  await openForm('普通发票');
  await buyerBlock().locator('.t-checkbox').click();
  await buyerInput('名称').fill('王小明');
  const submitted = await submitAndRead();
  expect(submitted).toMatchObject({ gmfmc: '王小明', gmfnsrsbh: '', zrrbz: 'Y', invoiceType: 'normal' });
});

test('a short company name asks for confirmation before issuing', async () => {
  await openForm('普通发票');
  await buyerInput('名称').fill('星河');
  await page.getByRole('button', { name: '发票开具' }).click();
  const confirm = page.locator('.t-dialog').filter({ hasText: '少于4个字符' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: '继续开具' }).click();
  await expect(page.locator('pre#submitted')).toContainText('"gmfmc": "星河"');

  // Back home and 立即开票 again, without a page load: a blank invoice.
  await page.getByRole('button', { name: '返回', exact: true }).click();
  await page.getByRole('button', { name: '立即开票' }).click();
  await page.locator('.t-dialog').filter({ hasText: '选择票类' }).getByRole('button', { name: '确定' }).click();
  await expect(buyerInput('名称')).toHaveValue('');
  await expect(page.locator('pre#submitted')).toHaveText('');
  expect(await page.evaluate(() => (window as unknown as { __submitted?: unknown }).__submitted)).toBeUndefined();
});

test('with ?tip=1 a 我知道了 dialog covers the form once and can be dismissed', async () => {
  await openForm('普通发票', '?tip=1');
  const tip = page.locator('.t-dialog').filter({ hasText: '我知道了' });
  await expect(tip).toBeVisible();
  await tip.getByRole('button', { name: '我知道了' }).click();
  await expect(tip).toBeHidden();
  await buyerInput('名称').fill('厦门鹭岛海洋科技有限公司');
  await expect(buyerInput('名称')).toHaveValue('厦门鹭岛海洋科技有限公司');
});

test('TDesign keeps only values that arrive with an input event', async () => {
  await openForm('普通发票');
  const name = buyerInput('名称');
  const model = () => page.evaluate(() => (window as unknown as { __buyerModel(): { gmfmc: string } }).__buyerModel());

  // Native setter without an event: the DOM shows it, the model does not, and the next re-render reverts it.
  await name.evaluate((el: HTMLInputElement) => {
    el.value = '只改了DOM的名称';
  });
  expect((await model()).gmfmc).toBe('');
  await name.focus();
  await name.blur();
  await expect(name).toHaveValue('');

  // Native setter plus an InputEvent: the model takes it and keeps it through focus and blur.
  await name.evaluate((el: HTMLInputElement) => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    setter?.call(el, '上海浦江云帆信息技术有限公司');
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', isComposing: false }));
  });
  expect((await model()).gmfmc).toBe('上海浦江云帆信息技术有限公司');
  await name.focus();
  await name.blur();
  await expect(name).toHaveValue('上海浦江云帆信息技术有限公司');

  // maxlength is enforced by TDesign in script, not by the attribute: the model is cut to 20.
  const taxId = buyerInput('统一社会信用代码/纳税人识别号');
  await expect(taxId).not.toHaveAttribute('maxlength', /.*/);
  await taxId.fill('91330106143072597612345');
  expect((await model()) as unknown as { gmfnsrsbh: string }).toMatchObject({ gmfnsrsbh: '91330106143072597612' });
});
