// Runs in the manager page (bundled by import-run.ts): the floor an import's commit is compared with — the same
// records put into a book of the same schema in one transaction, nothing else.
import { openBook } from '../../lib/db/open';
import type { Customer } from '../../lib/domain/customer';

const FLOOR_BOOK = 'taitou-bench-floor';

/** The customers an import added, as the book stores them. */
export async function importedRecords(): Promise<Customer[]> {
  const book = await openBook();
  try {
    // A book in the clear (the bench never turns the lock on): its records are customers as they are.
    return ((await book.getAll('customers')) as Customer[]).filter((c) => c.source === 'import');
  } finally {
    book.close();
  }
}

/** One read-write transaction putting `records` into an empty book of the same schema; its time in ms. */
export async function rawPut(records: readonly Customer[]): Promise<number> {
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(FLOOR_BOOK);
    request.onsuccess = request.onerror = resolve;
  });
  const book = await openBook(FLOOR_BOOK);
  try {
    const start = performance.now();
    const tx = book.transaction('customers', 'readwrite');
    for (const record of records) tx.store.put(record);
    await tx.done;
    return performance.now() - start;
  } finally {
    book.close();
    indexedDB.deleteDatabase(FLOOR_BOOK);
  }
}
