import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { popupWithSamples } from '../support/demo-flow';
import { expect, test } from './fixtures';

// axe-core on the extension's own pages, in each state a clerk sees: nothing serious or critical.

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('the popup: search results, and the quick-add form with findings', async ({ extension }) => {
  const popup = await popupWithSamples(extension);
  await popup.getByRole('combobox', { name: '搜索客户' }).fill('hz');
  await expect(popup.getByRole('option').first()).toBeVisible();
  expect(await seriousViolations(popup)).toEqual([]);
  await popup.keyboard.press('Alt+N');
  await popup.getByLabel('纳税人识别号').fill('91330206MA2H3K5P7X');
  await expect(popup.locator('#f-taxId-msg')).toBeVisible();
  expect(await seriousViolations(popup)).toEqual([]);
});

test('the manager: the table, a selection and the editor', async ({ extension }) => {
  await (await popupWithSamples(extension)).close();
  const page = await extension.context.newPage();
  await page.goto(extension.url('manager.html'));
  await expect(page.getByRole('row').nth(5)).toBeVisible();
  await page.getByRole('checkbox', { name: '全选' }).check();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('row').nth(2).getByRole('button').click();
  await expect(page.getByRole('complementary')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the manager: an import preview, the 去重 scan, and the export and backup dialogs', async ({ extension }) => {
  await (await popupWithSamples(extension)).close();
  const page = await extension.context.newPage();
  await page.goto(extension.url('manager.html'));
  await expect(page.getByRole('row').nth(5)).toBeVisible();

  await page.getByRole('button', { name: '导入', exact: true }).click();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel('选择文件（Excel 或 CSV）…').setInputFiles({
    name: '客户.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      '客户名称,税号,地址\r\n北京星河数码科技有限公司,91110108MA01K7H205,北京\r\n坏公司,123,\r\n',
      'utf8',
    ),
  });
  await expect(page.getByRole('region', { name: '导入预览' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: '关闭' }).click();

  await page.getByRole('button', { name: '去重' }).click();
  await expect(page.getByText(/组可能重复/)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: '关闭' }).click();

  await page.getByRole('button', { name: '导出', exact: true }).click();
  await expect(page.getByRole('dialog', { name: '导出客户' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '备份与恢复' }).click();
  await expect(page.getByRole('dialog', { name: '备份与恢复' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
