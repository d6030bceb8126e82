import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { SAMPLE_CUSTOMERS } from '../../lib/demo/samples';
import { type ExtensionBrowser, launchWithExtension, stopWorker } from '../support/browser';

const PASSPHRASE = '春江花月夜 2026';
const [first] = SAMPLE_CUSTOMERS;

/** The customers store as IndexedDB holds it: how many records, how many sealed, and all its text. */
const RAW_BOOK = `new Promise((resolve, reject) => {
  const open = indexedDB.open('taitou');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const request = open.result.transaction('customers').objectStore('customers').getAll();
    request.onsuccess = () => {
      const all = request.result;
      open.result.close();
      resolve({ count: all.length, sealed: all.filter((c) => 'sealed' in c).length, text: JSON.stringify(all) });
    };
  };
})`;

async function popup(extension: ExtensionBrowser): Promise<Page> {
  const page = await extension.context.newPage();
  await page.goto(extension.url('popup.html'));
  return page;
}

test('the lock: turned on, the book is sealed on disk; locked, no page shows a customer until the passphrase', async () => {
  test.setTimeout(90_000);
  const profile = mkdtempSync(join(tmpdir(), 'taitou-lock-'));
  let extension = await launchWithExtension({ profileDir: profile });
  try {
    const start = await popup(extension);
    await start.getByRole('button', { name: '载入示例客户' }).click();
    await expect(start.getByRole('option').first()).toBeVisible();

    const manager = await extension.context.newPage();
    await manager.goto(extension.url('manager.html'));
    await manager.getByRole('button', { name: '加密锁' }).click();
    await expect(manager.getByRole('status').filter({ hasText: '未开启' })).toBeVisible();
    // Too short, then two that differ: refused before anything is sent.
    await manager.getByLabel('口令', { exact: true }).fill('短');
    await manager.getByLabel('再次输入口令').fill('短');
    await manager.getByLabel('我明白').check();
    await manager.getByRole('button', { name: '开启加密锁' }).click();
    await expect(manager.getByRole('alert')).toHaveText('口令至少 8 个字符');
    await manager.getByLabel('口令', { exact: true }).fill(PASSPHRASE);
    await manager.getByLabel('再次输入口令').fill(`${PASSPHRASE}!`);
    await manager.getByRole('button', { name: '开启加密锁' }).click();
    await expect(manager.getByRole('alert')).toHaveText('两次输入的口令不一致');
    await manager.getByLabel('再次输入口令').fill(PASSPHRASE);
    await manager.getByRole('button', { name: '开启加密锁' }).click();
    await expect(manager.getByRole('alert')).toHaveText('加密锁已开启：客户簿已加密');

    const raw = (await manager.evaluate(RAW_BOOK)) as { count: number; sealed: number; text: string };
    expect(raw.count).toBe(SAMPLE_CUSTOMERS.length);
    expect(raw.sealed).toBe(raw.count);
    for (const c of SAMPLE_CUSTOMERS) expect(raw.text).not.toContain(c.name);
    // The popup's head start (its last list in localStorage, on disk) is gone and kept no more.
    expect(await manager.evaluate("localStorage.getItem('taitou.recent')")).toBeNull();

    // Unlocked, everything works as before: the popup finds the customer.
    const open = await popup(extension);
    await open.getByRole('combobox', { name: '搜索客户' }).fill(first?.name.slice(0, 4) ?? '');
    await expect(open.getByRole('option').first()).toContainText(first?.name ?? '');

    // Lock now: every open page turns to the passphrase form, and shows no customer.
    await manager.getByRole('button', { name: '立即锁定' }).click();
    for (const page of [manager, open]) {
      await expect(page.getByRole('heading', { name: 'Taitou 已锁定' })).toBeVisible();
      expect(await page.locator('body').innerText()).not.toContain(first?.name);
    }
    const locked = await popup(extension);
    await expect(locked.getByRole('heading', { name: 'Taitou 已锁定' })).toBeVisible();
    await expect(locked.getByLabel('口令')).toBeFocused();
    await locked.keyboard.type('错误的口令');
    await locked.keyboard.press('Enter');
    await expect(locked.getByRole('alert')).toContainText('口令不对');
    await locked.getByLabel('口令').fill(PASSPHRASE);
    await locked.keyboard.press('Enter');
    await expect(locked.getByRole('option').first()).toBeVisible();
    // The other pages opened with it.
    await expect(manager.getByRole('heading', { name: 'Taitou 已锁定' })).toBeHidden();

    // A worker put to sleep (as Chrome does when idle) wakes up still unlocked: the secret is in session memory.
    await stopWorker(extension);
    const again = await popup(extension);
    await expect(again.getByRole('option').first()).toBeVisible();

    // A browser restart forgets it: locked.
    await extension.close();
    extension = await launchWithExtension({ profileDir: profile });
    const restarted = await popup(extension);
    await expect(restarted.getByRole('heading', { name: 'Taitou 已锁定' })).toBeVisible();
    expect(await restarted.locator('body').innerText()).not.toContain(first?.name);
    await restarted.getByLabel('口令').fill(PASSPHRASE);
    await restarted.keyboard.press('Enter');
    await restarted.getByRole('combobox', { name: '搜索客户' }).fill(first?.name.slice(0, 4) ?? '');
    await expect(restarted.getByRole('option').first()).toContainText(first?.name ?? '');
  } finally {
    await extension.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('a backup sealed under a passphrase holds nothing readable and restores only with that passphrase', async () => {
  test.setTimeout(60_000);
  const extension = await launchWithExtension();
  try {
    const start = await popup(extension);
    await start.getByRole('button', { name: '载入示例客户' }).click();
    await expect(start.getByRole('option').first()).toBeVisible();
    const page = await extension.context.newPage();
    await page.goto(extension.url('manager.html'));
    await page.getByRole('button', { name: '备份与恢复' }).click();
    const dialog = page.getByRole('dialog', { name: '备份与恢复' });
    await dialog.getByLabel('用口令加密备份文件').check();
    await dialog.getByLabel('口令', { exact: true }).fill(PASSPHRASE);
    await dialog.getByLabel('再次输入口令').fill(PASSPHRASE);
    const saved = page.waitForEvent('download');
    await dialog.getByRole('button', { name: '下载完整备份（.json）' }).click();
    const download = await saved;
    const path = await download.path();
    const text = readFileSync(path, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 'taitou-backup-sealed', iterations: 600_000 });
    for (const c of SAMPLE_CUSTOMERS) expect(text).not.toContain(c.name);

    // Lose the book, then restore it from the sealed file: a wrong passphrase changes nothing, the right one restores.
    await dialog.getByRole('button', { name: '关闭' }).click();
    await page.getByRole('checkbox', { name: '全选' }).check();
    await page.getByRole('region', { name: '批量操作' }).getByRole('button', { name: '删除' }).click();
    await expect(page.locator('.count')).toHaveText('显示 0 / 共 0 个客户');
    await page.getByRole('button', { name: '备份与恢复' }).click();
    await dialog.getByLabel('选择备份文件并恢复…').setInputFiles({
      name: 'sealed.json',
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
    const ask = dialog.getByLabel('这个备份文件已加密，请输入它的口令：');
    await ask.fill('不是这个口令');
    await dialog.getByRole('button', { name: '打开并恢复' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('口令不对，或文件已损坏。客户簿没有任何改动。');
    await ask.fill(PASSPHRASE);
    await dialog.getByRole('button', { name: '打开并恢复' }).click();
    await expect(dialog.getByRole('status')).toHaveText(
      `已合并：新增 ${SAMPLE_CUSTOMERS.length}，更新 0，未变 0，拒绝 0`,
    );
  } finally {
    await extension.close();
  }
});
