import type { Frame, Page } from '@playwright/test';
import { SAMPLE_CUSTOMERS } from '../../lib/demo/samples';
import { chinaDay } from '../../lib/domain/credit';
import { type InvoiceDraft, InvoiceDraftSchema } from '../../lib/domain/invoice';
import type { ExtensionBrowser } from '../support/browser';
import { fillActiveTab, onPlatformHost, openInvoiceForm, popupWithSamples } from '../support/demo-flow';
import { startPortalServer } from '../support/portal-server';
import { closedShadowText } from '../support/shadow-text';
import { expect, test } from './fixtures';

// Invoice defaults and credit warnings at fill time, on the TDesign fixture of the national platform: what the page's
// Vue model holds (window.__buyerModel reads the reactive state, not input.value), the suggestion list's badges and
// the confirmation in the page (a closed shadow root, read through CDP).

let portal: Awaited<ReturnType<typeof startPortalServer>>;
test.beforeAll(async () => {
  portal = await startPortalServer();
});
test.afterAll(async () => {
  await portal.close();
});

const sample = (name: string) => {
  const found = SAMPLE_CUSTOMERS.find((c) => c.name === name);
  if (!found?.taxId) throw new Error(`the samples changed: no ${name}`);
  return { ...found, taxId: found.taxId };
};
// VIP, its own type 专票, a monthly limit of 100,000 yuan.
const LONGJING = sample('杭州西湖龙井茶业有限公司');
// VIP, a monthly limit of 200,000 yuan; its 上海分公司 has none.
const XINGHE = sample('北京星河数码科技有限公司');
const HEAD_OFFICE = /^北京星河数码科技有限公司$/;

type Model = Record<string, string>;
const model = (page: Page) => page.evaluate(() => (window as unknown as { __buyerModel: () => Model }).__buyerModel());

/** Sets the tiers the way the manager keeps them: extension storage, read by the service worker. */
async function setTiers(extension: ExtensionBrowser, tiers: unknown[]) {
  await extension.worker.evaluate(
    (value) => (globalThis as unknown as { chrome: typeof browser }).chrome.storage.local.set({ tiers: value }),
    tiers,
  );
}

/**
 * Stores invoices in the extension's own IndexedDB (the book the worker opened), as an invoice import would, before
 * anything asked for their buyer's credit.
 */
async function storeInvoices(extensionPage: Page, invoices: InvoiceDraft[]) {
  const now = Date.now();
  const records = invoices.map((i) => ({ ...i, file: 'e2e.xlsx', batch: 'e2e', importedAt: now, updatedAt: now }));
  await extensionPage.evaluate(
    (rows) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('taitou');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('invoices', 'readwrite');
          for (const row of rows) tx.objectStore('invoices').put(row);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    records,
  );
}

async function menuFrame(page: Page, extension: ExtensionBrowser): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f.url() === extension.url('menu.html'))).toBe(true);
  return page.frames().find((f) => f.url() === extension.url('menu.html')) as Frame;
}

test("a VIP customer's defaults: the type chosen in 选择票类, remarks filled, the show flags ticked", async ({
  extension,
}) => {
  const popup = await popupWithSamples(extension);
  await setTiers(extension, [
    {
      id: 'vip',
      label: 'VIP',
      // The customer's own type (专票) wins over the tier's.
      defaults: {
        invoiceType: 'normal',
        remarks: '{客户名称} {月份}技术服务费 合同号：{合同号}',
        showAddressBank: true,
      },
    },
  ]);
  const portalPage = await extension.context.newPage();
  await portalPage.goto(onPlatformHost(portal.url, 'dppt-blue-invoice.html#/blue-invoice-makeout'));
  await portalPage.getByRole('button', { name: '立即开票' }).click();
  await expect(portalPage.getByText('选择票类', { exact: true })).toBeVisible();

  await popup.getByRole('combobox', { name: '搜索客户' }).fill('hzxhlj');
  await expect(popup.getByRole('option').first()).toContainText(LONGJING.name);
  await fillActiveTab(popup, portalPage);
  const [year, month] = chinaDay(Date.now()).split('-').map(Number);
  const remarks = `${LONGJING.name} ${year}年${month}月技术服务费 合同号：{合同号}`;
  await expect(popup.getByRole('status')).toHaveText(
    // 发票类型, six buyer fields, 备注 and the two flags; the placeholder the book cannot fill is named.
    ['已填入 10 项', '备注中的 {合同号} 需手动填写'].join('\n'),
  );

  await expect(portalPage.locator('.blue-invoice')).toBeVisible();
  expect(await model(portalPage)).toMatchObject({
    invoiceType: 'special',
    invoiceTypeName: '增值税专用发票',
    gmfmc: LONGJING.name,
    gmfnsrsbh: LONGJING.taxId,
    gmfzh: LONGJING.entries[0]?.bankAccount,
    bz: remarks,
    sfzsgmfdzdh: 'Y',
    sfzsgmfyhzhbq: 'Y',
  });
  await portalPage.getByRole('button', { name: '发票开具' }).click();
  const submitted = (await (
    await portalPage.waitForFunction(() => (window as { __submitted?: unknown }).__submitted)
  ).jsonValue()) as Model & { seller: Model };
  expect(submitted).toMatchObject({ bz: remarks, sfzsgmfdzdh: 'Y', sfzsgmfyhzhbq: 'Y', invoiceType: 'special' });
  expect(submitted.seller.xsfmc).toBe('杭州抬头示范科技有限公司');
});

