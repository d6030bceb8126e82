import type { Page } from '@playwright/test';

/** The one piece of the extension API these helpers use, as an extension page has it. */
interface Runtime {
  sendMessage(message: unknown, answer: (reply?: { res?: unknown; err?: { message?: string } }) => void): void;
  lastError?: { message?: string };
}

/**
 * Sends one protocol message from an extension page as the extension's own client does (the wire format of
 * @webext-core/messaging) and resolves with the handler's answer; a refusal, or a worker that stopped before it
 * answered, rejects.
 */
export function sendFrom<T = unknown>(page: Page, type: string, data: unknown): Promise<T> {
  return page.evaluate(
    ([type, data]) =>
      new Promise<T>((resolve, reject) => {
        const runtime = (globalThis as unknown as { chrome: { runtime: Runtime } }).chrome.runtime;
        const message = { id: Math.floor(Math.random() * 1e9), type, data, timestamp: Date.now() };
        runtime.sendMessage(message, (reply) => {
          const lost = runtime.lastError;
          if (lost) reject(new Error(lost.message));
          else if (!reply) reject(new Error('No response'));
          else if (reply.err) reject(new Error(reply.err.message ?? 'refused'));
          else resolve(reply.res as T);
        });
      }),
    [type, data] as const,
  );
}

/** Every record of one store of the book, read in an extension page (the extension's own origin). */
export function storeRecords<T>(page: Page, store: 'customers' | 'audit' | 'quarantine'): Promise<T[]> {
  return page.evaluate(
    (store) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('taitou');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction(store).objectStore(store).getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            db.close();
            resolve(all.result);
          };
        };
      }),
    store,
  );
}

/** One customer's record as stored, and its audit entries oldest first, read together in one transaction. */
export function storedCustomer<C = Record<string, unknown>, A = Record<string, unknown>>(
  page: Page,
  id: string,
): Promise<{ record: C | undefined; audit: A[] }> {
  return page.evaluate(
    (id) =>
      new Promise<{ record: C | undefined; audit: A[] }>((resolve, reject) => {
        const open = indexedDB.open('taitou');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['customers', 'audit']);
          const record = tx.objectStore('customers').get(id);
          const audit = tx.objectStore('audit').index('customerId').getAll(id);
          tx.onerror = () => reject(tx.error);
          tx.oncomplete = () => {
            db.close();
            resolve({ record: record.result, audit: audit.result });
          };
        };
      }),
    id,
  );
}

/**
 * Fills the book with `count` customers in a few transactions, made in the page from one valid `template` (each with
 * its own id, name, tax ID and keys): a large book as an import would leave it, without shipping it over DevTools.
 * Resolves with their ids. The worker must have opened (and so created) the book first; `prefix` (unique per call)
 * starts their ids, names and tax IDs.
 */
export function seedCustomers(page: Page, template: object, count: number, prefix = 'seed'): Promise<string[]> {
  if (prefix.length > 14) throw new Error('a prefix of 14 characters at most: it starts each tax ID');
  return page.evaluate(
    ([template, count, prefix]) =>
      new Promise<string[]>((resolve, reject) => {
        const base = template as { entries: { id: string }[]; keys: Record<string, string> };
        const open = indexedDB.open('taitou');
        open.onerror = () => reject(open.error);
        open.onsuccess = async () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('customers')) {
            db.close();
            return reject(new Error('the book is not open yet: ask the worker something first'));
          }
          const ids: string[] = [];
          for (let from = 0; from < count; from += 5000) {
            const tx = db.transaction('customers', 'readwrite');
            for (let i = from; i < Math.min(count, from + 5000); i++) {
              const n = String(i).padStart(6, '0');
              const id = `${prefix}-${n}`;
              const name = `${prefix}批量测试${n}贸易有限公司`;
              const taxId = `${prefix}${n}`.toUpperCase().slice(0, 20);
              const entries = base.entries.map((e) => ({ ...e, id: `${id}-1` }));
              const keys = { name, pinyin: `piliangceshi${n}maoyiyouxiangongsi`, initials: `plcs${n}myyxgs`, taxId };
              tx.objectStore('customers').put({ ...base, id, name, taxId, entries, defaultEntryId: `${id}-1`, keys });
              ids.push(id);
            }
            await new Promise<void>((done, fail) => {
              tx.oncomplete = () => done();
              tx.onerror = () => fail(tx.error);
            });
          }
          db.close();
          resolve(ids);
        };
      }),
    [template, count, prefix] as const,
  );
}
