import type { Frame, Page } from '@playwright/test';
import { SAMPLE_CUSTOMERS } from '../../lib/demo/samples';
import type { ExtensionBrowser } from '../support/browser';
import { openInvoiceForm, popupWithSamples } from '../support/demo-flow';
import { startPortalServer } from '../support/portal-server';
import { expect, test } from './fixtures';

let portal: Awaited<ReturnType<typeof startPortalServer>>;
test.beforeAll(async () => {
  portal = await startPortalServer();
});
test.afterAll(async () => {
  await portal.close();
});

async function captureFrame(page: Page, extension: ExtensionBrowser): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f.url() === extension.url('capture.html'))).toBe(true);
  return page.frames().find((f) => f.url() === extension.url('capture.html')) as Frame;
}

async function searchPopup(extension: ExtensionBrowser, query: string) {
  const popup = await extension.context.newPage();
  await popup.goto(extension.url('popup.html'));
  await popup.getByRole('combobox', { name: '搜索客户' }).fill(query);
  return popup;
}

test('a buyer typed by hand is offered for saving when the invoice is issued, and saved on 保存', async ({
  extension,
}) => {
  const page = await openInvoiceForm(extension, portal.url);
  await page.getByPlaceholder('请输入名称').fill('宁波港湾物流有限公司');
  await page.getByPlaceholder('请输入统一社会信用代码/纳税人识别号').fill('91330206MA2H3K5P7L');
  await page.getByPlaceholder('请输入购买方地址').fill('宁波市北仑区明州路88号');
  await page.getByPlaceholder('请输入电话').fill('0574-86881234');
  await page.getByRole('button', { name: '发票开具' }).click();

  const prompt = await captureFrame(page, extension);
  await expect(prompt.getByRole('heading')).toHaveText('把这个购买方存入 Taitou？');
  await expect(prompt.locator('dd')).toHaveText([
    '宁波港湾物流有限公司',
    '91330206MA2H3K5P7L',
    '宁波市北仑区明州路88号',
    '0574-86881234',
  ]);
  await prompt.getByRole('button', { name: '保存' }).click();
  await expect.poll(() => page.frames().some((f) => f.url() === extension.url('capture.html'))).toBe(false);

  const popup = await searchPopup(extension, 'nbgw');
  await expect(popup.getByRole('option').first()).toContainText('宁波港湾物流有限公司');
  await expect(popup.getByRole('option').first()).toContainText('91330206MA2H3K5P7L');
});

test('a changed address of a known buyer is offered as an update; 忽略 changes nothing', async ({ extension }) => {
  const sample = SAMPLE_CUSTOMERS.find((c) => c.name === '杭州西湖龙井茶业有限公司');
  await popupWithSamples(extension);

  const page = await openInvoiceForm(extension, portal.url);
  await page.getByPlaceholder('请输入名称').fill(sample?.name ?? '');
  await page.getByPlaceholder('请输入统一社会信用代码/纳税人识别号').fill(sample?.taxId ?? '');
  await page.getByPlaceholder('请输入购买方地址').fill('杭州市西湖区梅灵北路9号');
  await page.getByRole('button', { name: '发票开具' }).click();

  const prompt = await captureFrame(page, extension);
  await expect(prompt.getByRole('heading')).toHaveText('更新客户资料？以下信息与客户簿不同：');
  await expect(prompt.locator('dt')).toHaveText(['地址']);
  await expect(prompt.locator('dd')).toHaveText(['杭州市西湖区梅灵北路9号']);
  await prompt.getByRole('button', { name: '忽略' }).click();
  await expect.poll(() => page.frames().some((f) => f.url() === extension.url('capture.html'))).toBe(false);

  // Nothing was written: the same invoice again offers the same update, and 更新 applies it.
  await page.getByPlaceholder('请输入购买方地址').fill('杭州市西湖区梅灵北路10号');
  await page.getByRole('button', { name: '发票开具' }).click();
  const again = await captureFrame(page, extension);
  await again.getByRole('button', { name: '更新' }).click();
  await expect.poll(() => page.frames().some((f) => f.url() === extension.url('capture.html'))).toBe(false);
  // The book now has the new address: a new phone is the only difference left.
  await page.getByPlaceholder('请输入电话').fill('0571-86660000');
  await page.getByRole('button', { name: '发票开具' }).click();
  const third = await captureFrame(page, extension);
  await expect(third.locator('dt')).toHaveText(['电话']);
});

