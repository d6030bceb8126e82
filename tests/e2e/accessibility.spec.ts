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

test('the manager: the tiers view with a tier’s defaults, and the editor’s defaults, credit and invoices', async ({
  extension,
}) => {
  test.slow(); // two axe runs over the whole manager with its table
  await (await popupWithSamples(extension)).close();
  const page = await extension.context.newPage();
  await page.goto(extension.url('manager.html'));
  await expect(page.getByRole('row').nth(5)).toBeVisible();
  await page.getByRole('button', { name: '等级与开票默认' }).click();
  await page.getByLabel('新等级名称').fill('金牌');
  await page.getByRole('button', { name: '添加等级' }).click();
  await page.getByLabel('备注模板').fill('合同{合同号} {发票号}');
  await page.getByLabel('交付邮箱').fill('not-an-email');
  await expect(page.locator('#tier-email-msg')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel('交付邮箱').fill('');
  await page.getByRole('button', { name: '保存开票默认' }).click();
  await page.getByRole('button', { name: '关闭' }).click();

  // A VIP sample with a monthly limit: the editor shows its defaults' hints, its credit and its (empty) invoices.
  await page.getByRole('searchbox', { name: /筛选/ }).fill('杭州西湖龙井');
  await page.getByRole('button', { name: '杭州西湖龙井茶业有限公司', exact: true }).click();
  await expect(page.locator('.credit-line')).toBeVisible();
  await expect(page.getByRole('region', { name: '发票', exact: true })).toContainText('没有这个客户的发票');
  expect(await seriousViolations(page)).toEqual([]);
});

test('the manager: the analytics page with its charts and a chart’s data table', async ({ extension }) => {
  const { basicExport, invoiceWorkbook } = await import('../support/invoice-export');
  // An import, then axe over a long page: more than the default on a busy machine.
  test.setTimeout(90_000);
  const page = await extension.context.newPage();
  await page.goto(extension.url('manager.html'));
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await page.getByLabel('选择文件（Excel 或 CSV）…').setInputFiles({
    name: '全量发票查询导出.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(invoiceWorkbook({ 发票基础信息: basicExport() })),
  });
  await page.getByRole('button', { name: /^导入 \d+ 张发票$/ }).click();
  await page.getByRole('button', { name: '完成' }).click();
  await page.getByRole('button', { name: '分析', exact: true }).click();
  const months = page.getByRole('figure', { name: '月度开票金额' });
  await expect(months.getByRole('img')).toBeVisible();
  await months.getByRole('button', { name: '显示数据' }).click();
  await expect(months.getByRole('table')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
