// Runs in the manager page (bundled by dedup-run.ts): the 去重 scan over a generated book with planted duplicates,
// and the check on a single add, each beside a simpler baseline measured in the same run.
import { buildBlocks } from '../../lib/dedup/candidates';
import { checkOne, type ScanResult, scan, scanBlocks } from '../../lib/dedup/scan';
import type { Customer } from '../../lib/domain/customer';
import { nameKey } from '../../lib/domain/normalize';
import { generateCustomers } from '../support/generate';
import { stats } from './stats';

declare const gc: undefined | (() => void);

/**
 * Collects what generating the book left behind (dedup-run.ts starts Chromium with --expose-gc), as the page of a
 * clerk who opened the book a moment ago has: otherwise the timings below pay for the generator's garbage. Two
 * collections with a task in between, as the search bench does.
 */
async function settle(): Promise<void> {
  if (typeof gc !== 'function') return;
  gc();
  await new Promise((r) => setTimeout(r, 50));
  gc();
}

/** The ways a customer gets typed a second time. */
const VARIANTS: ((c: Customer) => Customer)[] = [
  (c) => ({ ...c, name: c.name.replace('有限责任公司', '有限公司'), taxId: '' }),
  (c) => ({ ...c, name: c.name.replace(/\(/g, '（').replace(/\)/g, '）'), taxId: c.taxId.toLowerCase() }),
  (c) => ({ ...c, name: c.name.replace(/^(北京|上海|广州|深圳|杭州)(市)?/, ''), taxId: '' }),
  (c) => ({ ...c, name: `${c.name} `, contact: '王会计' }),
];

/** A book of `count` customers of which `share` have a second, differently typed record, and those pairs. */
function plantedBook(count: number, share: number) {
  const originals = generateCustomers(Math.round(count * (1 - share)), 5);
  const planted: [string, string][] = [];
  const copies: Customer[] = [];
  for (let i = 0; copies.length < count - originals.length; i += 37) {
    const original = originals[i % originals.length] as Customer;
    const variant = VARIANTS[copies.length % VARIANTS.length] as (c: Customer) => Customer;
    const copy = { ...variant(original), id: `dup-${copies.length}` };
    copy.keys = { ...original.keys, name: nameKey(copy.name) };
    copies.push(copy);
    planted.push([original.id, copy.id]);
  }
  // The manager page gets the book from the background through runtime messaging, which serialises it: its
  // strings arrive flat, not as the long chains of pieces the generator's concatenation leaves.
  const book: Customer[] = JSON.parse(JSON.stringify([...originals, ...copies]));
  return { book, planted };
}

/** The share of planted pairs a scan put in one cluster. */
function recallOf(result: ScanResult, planted: readonly [string, string][]): number {
  const clusterOf = new Map<string, number>();
  result.clusters.forEach((cluster, n) => {
    for (const id of cluster.ids) clusterOf.set(id, n);
  });
  return planted.filter(([a, b]) => clusterOf.has(a) && clusterOf.get(a) === clusterOf.get(b)).length / planted.length;
}

export async function runDedupBench(count: number) {
  const { book, planted } = plantedBook(count, 0.02);
  const settled = typeof gc === 'function';
  await settle();
  // Baseline: grouping by exact name key, the check any spreadsheet can do.
  let t = performance.now();
  const exact = new Map<string, string[]>();
  for (const c of book) exact.set(c.keys.name, [...(exact.get(c.keys.name) ?? []), c.id]);
  const exactMs = performance.now() - t;

  // Cold: what the 去重 button costs when nothing was prepared, the blocks built and scanned.
  t = performance.now();
  const result = scan(book);
  const scanMs = performance.now() - t;

  // Warm: the blocks built ahead (the manager can build them once it has the book), then the scan over them.
  t = performance.now();
  const blocks = buildBlocks(book);
  const buildMs = performance.now() - t;
  await settle();
  t = performance.now();
  const warm = scanBlocks(blocks);
  const warmMs = performance.now() - t;

  // The check on one add, over the same blocks: each draft checked; beside it, a linear scan of the names.
  const drafts = planted.slice(0, 300).map(([, copyId]) => book.find((c) => c.id === copyId) as Customer);
  const checks: number[] = [];
  const naive: number[] = [];
  for (const draft of drafts) {
    const probe = { ...draft, id: undefined };
    let s = performance.now();
    checkOne(probe, blocks);
    checks.push(performance.now() - s);
    const core = draft.keys.name.slice(0, 6);
    s = performance.now();
    book.filter((c) => c.keys.name.includes(core));
    naive.push(performance.now() - s);
  }
  return {
    customers: book.length,
    planted: planted.length,
    settled,
    scanMs,
    buildMs,
    warmMs,
    exactMs,
    pairsCompared: result.stats.pairs,
    clusters: result.clusters.length,
    recall: recallOf(result, planted),
    warmClusters: warm.clusters.length,
    warmRecall: recallOf(warm, planted),
    check: stats(checks),
    naiveCheck: stats(naive),
  };
}
