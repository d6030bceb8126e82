import type { Page } from '@playwright/test';
import {
  bookMatches,
  checkSince,
  type RoundCheck,
  rememberBook,
  snapshotsWhole,
  whenWriting,
} from '../support/book-rounds';
import type { ExtensionBrowser } from '../support/browser';
import { generateCustomers } from '../support/generate';
import { seedCustomers, sendFrom } from '../support/raw-book';
import { workerStopper } from '../support/worker-stop';
import { expect, test } from './fixtures';

// The service worker stopped in the middle of a large write (Chrome stops workers when idle, on an update, or when it
// crashes): afterwards the book is exactly as before or holds the whole write, and the audit log tells the same story
// as the records. The page closed in the middle of an import is tested in import.spec.ts ('cancelling, or closing the
// page while the import is written, leaves the book exactly as it was').

const [TEMPLATE] = generateCustomers(1);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What one round's write does to the book when it lands whole. */
type Whole = Omit<RoundCheck, 'customers' | 'problems'>;

interface Round {
  /** When the worker was stopped. */
  at: string;
  /** The write had not answered when the worker was stopped. */
  cut: boolean;
  /** From sending the write to the stop, and to its end (its answer, or its failure with the worker). */
  ms: { stop: number; end: number };
  whole: Whole;
  check: RoundCheck;
}

/**
 * An extension page to write from (the save prompt, which has nothing to do with no capture pending), a worker that
 * has opened the book, and rounds of a write cut short: each round remembers the book (again only after a round
 * changed it), sends the write, stops the worker when `stopAt` resolves, waits for the write to end (answered, or
 * failed with the worker; a message the worker had not yet taken up is delivered again to the next worker, which
 * then does the whole write) and checks the book against the audit log.
 */
async function crashBench(extension: ExtensionBrowser) {
  const page = await extension.context.newPage();
  await page.goto(extension.url('capture.html'));
  await sendFrom(page, 'page:stats', {}); // the worker has opened (and so created) the book
  const stopper = await workerStopper(extension);
  const rounds: Round[] = [];
  let remembered = false;
  const round = async (
    at: string,
    write: () => Promise<unknown>,
    stopAt: (ended: Promise<void>) => Promise<unknown>,
    whole: Whole,
  ) => {
    if (!remembered) await rememberBook(page);
    const start = Date.now();
    let answered = false;
    const ended = write().then(
      () => {
        answered = true;
      },
      () => undefined,
    );
    await stopAt(ended);
    const cut = !answered;
    const stop = Date.now() - start;
    await stopper.stop();
    await ended;
    const check = await checkSince(page);
    remembered = check.changed === 0 && check.entries === 0;
    rounds.push({ at, cut, ms: { stop, end: Date.now() - start }, whole, check });
  };
  /** Each round is none or all of its write, the audit log agreeing; at least one was cut short and rolled back. */
  const expectNoneOrAll = () => {
    test.info().annotations.push({
      type: 'rounds',
      description: rounds
        .map((r) => `${r.at}: ${r.cut ? 'cut' : 'answered'} (${r.ms.stop}/${r.ms.end} ms), ${r.check.changed} changed`)
        .join('; '),
    });
    for (const { at, whole, check } of rounds) {
      expect(check.problems, `stopped at ${at}`).toEqual([]);
      const { changed, entries, batches } = check;
      const none = { changed: 0, entries: 0, batches: 0 };
      expect([none, whole], `stopped at ${at}: none or all of it`).toContainEqual({ changed, entries, batches });
    }
    expect(rounds.some((r) => r.cut && r.check.changed === 0)).toBe(true);
  };
  return { page, stopper, rounds, round, expectNoneOrAll, close: () => stopper.close() };
}

/** Stops the worker `delay` ms after the write has taken hold of the customers store. */
const intoTheWrite = (page: Page, delay: number) => async () => {
  await whenWriting(page);
  await sleep(delay);
};