test('a buyer the book has under another form of its name is named in the prompt, and updated on choice', async ({
  extension,
}) => {
  await popupWithSamples(extension);
  const page = await openInvoiceForm(extension, portal.url);
  await page.getByPlaceholder('请输入名称').fill('（北京）星河数码科技有限责任公司');
  await page.getByPlaceholder('请输入购买方地址').fill('北京市海淀区中关村大街28号');
  await page.getByRole('button', { name: '发票开具' }).click();

  const prompt = await captureFrame(page, extension);
  await expect(prompt.getByRole('heading')).toHaveText('把这个购买方存入 Taitou？');
  const similar = prompt.getByRole('region', { name: '客户簿里有相似的客户，可能是同一家：' });
  await expect(similar.getByRole('listitem')).toHaveText([
    '北京星河数码科技有限公司91110108MA01K7H205更新“北京星河数码科技有限公司”',
  ]);
  await similar.getByRole('button', { name: '更新“北京星河数码科技有限公司”' }).click();
  await expect.poll(() => page.frames().some((f) => f.url() === extension.url('capture.html'))).toBe(false);

  // The customer took the name and address as typed; no second customer was made.
  const popup = await searchPopup(extension, '星河数码');
  await expect(popup.getByRole('option')).toHaveCount(2); // the customer and its Shanghai branch
  await expect(popup.getByRole('option').first()).toContainText('（北京）星河数码科技有限责任公司');
  await expect(popup.getByRole('option').first()).toContainText('91110108MA01K7H205');
});

interface StoredInvoice {
  id: string;
  buyerTaxId: string;
  total: number;
  tax: number;
  origin: string;
  items: { name: string; amount: number }[];
}

/** The invoice history as IndexedDB holds it, read in the extension's own origin (an extension page). */
function storedInvoices(page: Page): Promise<StoredInvoice[]> {
  return page.evaluate(
    () =>
      new Promise<StoredInvoice[]>((resolve, reject) => {
        const open = indexedDB.open('taitou');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('invoices').objectStore('invoices').getAll();
          all.onsuccess = () => {
            open.result.close();
            resolve(all.result);
          };
        };
      }),
  );
}

test('each invoice the portal says it issued joins the buyer’s invoice history with its items; a refused one does not', async ({
  extension,
}) => {
  const sample = SAMPLE_CUSTOMERS.find((c) => c.name === '杭州西湖龙井茶业有限公司');
  const popup = await popupWithSamples(extension);
  const stored = () => storedInvoices(popup);
  const page = await openInvoiceForm(extension, portal.url);
  // Refused by the form: nothing is kept.
  await page.getByRole('button', { name: '发票开具' }).click();
  await expect(page.getByText('请检查购买方信息')).toBeVisible();

  await page.getByPlaceholder('请输入名称').fill(sample?.name ?? '');
  await page.getByPlaceholder('请输入统一社会信用代码/纳税人识别号').fill(sample?.taxId ?? '');
  await page.getByPlaceholder('0.00').fill('2000.00');
  await page.getByRole('button', { name: '发票开具' }).click();
  await expect(page.getByText(/发票开具成功/)).toBeVisible();
  await expect.poll(async () => (await stored()).length).toBe(1);
  const [first] = await stored();
  expect(first).toMatchObject({
    id: expect.stringMatching(/^local-/),
    buyerTaxId: sample?.taxId,
    total: 212_000,
    tax: 12_000,
    origin: '网页开具（Taitou 记录）',
    items: [{ name: '*信息技术服务*软件开发服务', amount: 200_000 }],
  });

  // The same buyer again is another invoice.
  await page.getByRole('button', { name: '发票开具' }).click();
  await expect.poll(async () => (await stored()).length).toBe(2);
});
