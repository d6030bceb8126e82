import { read as readXlsx } from '@e965/xlsx';
import type { Download, Page } from '@playwright/test';
import { SAMPLE_CUSTOMERS } from '../../lib/demo/samples';
import { PLATFORM_CUSTOMERS_SHEET } from '../../lib/export/platform-customers';
import { readImportFile } from '../../lib/import/read-file';
import { importRows } from '../../lib/import/rows';
import { popupWithSamples } from '../support/demo-flow';
import { expect, test } from './fixtures';

async function bytesOf(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const count = (page: Page) => page.locator('.count');
const ALL = `显示 ${SAMPLE_CUSTOMERS.length} / 共 ${SAMPLE_CUSTOMERS.length} 个客户`;

test('export to .xlsx reads back as the same customers, digits exact, a +86 phone as typed', async ({ extension }) => {
  await (await popupWithSamples(extension)).close();
  const page = await extension.context.newPage();
  await page.goto(extension.url('manager.html'));
  await expect(count(page)).toHaveText(ALL);
  // A phone written the international way starts with +, which a CSV must neutralise and an .xlsx text cell need not.
  const name = '杭州西湖龙井茶业有限公司';
  const phone = '+86 571 8888 1234';
  const filter = page.getByRole('searchbox', { name: /筛选/ });
  await filter.fill(name);
  await page.getByRole('row').filter({ hasText: name }).getByRole('button', { name, exact: true }).click();
  await page.getByLabel('电话').fill(phone);
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status')).toHaveText(`已保存：${name}`);
  await filter.fill('');
  await expect(count(page)).toHaveText(ALL);

  await page.getByRole('button', { name: '导出', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '导出客户' });
  await dialog.getByRole('radio', { name: '税务平台客户信息格式' }).check();
  const saved = page.waitForEvent('download');
  await dialog.getByRole('button', { name: `导出 ${SAMPLE_CUSTOMERS.length} 个客户` }).click();
  const file = await saved;
  expect(file.suggestedFilename()).toMatch(/^税务平台客户信息格式-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const bytes = new Uint8Array(await bytesOf(file));
  const read = readImportFile(bytes, file.suggestedFilename());
  if (!read.ok) throw new Error(read.problem);
  const [sheet] = read.sheets;
  if (!sheet?.header) throw new Error('no header in the export');
  const rows = importRows(sheet.rows, sheet.header.row, sheet.header.columns);
  const key = (c: { name: string; taxId?: string; account?: string }) => `${c.name}|${c.taxId ?? ''}|${c.account}`;
  expect(rows.map((r) => key({ ...r.input, account: r.input.entries[0]?.bankAccount ?? '' })).sort()).toEqual(
    SAMPLE_CUSTOMERS.map((c) =>
      key({ name: c.name, taxId: c.taxId, account: c.entries.find((e) => e.id === c.defaultEntryId)?.bankAccount }),
    ).sort(),
  );

  // The raw cell, not the importer's reading (which would take a leading apostrophe off): column D is 电话.
  const raw = readXlsx(bytes, { type: 'array', cellFormula: true }).Sheets[PLATFORM_CUSTOMERS_SHEET];
  if (!raw) throw new Error('no customer sheet in the export');
  const nameCell = Object.keys(raw).find((address) => /^A\d+$/.test(address) && raw[address]?.v === name);
  if (!nameCell) throw new Error(`${name} is not in the export`);
  const phoneCell = raw[nameCell.replace('A', 'D')];
  expect(phoneCell).toMatchObject({ t: 's', v: phone });
  expect(phoneCell).not.toHaveProperty('f');
});

test('a backup restores a deleted book (merge), and a wrong file is refused with nothing changed', async ({
  extension,
}) => {
  await (await popupWithSamples(extension)).close();
  const page = await extension.context.newPage();
  await page.goto(extension.url('manager.html'));
  await expect(count(page)).toHaveText(ALL);

  await page.getByRole('button', { name: '备份与恢复' }).click();
  const dialog = page.getByRole('dialog', { name: '备份与恢复' });
  const saved = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '下载完整备份（.json）' }).click();
  const backup = await bytesOf(await saved);
  expect(JSON.parse(backup.toString('utf8'))).toMatchObject({ format: 'taitou-backup', version: 2 });
  await dialog.getByRole('button', { name: '关闭' }).click();

  // Lose most of the book.
  await page.getByRole('checkbox', { name: '全选' }).check();
  await page.getByRole('region', { name: '批量操作' }).getByRole('button', { name: '删除' }).click();
  await expect(count(page)).toHaveText('显示 0 / 共 0 个客户');

  await page.getByRole('button', { name: '备份与恢复' }).click();
  const input = dialog.getByLabel('选择备份文件并恢复…');
  await input.setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
  await expect(dialog.getByRole('alert')).toHaveText('这不是 Taitou 备份文件（可能是其他软件导出的文件）');
  await input.setInputFiles({ name: 'taitou.json', mimeType: 'application/json', buffer: backup });
  await expect(dialog.getByRole('status')).toHaveText(
    `已合并：新增 ${SAMPLE_CUSTOMERS.length}，更新 0，未变 0，拒绝 0`,
  );
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(count(page)).toHaveText(ALL);
  // The restored book is searchable at once: the worker read its index again.
  const popup = await extension.context.newPage();
  await popup.goto(extension.url('popup.html'));
  await popup.getByRole('combobox', { name: '搜索客户' }).fill('hzxhlj');
  await expect(popup.getByRole('option', { name: /杭州西湖龙井茶业有限公司/ })).toBeVisible();
});
