import type { Page } from '@playwright/test';
import { SAMPLE_CUSTOMERS } from '../../lib/demo/samples';
import { durabilityZhCN } from '../../lib/i18n/words/durability';
import { LAST_BACKUP_KEY, REMINDER_KEY } from '../../lib/settings/backup-reminder';
import type { ExtensionBrowser } from '../support/browser';
import { popupWithSamples } from '../support/demo-flow';
import { launchWithoutUnlimitedStorage, setQuota, storedBook } from '../support/durability';
import { expect, test } from './fixtures';

const ALL = SAMPLE_CUSTOMERS.length;
const DAY = 86_400_000;

async function manager(extension: ExtensionBrowser): Promise<Page> {
  const page = await extension.context.newPage();
  await page.goto(extension.url('manager.html'));
  return page;
}

const reminder = (page: Page) => page.getByRole('region', { name: '备份提醒' });

/** Dates the last backup `days` ago, as if it had been made then (the reminder hears the change at once). */
const backedUpDaysAgo = (page: Page, days: number) =>
  page.evaluate(([key, at]) => browser.storage.local.set({ [key]: at }), [
    LAST_BACKUP_KEY,
    Date.now() - days * DAY,
  ] as const);

test('the manager reminds to back up a book never backed up or backed up long ago, and 立即备份 or 今天不再提醒 puts it away', async ({
  extension,
}) => {
  const empty = await manager(extension);
  await expect(empty.locator('.count')).toHaveText('显示 0 / 共 0 个客户');
  await expect(reminder(empty)).toHaveCount(0); // nothing to lose yet
  await empty.close();

  await (await popupWithSamples(extension)).close();
  const page = await manager(extension);
  await expect(page.locator('.count')).toHaveText(`显示 ${ALL} / 共 ${ALL} 个客户`);
  await expect(reminder(page)).toContainText(durabilityZhCN.reminderNever);
  const saved = page.waitForEvent('download');
  await reminder(page).getByRole('button', { name: '立即备份' }).click();
  expect((await saved).suggestedFilename()).toMatch(/^taitou-备份-\d{4}-\d{2}-\d{2}\.json$/);
  await expect(reminder(page)).toHaveCount(0);

  // Eight days on, past the seven of the default.
  await backedUpDaysAgo(page, 8);
  await expect(reminder(page)).toContainText('已经 8 天没有备份客户簿了。');
  // The backup view says when, and takes another number of days.
  await page.getByRole('button', { name: '备份与恢复' }).click();
  const dialog = page.getByRole('dialog', { name: '备份与恢复' });
  await expect(dialog).toContainText(/上次下载备份：\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  const days = dialog.getByLabel('超过几天未备份时提醒');
  await days.fill('10');
  // The view renders again before the field is left (here, another page dates the backup nine days ago): what was
  // typed stays, and leaving the field stores it.
  const last = dialog.locator('.last-backup');
  const eightDays = await last.textContent();
  await backedUpDaysAgo(page, 9);
  await expect(last).not.toHaveText(eightDays ?? '');
  await expect(days).toHaveValue('10');
  await days.press('Tab');
  // Another page sets another number: the field follows it (9 days is still short of it).
  await page.evaluate(([key]) => browser.storage.local.set({ [key]: { everyDays: 11, dismissedOn: null } }), [
    REMINDER_KEY,
  ] as const);
  await expect(days).toHaveValue('11');
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(reminder(page)).toHaveCount(0);
  await backedUpDaysAgo(page, 12);
  await expect(reminder(page)).toContainText('已经 12 天没有备份客户簿了。');

  await reminder(page).getByRole('button', { name: '今天不再提醒' }).click();
  await expect(reminder(page)).toHaveCount(0);
  await page.reload();
  await expect(page.locator('.count')).toHaveText(`显示 ${ALL} / 共 ${ALL} 个客户`);
  await expect(reminder(page)).toHaveCount(0);
});

test('a full disk under a bulk change or an editor save is said plainly in the manager, and nothing is written', async () => {
  test.setTimeout(120_000);
  const extension = await launchWithoutUnlimitedStorage();
  try {
    await (await popupWithSamples(extension)).close();
    const page = await manager(extension);
    await expect(page.locator('.count')).toHaveText(`显示 ${ALL} / 共 ${ALL} 个客户`);
    const before = await storedBook(page);
    await setQuota(extension, page, 1);

    await page.getByRole('checkbox', { name: '全选' }).check();
    await page.getByRole('region', { name: '批量操作' }).getByRole('button', { name: '设为 VIP' }).click();
    const alert = page.getByRole('alert').filter({ hasText: durabilityZhCN.storageFull });
    await expect(alert).toBeVisible();
    await alert.getByRole('button', { name: '关闭' }).click();
    await expect(alert).toHaveCount(0);

    const name = SAMPLE_CUSTOMERS[0]?.name ?? '';
    await page.getByRole('searchbox', { name: /筛选/ }).fill(name);
    await page.getByRole('row').filter({ hasText: name }).getByRole('button', { name, exact: true }).click();
    await page.getByLabel('电话').fill('0571-87654321');
    await page.getByRole('button', { name: '保存' }).click();
    // The editor handles its own failure: the message is its notice, not the page-wide alert.
    await expect(page.getByRole('status').filter({ hasText: durabilityZhCN.storageFull })).toBeVisible();
    await expect(alert).toHaveCount(0);

    expect(await storedBook(page)).toEqual(before);
  } finally {
    await extension.close();
  }
});
