import type { Download, Page } from '@playwright/test';
import { SAMPLE_CUSTOMERS } from '../../lib/demo/samples';
import { durabilityZhCN } from '../../lib/i18n/words/durability';
import type { ExtensionBrowser } from '../support/browser';
import { popupWithSamples } from '../support/demo-flow';
import { launchWithoutUnlimitedStorage, setQuota, storedBook } from '../support/durability';
import { customerWorkbook, uscc } from '../support/import-files';
import { expect, test } from './fixtures';

const STORAGE_FULL = durabilityZhCN.storageFull;
const ALL = SAMPLE_CUSTOMERS.length;
const LONGJING = '杭州西湖龙井茶业有限公司';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function bytesOf(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function manager(extension: ExtensionBrowser): Promise<Page> {
  const page = await extension.context.newPage();
  await page.goto(extension.url('manager.html'));
  await expect(page.locator('.count')).toHaveText(`显示 ${ALL} / 共 ${ALL} 个客户`);
  return page;
}

/** Opens a customer in the editor, types a new phone and saves: an ordinary write. */
async function editPhone(page: Page, name: string, phone: string) {
  const filter = page.getByRole('searchbox', { name: /筛选/ });
  await filter.fill(name);
  await page.getByRole('row').filter({ hasText: name }).getByRole('button', { name, exact: true }).click();
  await page.getByLabel('电话').fill(phone);
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status')).toHaveText(`已保存：${name}`);
  await filter.fill('');
}

const snapshotRows = (page: Page) =>
  page
    .getByRole('region', { name: '自动快照' })
    .getByRole('row')
    .filter({ hasNot: page.getByRole('columnheader') });

/** Restores the snapshot on row `row` of the backup view, answering its confirmation. */
async function restoreSnapshotRow(page: Page, row: number) {
  page.once('dialog', (dialog) => dialog.accept());
  await snapshotRows(page)
    .nth(row)
    .getByRole('button', { name: /^恢复 .+ 的快照$/ })
    .click();
}

test("the day's first change is kept as a snapshot; the backup view restores it, and the snapshot it keeps first takes the restore back", async ({
  extension,
}) => {
  test.setTimeout(90_000);
  await (await popupWithSamples(extension)).close();
  const page = await manager(extension);
  const loaded = await storedBook(page);

  // Loading the samples was the day's first change: its snapshot holds them. The edit comes after.
  await editPhone(page, LONGJING, '0571-87654321');
  // Everything but one customer is deleted: a risky change, but the day's snapshot is minutes old.
  await page.getByRole('checkbox', { name: '全选' }).check();
  await page.getByRole('checkbox', { name: `选择 ${LONGJING}` }).uncheck();
  await page.getByRole('region', { name: '批量操作' }).getByRole('button', { name: '删除' }).click();
  await expect(page.locator('.count')).toHaveText('显示 1 / 共 1 个客户');
  const pruned = await storedBook(page);

  await page.getByRole('button', { name: '备份与恢复' }).click();
  const dialog = page.getByRole('dialog', { name: '备份与恢复' });
  // Chromium declines persist() for an extension, but unlimitedStorage keeps the book from eviction.
  await expect(dialog.getByRole('region', { name: '存储' })).toContainText(durabilityZhCN.storageProtection_unlimited);
  await expect(snapshotRows(page)).toHaveCount(1);
  await expect(snapshotRows(page).first()).toContainText(`当天第一次修改时${ALL}`);
  await restoreSnapshotRow(page, 0);
  await expect(dialog.getByRole('status')).toHaveText(`已从快照恢复 ${ALL} 个客户；恢复前的客户簿已另存为快照`);
  // The book is exactly as the samples left it.
  expect(await storedBook(page)).toEqual({ ...loaded, audit: expect.any(Number) });
  await expect(snapshotRows(page)).toHaveCount(2);
  await expect(snapshotRows(page).first()).toContainText('恢复前1');
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(page.locator('.count')).toHaveText(`显示 ${ALL} / 共 ${ALL} 个客户`);
  await page.getByRole('searchbox', { name: /筛选/ }).fill(LONGJING);
  await expect(page.getByRole('row').filter({ hasText: LONGJING })).not.toContainText('0571-87654321');
  await page.getByRole('searchbox', { name: /筛选/ }).fill('');

  // Taken back: the snapshot kept before the restore holds the one customer left.
  await page.getByRole('button', { name: '备份与恢复' }).click();
  await restoreSnapshotRow(page, 0);
  await expect(dialog.getByRole('status')).toHaveText('已从快照恢复 1 个客户；恢复前的客户簿已另存为快照');
  expect((await storedBook(page)).customers).toEqual(pruned.customers);
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(page.locator('.count')).toHaveText('显示 1 / 共 1 个客户');
});

test('a full disk: quick add, an import, a restore from a file and from a snapshot each say so, and the book stays exactly as it was', async () => {
  test.setTimeout(150_000);
  const extension = await launchWithoutUnlimitedStorage();
  try {
    const popup = await popupWithSamples(extension);
    const page = await manager(extension);
    await editPhone(page, LONGJING, '0571-87654321');
    await page.getByRole('button', { name: '备份与恢复' }).click();
    const dialog = page.getByRole('dialog', { name: '备份与恢复' });
    const saved = page.waitForEvent('download');
    await dialog.getByRole('button', { name: '下载完整备份（.json）' }).click();
    const backup = await bytesOf(await saved);
    await expect(snapshotRows(page)).toHaveCount(1);
    await expect(dialog.getByRole('region', { name: '存储' })).toContainText(
      durabilityZhCN.storageProtection_bestEffort,
    );
    await dialog.getByRole('button', { name: '关闭' }).click();
    const before = await storedBook(page);

    await setQuota(extension, page, 1);

    // Quick add in the popup.
    await popup.keyboard.press('Alt+N');
    await popup.getByLabel('名称', { exact: true }).fill('温州瓯江阀门制造有限公司');
    await popup.getByRole('button', { name: '保存' }).click();
    await expect(popup.getByRole('status')).toHaveText(STORAGE_FULL);

    // An import.
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await page.getByLabel('选择文件（Excel 或 CSV）…').setInputFiles({
      name: '新客户.xlsx',
      mimeType: XLSX,
      buffer: customerWorkbook([
        ['温州瓯江阀门制造有限公司', uscc('91330300MA2AB3C4D'), '温州市鹿城区学院路1号', '0577-88001234', '', ''],
        ['台州椒江船舶配件有限公司', uscc('91331000MA2CD5E6F'), '', '', '', ''],
      ]),
    });
    await page.getByRole('button', { name: '导入 2 行' }).click();
    await expect(page.getByRole('alert')).toHaveText(STORAGE_FULL);

    // A restore from the backup file, replacing the book, and one from the snapshot.
    const restoring = await manager(extension);
    await restoring.getByRole('button', { name: '备份与恢复' }).click();
    const again = restoring.getByRole('dialog', { name: '备份与恢复' });
    await again.getByRole('radio', { name: /^替换/ }).check();
    restoring.once('dialog', (d) => d.accept());
    await again.getByLabel('选择备份文件并恢复…').setInputFiles({
      name: 'taitou.json',
      mimeType: 'application/json',
      buffer: backup,
    });
    await expect(again.getByRole('alert')).toHaveText(STORAGE_FULL);
    await restoreSnapshotRow(restoring, 0);
    await expect(again.getByRole('alert')).toHaveText(STORAGE_FULL);

    expect(await storedBook(restoring)).toEqual(before);

    // Space again: the same quick add goes through.
    await setQuota(extension, page, undefined);
    await popup.getByRole('button', { name: '保存' }).click();
    await expect(popup.getByRole('status')).toContainText('已保存：温州瓯江阀门制造有限公司');
    expect((await storedBook(restoring)).customers).toHaveLength(ALL + 1);
  } finally {
    await extension.close();
  }
});
