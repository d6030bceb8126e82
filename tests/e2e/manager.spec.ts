import type { Page } from '@playwright/test';
import { SAMPLE_CUSTOMERS } from '../../lib/demo/samples';
import type { ExtensionBrowser } from '../support/browser';
import { popupWithSamples } from '../support/demo-flow';
import { expect, test } from './fixtures';

const COUNT = SAMPLE_CUSTOMERS.length;

async function openManager(extension: ExtensionBrowser): Promise<Page> {
  const page = await extension.context.newPage();
  await page.goto(extension.url('manager.html'));
  return page;
}

const rowOf = (page: Page, name: string) => page.getByRole('row').filter({ hasText: name });

/** Filters the table down to one customer (the table only renders rows in view) and opens it in the editor. */
async function openCustomer(page: Page, name: string) {
  await page.getByRole('searchbox', { name: /筛选/ }).fill(name);
  await rowOf(page, name).getByRole('button', { name, exact: true }).click();
  await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
}

test('the manager lists the whole book, filters it, and bulk-deletes with undo', async ({ extension }) => {
  await (await popupWithSamples(extension)).close();
  const page = await openManager(extension);
  await expect(page.locator('.count')).toHaveText(`显示 ${COUNT} / 共 ${COUNT} 个客户`);

  await page.getByRole('searchbox', { name: /筛选/ }).fill('hzxhlj');
  await expect(page.locator('tbody tr:not(.spacer)')).toHaveCount(1);
  await expect(rowOf(page, '杭州西湖龙井茶业有限公司')).toBeVisible();
  await page.getByRole('searchbox', { name: /筛选/ }).fill('');

  await page.getByRole('checkbox', { name: '专票信息不全' }).check();
  const incomplete = SAMPLE_CUSTOMERS.filter((c) => c.kind !== 'naturalPerson').length;
  const shown = await page.locator('tbody tr:not(.spacer)').count();
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(incomplete);
  await page.getByRole('checkbox', { name: '专票信息不全' }).uncheck();

  await page.getByRole('searchbox', { name: /筛选/ }).fill('杭州');
  await expect(page.locator('tbody tr:not(.spacer)')).toHaveCount(5);
  await page.getByRole('checkbox', { name: '选择 杭州西湖龙井茶业有限公司' }).check();
  await page.getByRole('checkbox', { name: '选择 杭州市西湖区小李水果店' }).check();
  await page.getByRole('region', { name: '批量操作' }).getByRole('button', { name: '删除' }).click();
  await expect(page.getByRole('status')).toContainText('已删除 2 个客户');
  await expect(page.locator('.count')).toHaveText(`显示 3 / 共 ${COUNT - 2} 个客户`);
  await expect(rowOf(page, '杭州西湖龙井茶业有限公司')).toHaveCount(0);

  await page.getByRole('status').getByRole('button', { name: '撤销' }).click();
  await expect(page.getByRole('status')).toHaveText('已撤销');
  await expect(page.locator('.count')).toHaveText(`显示 5 / 共 ${COUNT} 个客户`);
  // The book agrees: a fresh manager sees them too.
  const again = await openManager(extension);
  await again.getByRole('searchbox', { name: /筛选/ }).fill('小李水果');
  await expect(rowOf(again, '杭州市西湖区小李水果店')).toBeVisible();
});

test('an edit that meets a change from another tab is not saved over it, and nothing typed is lost', async ({
  extension,
}) => {
  await (await popupWithSamples(extension)).close();
  const [first, second] = [await openManager(extension), await openManager(extension)];
  for (const page of [first, second]) await openCustomer(page, '杭州西湖龙井茶业有限公司');
  await first.getByLabel('地址').fill('杭州市西湖区梅灵北路9号');
  await first.getByRole('button', { name: '保存' }).click();
  await expect(first.getByRole('status')).toHaveText('已保存：杭州西湖龙井茶业有限公司');

  await second.getByLabel('电话').fill('0571-86660000');
  await second.getByRole('button', { name: '保存' }).click();
  await expect(second.getByRole('alert')).toContainText('已在别处被修改');
  await expect(second.getByRole('status')).toHaveText('未保存：这个客户已在别处被修改');
  await expect(second.getByLabel('电话')).toHaveValue('0571-86660000');

  await second.getByRole('button', { name: '放弃我的修改，载入最新' }).click();
  await expect(second.getByLabel('地址')).toHaveValue('杭州市西湖区梅灵北路9号');
  await second.getByLabel('电话').fill('0571-86660000');
  await second.getByRole('button', { name: '保存' }).click();
  await expect(second.getByRole('status')).toHaveText('已保存：杭州西湖龙井茶业有限公司');

  const check = await openManager(extension);
  await openCustomer(check, '杭州西湖龙井茶业有限公司');
  await expect(check.getByLabel('地址')).toHaveValue('杭州市西湖区梅灵北路9号');
  await expect(check.getByLabel('电话')).toHaveValue('0571-86660000');
});

test('a customer whose name is HTML shows it as text in the manager', async ({ extension }) => {
  const popup = await popupWithSamples(extension);
  const name = '<img src=x onerror=alert(1)>有限公司';
  await popup.keyboard.press('Alt+N');
  await popup.getByLabel('名称', { exact: true }).fill(name);
  await popup.getByRole('button', { name: '保存' }).click();
  await expect(popup.getByRole('status')).toContainText('已保存');
  const page = await openManager(extension);
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs += 1;
    d.dismiss();
  });
  await openCustomer(page, name);
  await expect(page.getByRole('heading', { name })).toBeVisible();
  expect(await page.locator('img').count()).toBe(0);
  expect(dialogs).toBe(0);
});
