import { SAMPLE_CUSTOMERS } from '../../lib/demo/samples';
import { fillActiveTab, onPlatformHost, openInvoiceForm, searchInPopup } from '../support/demo-flow';
import { startPortalServer } from '../support/portal-server';
import { expect, test } from './fixtures';

let portal: Awaited<ReturnType<typeof startPortalServer>>;
test.beforeAll(async () => {
  portal = await startPortalServer();
});
test.afterAll(async () => {
  await portal.close();
});

test('Enter in the popup fills every buyer field of the national platform form, and Vue holds the values', async ({
  extension,
}) => {
  const portalPage = await openInvoiceForm(extension, portal.url);

  const popup = await searchInPopup(extension, 'hzxhlj');
  await expect(popup.getByRole('option').first()).toContainText('杭州西湖龙井茶业有限公司');
  await fillActiveTab(popup, portalPage);
  await expect(popup.getByRole('status')).toHaveText('已填入 6 项');

  const sample = SAMPLE_CUSTOMERS.find((c) => c.name === '杭州西湖龙井茶业有限公司');
  const entry = sample?.entries[0];
  await portalPage.getByRole('button', { name: '发票开具' }).click();
  const submitted = await portalPage.waitForFunction(() => (window as { __submitted?: unknown }).__submitted);
  expect(await submitted.jsonValue()).toMatchObject({
    gmfmc: sample?.name,
    gmfnsrsbh: sample?.taxId,
    gmfdz: entry?.address,
    gmfdh: entry?.phone,
    gmfkhh: entry?.bankName,
    gmfzh: entry?.bankAccount,
    zrrbz: 'N',
  });
  // The seller block is untouched.
  expect(
    await portalPage.evaluate(() => (window as { __submitted?: { seller?: unknown } }).__submitted?.seller),
  ).toEqual(expect.objectContaining({ xsfnsrsbh: expect.any(String) }));
});

test('a customer without bank details fills what it has and says what it left', async ({ extension }) => {
  const portalPage = await openInvoiceForm(extension, portal.url);
  const incomplete = SAMPLE_CUSTOMERS.find(
    (c) => c.kind === 'company' && c.taxId && !c.entries[0]?.bankAccount && !c.entries[0]?.bankName,
  );
  const popup = await searchInPopup(extension, incomplete?.taxId ?? 'missing');
  await expect(popup.getByRole('option')).toHaveCount(1);
  await fillActiveTab(popup, portalPage);
  await expect(popup.getByRole('status')).toHaveText(
    ['已填入 4 项', '未填：开户行（客户缺少此项）、银行账号（客户缺少此项）'].join('\n'),
  );
  expect(
    await portalPage.evaluate(() => (window as { __buyerModel?: () => { gmfzh: string } }).__buyerModel?.().gmfzh),
  ).toBe('');
});

test('on a 专票 form the disabled natural-person box is left as it is, without a complaint', async ({ extension }) => {
  const portalPage = await openInvoiceForm(extension, portal.url, '增值税专用发票');
  const popup = await searchInPopup(extension, 'hzxhlj');
  await expect(popup.getByRole('option').first()).toContainText('杭州西湖龙井茶业有限公司');
  await fillActiveTab(popup, portalPage);
  await expect(popup.getByRole('status')).toHaveText('已填入 6 项');
});

test('the popup says so when the page has no buyer fields', async ({ extension }) => {
  const portalPage = await extension.context.newPage();
  await portalPage.goto(onPlatformHost(portal.url, 'dppt-blue-invoice.html#/blue-invoice-makeout'));
  const popup = await searchInPopup(extension, 'longjing');
  await expect(popup.getByRole('option').first()).toBeVisible();
  await fillActiveTab(popup, portalPage);
  await expect(popup.getByRole('status')).toHaveText('当前网页没有找到购买方信息栏');
});
