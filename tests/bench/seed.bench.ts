// Runs in an extension page (bundled by suggest-run.ts): fills the extension's own customer book with generated
// customers, in chunks, the way a large import would leave it.
import { bookStamp, readIndexSnapshot } from '../../lib/db/index-cache';
import { openBook } from '../../lib/db/open';
import { sendMessage } from '../../lib/messaging/client';
import { generateCustomers } from '../support/generate';

export async function seedBook(count: number, chunk = 5000): Promise<{ generateMs: number; writeMs: number }> {
  const t0 = performance.now();
  const customers = generateCustomers(count);
  const t1 = performance.now();
  const db = await openBook();
  for (let i = 0; i < customers.length; i += chunk) {
    const tx = db.transaction('customers', 'readwrite');
    for (const c of customers.slice(i, i + chunk)) tx.store.put(c);
    await tx.done;
  }
  db.close();
  return { generateMs: Math.round(t1 - t0), writeMs: Math.round(performance.now() - t1) };
}

/** The first search after the worker (re)starts: it builds the index from the whole book before answering. */
export async function timeFirstSearch(query: string): Promise<{ ms: number; results: number }> {
  const start = performance.now();
  const results = await sendMessage('page:search', { query });
  return { ms: Math.round(performance.now() - start), results: results.length };
}

/** Resolves once the worker has saved an index snapshot of `count` customers (it does so when the book rests). */
export async function waitForSnapshot(count: number): Promise<void> {
  const book = await openBook();
  try {
    for (;;) {
      const saved = await readIndexSnapshot(book, await bookStamp(book));
      if (saved?.ids.length === count) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    book.close();
  }
}