test('a bulk tag over 20,000 customers, the worker stopped at several moments: all tagged or none', async ({
  extension,
}) => {
  test.setTimeout(150_000);
  const bench = await crashBench(extension);
  const { page } = bench;
  const count = 20_000;
  const ids = await seedCustomers(page, TEMPLATE as object, count);
  const tag =
    (i: number, which = ids) =>
    () =>
      sendFrom(page, 'page:bulk', { ids: which, action: { kind: 'tag', tag: `断电${i}` } });
  const all = { changed: count, entries: count, batches: 1 };
  for (const [i, delay] of [0, 2000, 8000].entries()) {
    await bench.round(`${delay} ms into the write`, tag(i), intoTheWrite(page, delay), all);
  }
  // Stopped as soon as it answers (the index and the worker's other chores may still be under way); on part of the
  // book, to keep the test short.
  const part = ids.slice(0, 2000);
  await bench.round('its answer', tag(9, part), (ended) => ended, { changed: 2000, entries: 2000, batches: 1 });
  bench.expectNoneOrAll();

  expect(await snapshotsWhole(page)).toMatchObject({ broken: [] });
  // A new worker serves the book as it is.
  expect(await sendFrom(page, 'page:stats', {})).toMatchObject({ customers: count });
  const [tagged] = await sendFrom<{ tags: string[] }[]>(page, 'page:getMany', { ids: [part[0]] });
  expect(tagged?.tags).toContain('断电9');
  await bench.close();
});

test('a merge of 600 pairs, the worker stopped in the middle: all merged or none', async ({ extension }) => {
  test.setTimeout(120_000);
  const bench = await crashBench(extension);
  const { page } = bench;
  const pairs = 600;
  // Each round merges pairs of its own, all in the book from the start.
  const ids = await seedCustomers(page, TEMPLATE as object, pairs * 2 * 3, 'merge');
  const groupsOf = (round: number) =>
    Array.from({ length: pairs }, (_, k) => {
      const at = (round * pairs + k) * 2;
      const members = [ids[at], ids[at + 1]].map((id) => ({ id: id as string, revision: 1 }));
      return { members, survivorId: members[0]?.id as string };
    });
  const merged = { changed: pairs * 2, entries: pairs * 2, batches: 1 };
  const rounds = [
    { at: '0 ms into the write', stopAt: intoTheWrite(page, 0) },
    { at: '3000 ms into the write', stopAt: intoTheWrite(page, 3000) },
    { at: 'its answer', stopAt: (ended: Promise<void>) => ended },
  ];
  for (const [i, { at, stopAt }] of rounds.entries()) {
    const groups = groupsOf(i);
    await bench.round(at, () => sendFrom(page, 'page:mergeMany', { groups }), stopAt, merged);
  }
  bench.expectNoneOrAll();
  expect(await snapshotsWhole(page)).toMatchObject({ broken: [] });
  await bench.close();
});

/**
 * Runs in an extension page: an import of `count` new customers over the import port, as the manager sends one
 * (rows in chunks, then commit). The write's progress is kept in `__importProgress` for the test to watch; resolves
 * with how it ended, 'gone' when the worker went away.
 */
const importRows = ([count, round]: [number, number]) =>
  new Promise<string>((resolve) => {
    const state = globalThis as unknown as { __importProgress: number };
    state.__importProgress = 0;
    type Port = {
      postMessage(message: unknown): void;
      onMessage: { addListener(f: (m: { type: string; done?: number }) => void): void };
      onDisconnect: { addListener(f: () => void): void };
    };
    const runtime = (globalThis as unknown as { chrome: { runtime: { connect(o: { name: string }): Port } } }).chrome
      .runtime;
    const port = runtime.connect({ name: 'taitou:import' });
    port.onMessage.addListener((message) => {
      if (message.type === 'progress') state.__importProgress = message.done ?? 0;
      else resolve(message.type);
    });
    port.onDisconnect.addListener(() => resolve('gone'));
    for (let from = 0; from < count; from += 1000) {
      const writes = [];
      for (let i = from; i < Math.min(count, from + 1000); i++) {
        const n = `${round}${String(i).padStart(5, '0')}`;
        const name = `断电导入${n}贸易有限公司`;
        const draft = {
          name,
          taxId: `91330${n}IMPORT`.slice(0, 18),
          entries: [{ id: 'main', address: `杭州市${n}号` }],
          defaultEntryId: 'main',
          source: 'import',
        };
        writes.push({ row: i + 2, draft, keys: { name, pinyin: `duandian${n}`, initials: `dd${n}` } });
      }
      port.postMessage({ type: 'rows', writes });
    }
    port.postMessage({ type: 'commit' });
  });

