// Runs inside the extension's popup page (bundled to one IIFE by run.ts): generates customers,
// builds the index, measures its heap and simulates typing, against the naive baseline.
import type { Customer } from '../../lib/domain/customer';
import { SearchIndex } from '../../lib/search/index';
import { searchKeys } from '../../lib/search/keys';
import { GENERATED_NOW, generateCustomers, SAMPLE_TAGS } from '../support/generate';
import { naiveSearch } from './naive';
import { type Stats, stats } from './stats';

export const QUERY_KINDS = ['chinese', 'pinyin', 'initials', 'taxId', 'tag'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

export interface BenchReport {
  count: number;
  seed: number;
  userAgent: string;
  timerResolutionMs: number;
  generateMs: number;
  /** structuredClone of the generated customers, standing in for the read from IndexedDB. */
  loadMs: number;
  buildMs: number;
  /**
   * customers: the loaded records (and the names the baseline scans); indexOverCustomers: what
   * building the index adds while the records are alive; indexRetained: what the index keeps
   * alive on its own, strings included, once the records are gone.
   */
  heapMB: { baseline: number; customers: number; indexOverCustomers: number; indexRetained: number };
  coldFirstSearchMs: number;
  upsert: Stats;
  /** Per kind; `slowest` are the index's slowest keystrokes by their median over the repetitions. */
  kinds: Record<QueryKind, { targets: string[]; index: Stats; naive: Stats; slowest: { query: string; ms: number }[] }>;
  overall: { index: Stats; naive: Stats };
}

declare const gc: undefined | (() => void);
const MB = 1024 * 1024;

async function heap(): Promise<number> {
  if (typeof gc !== 'function') throw new Error('gc() missing: start Chromium with --js-flags=--expose-gc');
  // Two collections with a task in between, so that finalisers and weak references settle.
  gc();
  await new Promise((r) => setTimeout(r, 50));
  gc();
  const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  if (!memory) throw new Error('performance.memory missing');
  return memory.usedJSHeapSize;
}

function timerResolution(): number {
  let smallest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 200; i++) {
    const a = performance.now();
    let b = performance.now();
    while (b === a) b = performance.now();
    smallest = Math.min(smallest, b - a);
  }
  return Math.round(smallest * 1000) / 1000;
}

/** Queries that exist in the book, several per kind, each typed a character at a time. */
function pickTargets(customers: Customer[]): Record<QueryKind, string[]> {
  const companies = customers.filter((c) => c.kind === 'company' && !c.name.includes('（'));
  const chosen = Array.from({ length: 8 }, (_, k) => companies[Math.floor(((k + 0.5) * companies.length) / 8)]);
  const picked = chosen.filter((c): c is Customer => !!c);
  // Region-first names: 2 characters of region, then the brand.
  const brandPinyin = (c: Customer) => c.keys.pinyin.slice(searchKeys(c.name.slice(0, 2), '').pinyin.length);
  const xiaomi = customers.find((c) => c.name.includes('小米'));
  return {
    chinese: [...picked.map((c) => c.name.slice(2, 4)), ...(xiaomi ? ['小米'] : [])],
    pinyin: [...picked.map((c) => brandPinyin(c).slice(0, 10)), 'xiaomi'],
    initials: [...picked.map((c) => c.keys.initials.slice(0, 5)), 'bjxm'],
    taxId: picked.map((c) => c.taxId.slice(0, 8)),
    tag: SAMPLE_TAGS.map((t) => t.toLowerCase()),
  };
}

/** Every prefix of each target, as a clerk's keystrokes produce them. */
const keystrokes = (targets: string[]) => targets.flatMap((t) => [...t].map((_, i) => [...t].slice(0, i + 1).join('')));

function time(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** Typing every target a character at a time, `repetitions` times, on the index and the baseline. */
function measure(
  index: SearchIndex,
  names: string[],
  targets: Record<QueryKind, string[]>,
  repetitions: number,
  touched: Customer[],
): Pick<BenchReport, 'coldFirstSearchMs' | 'upsert' | 'kinds' | 'overall'> {
  const coldFirstSearchMs = time(() => index.search('bj'));
  const kinds = {} as BenchReport['kinds'];
  const all = { index: [] as number[], naive: [] as number[] };
  for (const kind of QUERY_KINDS) {
    const queries = keystrokes(targets[kind]);
    for (const q of queries) index.search(q); // warm-up
    const samples = { index: [] as number[], naive: [] as number[] };
    const perQuery = queries.map(() => [] as number[]);
    for (let r = 0; r < repetitions; r++) {
      queries.forEach((q, j) => {
        const ms = time(() => index.search(q, 20));
        samples.index.push(ms);
        perQuery[j]?.push(ms);
      });
      for (const q of queries) samples.naive.push(time(() => naiveSearch(names, q, 20)));
    }
    all.index.push(...samples.index);
    all.naive.push(...samples.naive);
    const slowest = queries
      .map((query, j) => ({ query, ms: stats(perQuery[j] ?? []).p50 }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 3);
    kinds[kind] = { targets: targets[kind], index: stats(samples.index), naive: stats(samples.naive), slowest };
  }
  // A customer used: its record is written again with a new time and count.
  const upserts = touched.map((c, i) =>
    time(() => index.upsert({ ...c, lastUsedAt: GENERATED_NOW + i * 1000, useCount: c.useCount + 1 })),
  );
  return {
    coldFirstSearchMs,
    upsert: stats(upserts),
    kinds,
    overall: { index: stats(all.index), naive: stats(all.naive) },
  };
}

/** The whole benchmark; `count` customers, `repetitions` passes over every typed query. */
export async function runBench(options: { count: number; repetitions: number; seed?: number }): Promise<BenchReport> {
  const seed = options.seed ?? 1;
  const baseline = await heap();

  let start = performance.now();
  const generated = generateCustomers(options.count, seed);
  const generateMs = performance.now() - start;
  // Generated strings are concatenations; records read from IndexedDB are flat copies.
  start = performance.now();
  let customers: Customer[] | null = structuredClone(generated);
  const loadMs = performance.now() - start;
  generated.length = 0;
  const names = customers.map((c) => c.name);
  const targets = pickTargets(customers);
  const withCustomers = await heap();

  start = performance.now();
  let built: SearchIndex | null = new SearchIndex(customers);
  const buildMs = performance.now() - start;
  const withIndex = await heap();
  const touched = customers.slice(0, 200);
  customers = null;
  const indexAndNames = await heap();

  const measured = measure(built, names, targets, options.repetitions, touched);

  // What the index alone retains (its strings included): drop it, keep the names.
  built = null;
  const namesOnly = await heap();

  return {
    count: options.count,
    seed,
    userAgent: navigator.userAgent,
    timerResolutionMs: timerResolution(),
    generateMs: Math.round(generateMs),
    loadMs: Math.round(loadMs),
    buildMs: Math.round(buildMs),
    heapMB: {
      baseline: baseline / MB,
      customers: (withCustomers - baseline) / MB,
      indexOverCustomers: (withIndex - withCustomers) / MB,
      indexRetained: (indexAndNames - namesOnly) / MB,
    },
    ...measured,
  };
}
