import { SAMPLE_CUSTOMERS } from '../../lib/demo/samples';
import { expect, test } from './fixtures';

test('the extension loads with its service worker and manifest', async ({ extension }) => {
  const manifest = await extension.worker.evaluate<{ manifest_version: number; name: string }>(
    'chrome.runtime.getManifest()',
  );
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.name).toBe('Taitou 抬头');
});

test('the popup loads the sample customers, lists them and finds one by pinyin initials', async ({ extension }) => {
  const page = await extension.context.newPage();
  await page.goto(extension.url('popup.html'));
  await expect(page.getByText('客户簿还是空的。')).toBeVisible();
  await page.getByRole('button', { name: '载入示例客户' }).click();
  await expect(page.getByRole('status')).toHaveText(`已载入 ${SAMPLE_CUSTOMERS.length} 个示例客户`);
  await expect(page.locator('.count')).toHaveText(`共 ${SAMPLE_CUSTOMERS.length} 个客户`);

  const options = page.getByRole('option');
  await expect(options.first()).toBeVisible();
  expect(await options.count()).toBeGreaterThan(5);

  // The search box has focus on open; type the initials of 重庆重工机械配件 (重 read chong, then zhong).
  await page.reload();
  await page.keyboard.type('cqzg');
  await expect(page.getByRole('heading', { name: '搜索结果' })).toBeVisible();
  await expect(options.first().locator('.name')).toHaveText('重庆重工机械配件有限公司');
  await expect(options).toHaveCount(1);
});

test('the popup searches Chinese, full pinyin and tax-ID prefixes', async ({ extension }) => {
  const page = await extension.context.newPage();
  await page.goto(extension.url('popup.html'));
  await page.getByRole('button', { name: '载入示例客户' }).click();
  const search = page.getByRole('combobox', { name: '搜索客户' });
  const first = page.getByRole('option').first().locator('.name');

  await search.fill('龙井');
  await expect(first).toHaveText('杭州西湖龙井茶业有限公司');
  await search.fill('xihulongjing');
  await expect(first).toHaveText('杭州西湖龙井茶业有限公司');

  const sample = SAMPLE_CUSTOMERS.find((c) => c.name === '杭州西湖龙井茶业有限公司');
  await search.fill(sample?.taxId?.slice(0, 10) ?? 'missing');
  await expect(first).toHaveText('杭州西湖龙井茶业有限公司');

  await search.fill('没有这个客户');
  await expect(page.getByText('没有找到匹配的客户')).toBeVisible();
});

test('the popup paints the recent customers it showed last time in its first frame, then the fresh list', async ({
  extension,
}) => {
  const openPopup = async () => {
    const page = await extension.context.newPage();
    // What the page holds when its own scripts are done (DOMContentLoaded), before any answer from the worker can
    // have been rendered.
    await page.addInitScript({
      content: `document.addEventListener('DOMContentLoaded', () => {
        window.__atLoad = [...document.querySelectorAll('[role="option"] .name')].map((n) => n.textContent);
      });`,
    });
    await page.goto(extension.url('popup.html'));
    return page;
  };
  const first = await openPopup();
  await first.getByRole('button', { name: '载入示例客户' }).click();
  await expect(first.getByRole('option').first()).toBeVisible();
  expect(await first.evaluate(() => (window as unknown as { __atLoad: string[] }).__atLoad)).toEqual([]);
  const shown = await first.getByRole('option').locator('.name').allTextContents();
  await first.close();

  const second = await openPopup();
  expect(await second.evaluate(() => (window as unknown as { __atLoad: string[] }).__atLoad)).toEqual(shown);
  // A customer deleted since is gone as soon as the fresh list arrives.
  const [gone] = shown;
  await extension.worker.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const open = indexedDB.open('taitou');
      open.onsuccess = () => resolve(open.result);
    });
    const store = db.transaction('customers', 'readwrite').objectStore('customers');
    const all = await new Promise<{ id: string; name: string }[]>((resolve) => {
      const r = store.getAll();
      r.onsuccess = () => resolve(r.result);
    });
    const id = all.find((c) => c.name === name)?.id ?? '';
    await new Promise((resolve) => {
      store.delete(id).onsuccess = resolve;
    });
    db.close();
  }, gone ?? '');
  await second.close();
  const third = await openPopup();
  expect(await third.evaluate(() => (window as unknown as { __atLoad: string[] }).__atLoad)).toContain(gone);
  await expect(third.getByRole('option').locator('.name')).not.toContainText([gone ?? '']);
});