test('a remark the clerk typed is kept and reported; the flags follow a default that says no', async ({
  extension,
}) => {
  await (await popupWithSamples(extension)).close();
  await setTiers(extension, [
    { id: 'vip', label: 'VIP', defaults: { remarks: '{月份}服务费', showAddressBank: false } },
  ]);
  const portalPage = await openInvoiceForm(extension, portal.url);
  await portalPage.getByPlaceholder('请输入备注').fill('按客户要求：项目编号 A-12');
  // The page's boxes start ticked here, as a clerk may have left them: a default of "no" clears them.
  await portalPage.getByText('是否展示购买方地址电话').click();
  await portalPage.getByText('是否展示购买方银行账号').click();
  expect(await model(portalPage)).toMatchObject({ sfzsgmfdzdh: 'Y', sfzsgmfyhzhbq: 'Y' });

  const popup = await extension.context.newPage();
  await popup.goto(extension.url('popup.html'));
  await popup.getByRole('combobox', { name: '搜索客户' }).fill('hzxhlj');
  await expect(popup.getByRole('option').first()).toContainText(LONGJING.name);
  await fillActiveTab(popup, portalPage);
  await expect(popup.getByRole('status')).toHaveText(['已填入 8 项', '未填：备注（已有内容，未覆盖）'].join('\n'));
  expect(await model(portalPage)).toMatchObject({
    gmfmc: LONGJING.name,
    bz: '按客户要求：项目编号 A-12',
    sfzsgmfdzdh: 'N',
    sfzsgmfyhzhbq: 'N',
  });
});

test('a customer near its credit limit: a badge in the popup and the inline list, a warning in the page, and the fill goes ahead', async ({
  extension,
}) => {
  // The worker has opened the book (the popup asked for it) before any credit was asked for.
  const popup = await extension.context.newPage();
  await popup.goto(extension.url('popup.html'));
  await expect(popup.getByRole('button', { name: '载入示例客户' })).toBeVisible();
  const today = chinaDay(Date.now());
  const month = today.slice(0, 7);
  // 170,000 of 200,000 yuan this month (85%), and last month's, which does not count.
  const invoices = [90_000, 80_000].map((yuan, i) =>
    InvoiceDraftSchema.parse({
      id: `2644200000000000${String(i + 1).padStart(4, '0')}`,
      buyerTaxId: XINGHE.taxId,
      buyerName: XINGHE.name,
      issuedOn: `${month}-01`,
      amount: yuan * 100,
      tax: 0,
      total: yuan * 100,
    }),
  );
  const lastMonth = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5)) - 2, 15));
  invoices.push(
    InvoiceDraftSchema.parse({
      id: '26442000000000000099',
      buyerTaxId: XINGHE.taxId,
      buyerName: XINGHE.name,
      issuedOn: lastMonth.toISOString().slice(0, 10),
      amount: 5_000_000,
      tax: 0,
      total: 5_000_000,
    }),
  );
  await storeInvoices(popup, invoices);
  await popup.getByRole('button', { name: '载入示例客户' }).click();
  await expect(popup.getByRole('status')).toContainText('已载入');

  // The popup's rows: the same badge, and the VIP mark.
  await popup.getByRole('combobox', { name: '搜索客户' }).fill('北京星河数码科技有限公司');
  const row = popup.getByRole('option').filter({ has: popup.locator('.name', { hasText: HEAD_OFFICE }) });
  await expect(row.locator('.credit-near')).toHaveText('额度将满');
  await expect(row.locator('.vip-mark')).toHaveText('VIP');
  await expect(row.locator('.credit-near')).toHaveAttribute('title', /本月已开 170000\.00 元，额度 200000\.00 元/);
  // A customer with a limit but nothing invoiced has no badge.
  await popup.getByRole('combobox', { name: '搜索客户' }).fill('hzxhlj');
  await expect(popup.getByRole('option').first()).toContainText(LONGJING.name);
  await expect(popup.getByRole('option').first().locator('.credit')).toHaveCount(0);
  await popup.close();

  const page = await openInvoiceForm(extension, portal.url);
  await page.getByPlaceholder('请输入名称').focus();
  await page.keyboard.type('bjxhsm');
  const menu = await menuFrame(page, extension);
  const option = menu.getByRole('option').filter({ has: menu.locator('.name', { hasText: HEAD_OFFICE }) });
  await expect(option.locator('.credit-near')).toHaveText('额度将满');
  await expect(option.locator('.vip-mark')).toBeVisible();
  // The VIP row stands out from the others.
  await expect(option).toHaveClass(/vip/);

  const index = await menu
    .getByRole('option')
    .evaluateAll((rows, name) => rows.findIndex((r) => r.querySelector('.name')?.textContent === name), XINGHE.name);
  for (let i = 0; i <= index; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await model(page)).gmfmc).toBe(XINGHE.name);
  expect(await model(page)).toMatchObject({ gmfnsrsbh: XINGHE.taxId });
  await expect
    .poll(() => closedShadowText(page, 'taitou-toast', '\n'))
    .toContain('接近开票额度：本月已用 85%，剩余 30000.00 元\n仍可继续开票');
});
