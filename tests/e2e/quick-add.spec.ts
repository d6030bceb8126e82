import type { Page } from '@playwright/test';
import { SAMPLE_CUSTOMERS } from '../../lib/demo/samples';
import type { ExtensionBrowser } from '../support/browser';
import { popupWithSamples } from '../support/demo-flow';
import { expect, test } from './fixtures';

const longjing = SAMPLE_CUSTOMERS.find((c) => c.name === '杭州西湖龙井茶业有限公司');

async function addForm(extension: ExtensionBrowser): Promise<Page> {
  const popup = await popupWithSamples(extension);
  await popup.keyboard.press('Alt+N');
  await expect(popup.getByLabel('名称', { exact: true })).toBeVisible();
  return popup;
}

test('quick add warns while typing that the tax ID exists and the name is similar, and opens that customer', async ({
  extension,
}) => {
  const popup = await addForm(extension);
  await popup.getByLabel('名称', { exact: true }).fill('杭州西湖龙井茶业股份有限公司');
  await expect(popup.getByRole('alert')).toContainText('名称相似：杭州西湖龙井茶业有限公司');
  await popup.getByLabel('纳税人识别号').fill(longjing?.taxId ?? '');
  await expect(popup.getByRole('alert')).toContainText('已存在同税号客户：杭州西湖龙井茶业有限公司');
  await popup.getByRole('alert').getByRole('button', { name: '打开' }).first().click();
  await expect(popup.getByRole('combobox', { name: '搜索客户' })).toHaveValue('杭州西湖龙井茶业有限公司');
  await expect(popup.getByRole('option').first().locator('.name')).toHaveText('杭州西湖龙井茶业有限公司');
});

test('a wrong check character is marked on the field and blocks saving; a valid customer is saved and undone', async ({
  extension,
}) => {
  const popup = await addForm(extension);
  const taxId = popup.getByLabel('纳税人识别号');
  await popup.getByLabel('名称', { exact: true }).fill('宁波港湾物流有限公司');
  await taxId.fill('91330206MA2H3K5P7X');
  await expect(taxId).toHaveAttribute('aria-invalid', 'true');
  await expect(popup.locator('#f-taxId-msg')).toContainText('校验位不符（应为 T）');
  await popup.getByRole('button', { name: '保存' }).click();
  await expect(popup.getByRole('status')).toHaveText('请先改正标出的错误');

  await taxId.fill('91330206MA2H3K5P7T');
  await expect(taxId).toHaveAttribute('aria-invalid', 'false');
  await popup.getByLabel('电话').fill('0574-86881234');
  await taxId.press('Enter');
  await expect(popup.getByRole('status')).toContainText('已保存：宁波港湾物流有限公司');
  await expect(popup.locator('.count')).toHaveText(`共 ${SAMPLE_CUSTOMERS.length + 1} 个客户`);
  await expect(popup.getByRole('option').first().locator('.name')).toHaveText('宁波港湾物流有限公司');

  await popup.getByRole('button', { name: '撤销' }).click();
  await expect(popup.getByRole('status')).toHaveText('已撤销');
  await expect(popup.locator('.count')).toHaveText(`共 ${SAMPLE_CUSTOMERS.length} 个客户`);
});

test('smart paste of a chat message fills the form for review', async ({ extension }) => {
  const popup = await addForm(extension);
  const text = [
    '您好，开票信息如下：',
    '单位名称：宁波港湾物流有限公司',
    '纳税人识别号：91330206MA2H3K5P7L',
    '地址、电话：宁波市北仑区明州路88号 0574-86881234',
    '开户行及账号：中国工商银行宁波北仑支行 3901 1100 0920 0012 345',
  ].join('\n');
  await popup.getByLabel('智能粘贴').fill(text);
  await popup.getByLabel('智能粘贴').blur();
  await expect(popup.getByLabel('名称', { exact: true })).toHaveValue('宁波港湾物流有限公司');
  await expect(popup.getByLabel('纳税人识别号')).toHaveValue('91330206MA2H3K5P7L');
  await expect(popup.getByLabel('地址')).toHaveValue('宁波市北仑区明州路88号');
  await expect(popup.getByLabel('电话')).toHaveValue('0574-86881234');
  await expect(popup.getByLabel('开户行')).toHaveValue('中国工商银行宁波北仑支行');
  await expect(popup.getByLabel('银行账号')).toHaveValue('3901110009200012345');
  await expect(popup.getByRole('status')).toContainText('已识别 6 项');
});

test('customer text is shown as text: a name made of HTML runs nothing', async ({ extension }) => {
  const popup = await addForm(extension);
  let dialogs = 0;
  popup.on('dialog', (d) => {
    dialogs += 1;
    d.dismiss();
  });
  const name = '<img src=x onerror=alert(1)>有限公司';
  await popup.getByLabel('名称', { exact: true }).fill(name);
  await popup.getByRole('button', { name: '保存' }).click();
  await expect(popup.getByRole('option').first().locator('.name')).toHaveText(name);
  expect(await popup.locator('main img').count()).toBe(0);
  expect(dialogs).toBe(0);
});

test('the language switch turns the popup to English and is remembered', async ({ extension }) => {
  const popup = await popupWithSamples(extension);
  await popup.getByRole('button', { name: 'English' }).click();
  await expect(popup.getByRole('combobox', { name: 'Search customers' })).toBeVisible();
  await expect(popup.locator('html')).toHaveAttribute('lang', 'en');
  await popup.reload();
  await expect(popup.getByRole('button', { name: 'Add customer' })).toBeVisible();
  await popup.getByRole('button', { name: '中文' }).click();
  await expect(popup.getByRole('button', { name: '新增客户' })).toBeVisible();
});

test('the chosen customer’s fields can be copied one by one', async ({ extension }) => {
  await extension.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const popup = await popupWithSamples(extension);
  await popup.getByRole('combobox', { name: '搜索客户' }).fill('hzxhlj');
  await popup.getByRole('button', { name: '复制纳税人识别号' }).click();
  await expect(popup.getByText('已复制纳税人识别号')).toBeVisible();
  expect(await popup.evaluate(() => navigator.clipboard.readText())).toBe(longjing?.taxId);
});
