import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { EXTENSION_DIR, type ExtensionBrowser, launchWithExtension } from './browser';

/**
 * Chromium with the built extension minus its unlimitedStorage permission, which exempts an extension from any quota:
 * with it, a quota set through DevTools never bites. Without it, a write over the quota fails as on a full disk.
 */
export async function launchWithoutUnlimitedStorage(): Promise<ExtensionBrowser> {
  const dir = mkdtempSync(join(tmpdir(), 'taitou-quota-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const path = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { permissions: string[] };
  manifest.permissions = manifest.permissions.filter((p) => p !== 'unlimitedStorage');
  writeFileSync(path, JSON.stringify(manifest));
  // Chromium takes the last of a repeated switch: these load the copy instead of the build.
  const extension = await launchWithExtension({
    extraArgs: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
  });
  const permissions = await extension.worker.evaluate(() => browser.runtime.getManifest().permissions);
  expect(permissions).not.toContain('unlimitedStorage');
  return {
    ...extension,
    close: async () => {
      await extension.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Sets the quota of the extension's origin (undefined: back to the browser's own) through DevTools, from `page`, and
 * waits until it is in force. IndexedDB keeps the space it found left for a while (about 30 seconds in Chromium)
 * before asking again; the wait writes to a scratch database of the same origin, never to the book.
 */
export async function setQuota(extension: ExtensionBrowser, page: Page, quotaSize: number | undefined): Promise<void> {
  const cdp = await extension.context.newCDPSession(page);
  const origin = extension.url('').replace(/\/$/, '');
  // Kept attached: DevTools drops its override with the session.
  await cdp.send('Storage.overrideQuotaForOrigin', quotaSize === undefined ? { origin } : { origin, quotaSize });
  if (quotaSize === undefined) return;
  const attempt = () =>
    page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const open = indexedDB.open('taitou-quota-probe', 1);
          open.onupgradeneeded = () => open.result.createObjectStore('tries');
          open.onerror = () => resolve(open.error?.name ?? 'error');
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction('tries', 'readwrite');
            tx.objectStore('tries').put('x'.repeat(1000), Date.now());
            tx.oncomplete = () => {
              db.close();
              resolve('written');
            };
            tx.onabort = () => {
              db.close();
              resolve(tx.error?.name ?? 'aborted');
            };
          };
        }),
    );
  await expect.poll(attempt, { timeout: 45_000, intervals: [1000] }).toBe('QuotaExceededError');
}

/** The book as stored, read in an extension page: each customer as id@revision, and how long the history is. */
export function storedBook(page: Page): Promise<{ customers: string[]; audit: number }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('taitou');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['customers', 'audit']);
          const customers = tx.objectStore('customers').getAll();
          const audit = tx.objectStore('audit').count();
          tx.oncomplete = () => {
            db.close();
            const ids = customers.result.map((c: { id: string; revision: number }) => `${c.id}@${c.revision}`);
            resolve({ customers: ids.sort(), audit: audit.result });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}