test('an import commit of 4,000 customers, the worker stopped while it is written: all of it or none', async ({
  extension,
}) => {
  test.setTimeout(120_000);
  const bench = await crashBench(extension);
  const { page } = bench;
  await seedCustomers(page, TEMPLATE as object, 2000); // a book to import into
  const rows = 4000;
  const imported = { changed: rows, entries: rows / 1000, batches: 1 };
  // The port reports each chunk written (not yet committed): stop after the first, after most, and after the end.
  const afterProgress = (done: number) => () =>
    page.waitForFunction(
      (done) => (globalThis as unknown as { __importProgress: number }).__importProgress >= done,
      done,
      { polling: 20, timeout: 60_000 },
    );
  const rounds = [
    { at: '1,000 rows written', stopAt: afterProgress(1000) },
    { at: '3,000 rows written', stopAt: afterProgress(3000) },
    { at: 'its answer', stopAt: (ended: Promise<void>) => ended },
  ];
  for (const [i, { at, stopAt }] of rounds.entries()) {
    await bench.round(at, () => page.evaluate(importRows, [rows, i] as [number, number]), stopAt, imported);
  }
  bench.expectNoneOrAll();
  expect(await snapshotsWhole(page)).toMatchObject({ broken: [] });
  const landed = bench.rounds.map((r) => r.check.changed > 0);
  expect(await sendFrom(page, 'page:stats', {})).toMatchObject({
    customers: 2000 + rows * landed.filter(Boolean).length,
  });
  // The next worker's search index holds the book as it is, not as it was when the index was last saved.
  for (const [i, kept] of landed.entries()) {
    const name = `断电导入${i}00000贸易有限公司`;
    const found = await sendFrom<{ name: string }[]>(page, 'page:search', { query: name, limit: 5 });
    expect(found.map((c) => c.name)).toEqual(kept ? [name] : []);
  }
  await bench.close();
});

test('a snapshot put back over the book, the worker stopped while it is written: the book as it was, or the snapshot', async ({
  extension,
}) => {
  test.setTimeout(120_000);
  const bench = await crashBench(extension);
  const { page, stopper } = bench;
  const ids = await seedCustomers(page, TEMPLATE as object, 3000, 'snap');
  // The day's first write keeps a snapshot of the whole book; then most of the book is deleted.
  await sendFrom(page, 'page:bulk', { ids: ids.slice(0, 1), action: { kind: 'tag', tag: '快照后' } });
  await sendFrom(page, 'page:bulk', { ids: ids.slice(1000), action: { kind: 'delete' } });
  type Listed = { snapshots: { id: number; customers: number; reason: string }[] };
  const daily = async () =>
    (await sendFrom<Listed>(page, 'page:snapshots', {})).snapshots.find(
      (s) => s.reason === 'daily' && s.customers === 3000,
    )?.id;
  await expect.poll(daily, { timeout: 20_000 }).toBeDefined(); // kept beside the day's first write, not before it
  const id = (await daily()) ?? 0;

  const outcomes: string[] = [];
  const stops = [intoTheWrite(page, 0), intoTheWrite(page, 300), (ended: Promise<void>) => ended];
  for (const [i, stopAt] of stops.entries()) {
    await rememberBook(page);
    let answered = false;
    const ended = sendFrom(page, 'page:restoreSnapshot', { id }).then(
      () => {
        answered = true;
      },
      () => undefined,
    );
    await stopAt(ended);
    const cut = !answered;
    await stopper.stop();
    await ended;
    const { customers, asBefore, asSnapshot } = await bookMatches(page, id);
    outcomes.push(
      `${i}: ${cut ? 'cut' : 'answered'}, ${asSnapshot ? 'the snapshot' : asBefore ? 'as before' : 'neither'}`,
    );
    expect(asBefore || asSnapshot, `round ${i}: ${customers} customers`).toBe(true);
  }
  test.info().annotations.push({ type: 'rounds', description: outcomes.join('; ') });
  expect(outcomes.some((o) => o.endsWith('cut, as before'))).toBe(true);
  expect(outcomes.at(-1)).toMatch(/the snapshot$/);
  expect(await snapshotsWhole(page)).toMatchObject({ broken: [] });
  await bench.close();
});
