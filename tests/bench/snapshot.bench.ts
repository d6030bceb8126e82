// Runs in an extension page (bundled by snapshot-run.ts): times the automatic snapshots over the extension's own book.
import { bookStamp } from '../../lib/db/index-cache';
import { openBook } from '../../lib/db/open';
import { listSnapshots, openSnapshots, readRawCustomers, saveSnapshot } from '../../lib/db/snapshots';
import { sendMessage } from '../../lib/messaging/client';
import { customerInput } from '../support/book';
import { seedBook } from './seed.bench';

export { seedBook };

const usage = async () => (await navigator.storage.estimate()).usage ?? 0;

/** A snapshot taken in this page, as the worker takes one: the read of the book, then the write, timed apart. */
export async function timeSnapshot(): Promise<{ customers: number; readMs: number; writeMs: number; bytes: number }> {
  const book = await openBook();
  const snaps = await openSnapshots(book);
  try {
    const before = await usage();
    const t0 = performance.now();
    const records = await readRawCustomers(book);
    const t1 = performance.now();
    const meta = {
      takenAt: Date.now(),
      reason: 'daily' as const,
      bookVersion: book.version,
      stamp: await bookStamp(book),
    };
    const t2 = performance.now();
    await saveSnapshot(snaps, meta, records, 5);
    const t3 = performance.now();
    return {
      customers: records.length,
      readMs: Math.round(t1 - t0),
      writeMs: Math.round(t3 - t2),
      bytes: (await usage()) - before,
    };
  } finally {
    snaps.close();
    book.close();
  }
}

/**
 * The day's first write through the worker, which then takes the day's snapshot: how long the write takes, and how
 * long until the snapshot is kept.
 */
export async function timeFirstWrite(name: string): Promise<{ writeMs: number; keptMs: number; snapshots: number }> {
  const book = await openBook();
  const snaps = await openSnapshots(book);
  try {
    const count = (await listSnapshots(snaps)).length;
    const t0 = performance.now();
    const created = await sendMessage('page:create', { input: customerInput({ name, taxId: '' }) });
    if (!created.ok) throw new Error(`create failed: ${created.error.code}`);
    const t1 = performance.now();
    for (;;) {
      const now = (await listSnapshots(snaps)).length;
      if (now !== count)
        return { writeMs: Math.round(t1 - t0), keptMs: Math.round(performance.now() - t0), snapshots: now };
      if (performance.now() - t0 > 120_000) return { writeMs: Math.round(t1 - t0), keptMs: -1, snapshots: now };
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    snaps.close();
    book.close();
  }
}

/** Restores the newest snapshot through the worker (which first keeps the book as it is): how long it takes. */
export async function timeRestore(): Promise<{ ms: number; restored: number }> {
  const { snapshots } = await sendMessage('page:snapshots', {});
  const newest = snapshots[0];
  if (!newest) throw new Error('no snapshot');
  const t0 = performance.now();
  const result = await sendMessage('page:restoreSnapshot', { id: newest.id });
  if (!result.ok) throw new Error(`restore failed: ${result.reason}`);
  return { ms: Math.round(performance.now() - t0), restored: result.restored };
}

/** A write through the worker that takes no snapshot (the day has one). */
export async function timeWrite(name: string): Promise<number> {
  const t0 = performance.now();
  const created = await sendMessage('page:create', { input: customerInput({ name, taxId: '' }) });
  if (!created.ok) throw new Error(`create failed: ${created.error.code}`);
  return Math.round(performance.now() - t0);
}

export async function timeSearch(query: string): Promise<number> {
  const t0 = performance.now();
  await sendMessage('page:search', { query, limit: 20 });
  return Math.round(performance.now() - t0);
}
