import type { Page } from '@playwright/test';
import { SAMPLE_CUSTOMERS } from '../../lib/demo/samples';
import { popupWithSamples } from '../support/demo-flow';
import { gbkCsv } from '../support/import-files';
import { expect, test } from './fixtures';

const XINGHE = SAMPLE_CUSTOMERS[0];

/** The same company typed again without its tax ID, at its warehouse, with another contact. */
async function importSecondRecord(page: Page) {
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await page.getByLabel('选择文件（Excel 或 CSV）…').setInputFiles({
    name: '客户.csv',
    mimeType: 'text/csv',
    buffer: gbkCsv([
      ['客户名称', '地址', '电话', '联系人'],
      ['北京星河数码科技有限责任公司', '北京市昌平区回龙观西大街1号', '010-88886666', '王经理'],
    ]),
  });
  // The preview already takes it for the book's customer; the clerk keeps both, to merge in the scan.
  await page.getByRole('combobox', { name: '客户簿里有相似客户' }).selectOption('keepBoth');
  await page.getByRole('button', { name: '导入 1 行' }).click();
  await expect(page.getByRole('status').first()).toContainText('新增 1');
  await page.getByRole('button', { name: '完成' }).click();
}

test('the 去重 scan finds a customer entered twice; a merge takes the chosen field, keeps both addresses, and undoes', async ({
  extension,
}) => {
  await (await popupWithSamples(extension)).close();
  const page = await extension.context.newPage();
  await page.goto(extension.url('manager.html'));
  await expect(page.locator('.count')).toHaveText(
    `显示 ${SAMPLE_CUSTOMERS.length} / 共 ${SAMPLE_CUSTOMERS.length} 个客户`,
  );
  await importSecondRecord(page);
  const total = SAMPLE_CUSTOMERS.length + 1;
  await expect(page.locator('.count')).toHaveText(`显示 ${total} / 共 ${total} 个客户`);

  // Merged, then undone at once: both records are back.
  const mergeInScan = async () => {
    await page.getByRole('button', { name: '去重' }).click();
    const cluster = page.getByRole('article', { name: /北京星河数码科技有限公司/ });
    await expect(cluster).toBeVisible();
    // Keep the record with the tax ID (suggested: the more complete one), but take the contact from the new one.
    await expect(cluster.getByRole('columnheader').nth(1).getByRole('radio', { name: '保留这条' })).toBeChecked();
    await cluster
      .getByRole('row', { name: /联系人/ })
      .getByRole('radio', { name: '王经理' })
      .check();
    await cluster.getByRole('button', { name: '合并这 2 个客户' }).click();
    await expect(page.getByRole('status').first()).toContainText('已合并 2 个客户');
    await expect(cluster).toHaveCount(0);
  };
  await mergeInScan();
  await page.getByRole('status').first().getByRole('button', { name: '撤销' }).click();
  await expect(page.getByRole('status').first()).toHaveText('已撤销');
  await page.getByRole('button', { name: '关闭' }).click();
  await expect(page.locator('.count')).toHaveText(`显示 ${total} / 共 ${total} 个客户`);

  // Merged for good: one customer with both addresses and the chosen contact.
  await mergeInScan();
  await page.getByRole('button', { name: '关闭' }).click();
  await expect(page.locator('.count')).toHaveText(
    `显示 ${SAMPLE_CUSTOMERS.length} / 共 ${SAMPLE_CUSTOMERS.length} 个客户`,
  );
  await page.getByRole('searchbox', { name: /筛选/ }).fill('北京星河');
  const row = page.getByRole('row').filter({ hasText: XINGHE?.name ?? '' });
  await row.getByRole('button', { name: XINGHE?.name ?? '', exact: true }).click();
  await expect(page.getByLabel('联系人')).toHaveValue('王经理');
  await expect(page.getByRole('group', { name: /开票信息 2/ })).toBeVisible();
});

test('the auto-merge shows each group of one tax ID before merging them all, and one undo takes them back', async ({
  extension,
}) => {
  await (await popupWithSamples(extension)).close();
  const page = await extension.context.newPage();
  await page.goto(extension.url('manager.html'));
  // The same company again under its old fifteen-digit tax ID, which holds the credit code's organisation code.
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await page.getByLabel('选择文件（Excel 或 CSV）…').setInputFiles({
    name: '老客户.csv',
    mimeType: 'text/csv',
    buffer: gbkCsv([
      ['客户名称', '税号', '电话'],
      [XINGHE?.name ?? '', '110108MA01K7H20', '010-88886666'],
    ]),
  });
  await page.getByRole('button', { name: '导入 1 行' }).click();
  await expect(page.getByRole('status').first()).toContainText('新增 1');
  await page.getByRole('button', { name: '完成' }).click();
  const total = SAMPLE_CUSTOMERS.length + 1;
  await expect(page.locator('.count')).toHaveText(`显示 ${total} / 共 ${total} 个客户`);

  await page.getByRole('button', { name: '去重' }).click();
  await page.getByRole('button', { name: '自动合并税号相同的 1 组…' }).click();
  const preview = page.getByRole('region', { name: '自动合并预览' });
  await expect(preview.getByRole('listitem')).toHaveText([`保留“${XINGHE?.name}”，并入：${XINGHE?.name}`]);
  await preview.getByRole('button', { name: '合并这 1 组' }).click();
  await expect(page.getByRole('status').first()).toContainText('已合并 1 组，1 个客户并入');
  await expect(page.getByRole('article', { name: /北京星河数码科技有限公司/ })).toHaveCount(0);

  await page.getByRole('status').first().getByRole('button', { name: '撤销' }).click();
  await expect(page.getByRole('status').first()).toHaveText('已撤销');
  await page.getByRole('button', { name: '关闭' }).click();
  await expect(page.locator('.count')).toHaveText(`显示 ${total} / 共 ${total} 个客户`);
});
