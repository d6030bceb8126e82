import { SAMPLE_CUSTOMERS } from '../../lib/demo/samples';
import { stopWorker } from '../support/browser';
import { popupWithSamples } from '../support/demo-flow';
import { expect, test } from './fixtures';

// Chrome stops the service worker after 30 seconds without events, and the search index lives in its memory. The
// worker saves the index once the book rests and a new worker restores it rather than reading the whole book.

/** Runs in the worker: how many customers the saved index snapshot holds (0 when there is none); its ids column. */
const savedSnapshotSize = () =>
  new Promise<number>((resolve) => {
    const open = indexedDB.open('taitou-cache');
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('snapshots')) return resolve(0);
      const get = db.transaction('snapshots').objectStore('snapshots').get('taitou/ids');
      get.onsuccess = () => resolve(get.result?.length ?? 0);
    };
  });

/**
 * Runs in the worker: gives one customer other search keys in the book itself, leaving the book's stamp alone (no
 * audit entry, same count and times), as nothing in Taitou writes. Only an index built from the book sees it.
 */
const rekeyUnseen = (name: string) =>
  new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('taitou');
    open.onsuccess = () => {
      const store = open.result.transaction('customers', 'readwrite').objectStore('customers');
      const find = store.index('name').openCursor();
      find.onsuccess = () => {
        const cursor = find.result;
        if (!cursor) return reject(new Error(`${name} not in the book`));
        if (cursor.value.name !== name) return cursor.continue();
        cursor.update({ ...cursor.value, keys: { ...cursor.value.keys, pinyin: 'gaiming', initials: 'gm' } });
        cursor.request.transaction?.addEventListener('complete', () => resolve());
      };
    };
  });

test('a restarted worker restores the saved search index instead of reading the book', async ({ extension }) => {
  await (await popupWithSamples(extension)).close();
  await expect
    .poll(() => extension.worker.evaluate(savedSnapshotSize), { timeout: 10_000 })
    .toBe(SAMPLE_CUSTOMERS.length);

  await extension.worker.evaluate(rekeyUnseen, '重庆重工机械配件有限公司');
  await stopWorker(extension);

  const popup = await extension.context.newPage();
  await popup.goto(extension.url('popup.html'));
  const search = popup.getByRole('combobox', { name: '搜索客户' });
  await search.fill('cqzg');
  await expect(popup.getByRole('option').first().locator('.name')).toHaveText('重庆重工机械配件有限公司');
  await search.fill('gaiming');
  await expect(popup.getByText('没有找到')).toBeVisible();
});
