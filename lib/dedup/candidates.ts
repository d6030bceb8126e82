import { blockKeys, type DedupRecord, type Profile, profileOf, strongKeys } from './keys';

/*
 * Blocks are kept as one sorted array of numbers, key × 2²² + probe flag × 2²¹ + slot, rather than a map of arrays:
 * nearly every block of a real book holds one customer, and a hundred thousand customers file over a million keys,
 * which as a million small arrays cost seconds of allocation. Sorting the numbers costs a fraction of that, and a
 * block is then a run of equal keys (block keys are 30-bit hashes, slots are below 2²¹).
 */
const SLOT = 2 ** 21;
const KEY = 2 ** 22;
/** Customers a set of blocks can hold. */
export const MAX_SLOTS = SLOT;

/**
 * The book's customers filed by block key (see blockKeys), built once and kept in step with adds and deletes, so
 * that a full scan compares only customers that share a key and the check on one add looks at a handful.
 */
export interface Blocks {
  /** By slot; null once removed. */
  profiles: (Profile | null)[];
  records: (DedupRecord | null)[];
  slotOf: Map<string, number>;
  /** The keys as built, sorted (see above); probe-only keys carry the flag. */
  sorted: Float64Array;
  /** Keys of customers filed since the blocks were built: key → slots. */
  added: Map<number, number[]>;
  /** Keys those customers only look up (see blockKeys). */
  addedProbers: Map<number, number[]>;
  /** Something was added or removed since `sorted` was built. */
  dirty: boolean;
}

/** A block larger than this is not compared pair by pair: each member meets only its next BLOCK_WINDOW neighbours. */
export const BLOCK_CAP = 40;
export const BLOCK_WINDOW = 4;

function profileSlot(blocks: Blocks, record: DedupRecord): number {
  const id = record.id ?? '';
  if (blocks.slotOf.has(id)) removeFromBlocks(blocks, id);
  const slot = blocks.profiles.length;
  if (slot >= MAX_SLOTS) throw new Error(`dedup blocks hold at most ${MAX_SLOTS} customers`);
  blocks.profiles.push(profileOf(record));
  blocks.records.push(record);
  blocks.slotOf.set(id, slot);
  return slot;
}

/**
 * Files one customer (a record with an id) under its keys; a customer already filed is filed anew. Every change takes
 * a new slot, so when most slots are empty the blocks are built again from the customers they hold.
 */
export function addToBlocks(blocks: Blocks, record: DedupRecord): void {
  if (blocks.profiles.length >= 2 * blocks.slotOf.size + 1024) {
    const live = blocks.records.filter((r): r is DedupRecord => r !== null && (r.id ?? '') !== (record.id ?? ''));
    Object.assign(blocks, buildBlocks([...live, record]));
    return;
  }
  const slot = profileSlot(blocks, record);
  const profile = blocks.profiles[slot];
  if (!profile) return;
  blockKeys(profile, (key, probeOnly) => {
    const into = probeOnly ? blocks.addedProbers : blocks.added;
    const block = into.get(key);
    if (!block) into.set(key, [slot]);
    else if (block[block.length - 1] !== slot) block.push(slot);
  });
  blocks.dirty = true;
}

/** Takes a deleted customer out of the blocks (its slot is emptied; a scan or a check passes over it). */
export function removeFromBlocks(blocks: Blocks, id: string): void {
  const slot = blocks.slotOf.get(id);
  if (slot === undefined) return;
  blocks.profiles[slot] = null;
  blocks.records[slot] = null;
  blocks.slotOf.delete(id);
  blocks.dirty = true;
}

// The radix sort below takes key × 2 + probe flag, 31 bits, in two digits, lowest first.
const DIGITS = [16, 15] as const;

/**
 * Every live slot's keys as sorted numbers: filed keys, and (flagged) the keys it only looks into. Sorted by a radix
 * sort on key and flag rather than by comparing (a comparison sort of two million numbers was most of a build):
 * slots file their keys in ascending order and the radix sort is stable, so within one key and flag the slots stay
 * ascending, and the result is exactly what sorting the numbers gives.
 */
function sortKeys(profiles: readonly (Profile | null)[]): Float64Array {
  let out = new Float64Array(profiles.length * 24 + 64);
  let at = 0;
  let slot = 0;
  const sink = (key: number, probeOnly: boolean) => {
    if (at === out.length) {
      const bigger = new Float64Array(out.length * 2);
      bigger.set(out);
      out = bigger;
    }
    out[at++] = key * KEY + (probeOnly ? SLOT : 0) + slot;
  };
  for (; slot < profiles.length; slot++) {
    const profile = profiles[slot];
    if (profile) blockKeys(profile, sink);
  }
  let from = out.subarray(0, at);
  let to = new Float64Array(at);
  let shift = 0;
  for (const bits of DIGITS) {
    const mask = (1 << bits) - 1;
    const starts = new Int32Array(mask + 2);
    for (let x = 0; x < at; x++) {
      const digit = ((Math.floor((from[x] ?? 0) / SLOT) >>> shift) & mask) + 1;
      starts[digit] = (starts[digit] ?? 0) + 1;
    }
    for (let d = 1; d <= mask; d++) starts[d] = (starts[d] ?? 0) + (starts[d - 1] ?? 0);
    for (let x = 0; x < at; x++) {
      const value = from[x] ?? 0;
      const digit = (Math.floor(value / SLOT) >>> shift) & mask;
      const index = starts[digit] ?? 0;
      starts[digit] = index + 1;
      to[index] = value;
    }
    const was = from;
    from = to;
    to = was;
    shift += bits;
  }
  // Blocks are kept between scans: a compact copy when much of the buffer is to spare (it grew while filling).
  return from.byteLength * 8 >= from.buffer.byteLength * 7 ? from : from.slice();
}

const emptyBlocks = (): Blocks => ({
  profiles: [],
  records: [],
  slotOf: new Map(),
  sorted: new Float64Array(0),
  added: new Map(),
  addedProbers: new Map(),
  dirty: false,
});

/** Files every customer by its block keys (customers need ids). */
export function buildBlocks(customers: readonly DedupRecord[]): Blocks {
  const blocks = emptyBlocks();
  for (const customer of customers) profileSlot(blocks, customer);
  blocks.sorted = sortKeys(blocks.profiles);
  return blocks;
}

/**
 * Builds the blocks a few customers at a time, for building them ahead (once the manager has the book, before the
 * clerk asks for the scan) without holding the page: each step files `slice` customers, the last sorts the keys (a
 * fraction of the whole). Run to its end, it returns what buildBlocks returns.
 */
export function* buildBlocksInSteps(customers: readonly DedupRecord[], slice = 2000): Generator<void, Blocks, void> {
  const blocks = emptyBlocks();
  const step = Math.max(1, slice);
  for (let from = 0; from < customers.length; from += step) {
    for (const customer of customers.slice(from, from + step)) profileSlot(blocks, customer);
    yield;
  }
  blocks.sorted = sortKeys(blocks.profiles);
  return blocks;
}

/** The first index of `sorted` at or above `value`. */
function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The live slots filed under `key`, or null when there are more than `cap`. With `probers`, also those that look
 * up the key without being filed under it (customers of known province, under an unknown-province fuzzy key).
 */
function slotsOf(blocks: Blocks, key: number, cap: number, probers: boolean): number[] | null {
  const from = lowerBound(blocks.sorted, key * KEY);
  const to = lowerBound(blocks.sorted, key * KEY + (probers ? KEY : SLOT));
  const added = [...(blocks.added.get(key) ?? []), ...((probers && blocks.addedProbers.get(key)) || [])];
  if (to - from + added.length > cap) return null;
  const out: number[] = [];
  for (let x = from; x < to; x++) {
    const rest = (blocks.sorted[x] ?? 0) - key * KEY;
    const slot = rest >= SLOT ? rest - SLOT : rest;
    if (blocks.profiles[slot]) out.push(slot);
  }
  for (const slot of added) if (blocks.profiles[slot]) out.push(slot);
  return out;
}

export interface CandidateStats {
  /** Distinct pairs put forward for scoring. */
  pairs: number;
  blocks: number;
  /** Blocks over the cap, compared by neighbours only. */
  oversized: number;
  largestBlock: number;
}

/**
 * Visits the pairs of slots worth scoring, each once, lower slot first: every pair that shares a block of at most
 * `cap` members, and neighbours in larger blocks (a phone many customers share, a very common short name); a
 * customer that only looks into a block meets its members (see blockKeys). Costs two sorts: the keys, and the pairs
 * found (a pair sharing several blocks is found several times).
 */
export function forEachCandidate(
  blocks: Blocks,
  visit: (i: number, j: number) => void,
  cap = BLOCK_CAP,
): CandidateStats {
  if (blocks.dirty) {
    blocks.sorted = sortKeys(blocks.profiles);
    blocks.added = new Map();
    blocks.addedProbers = new Map();
    blocks.dirty = false;
  }
  const sorted = blocks.sorted;
  let found = new Float64Array(Math.max(1024, blocks.profiles.length));
  let count = 0;
  const push = (lo: number, hi: number) => {
    if (count === found.length) {
      const bigger = new Float64Array(found.length * 2);
      bigger.set(found);
      found = bigger;
    }
    found[count++] = lo * SLOT + hi;
  };
  let blockCount = 0;
  let oversized = 0;
  let largestBlock = 0;
  // Reused for every block: a scan meets about two million keys, nearly all of blocks of one.
  let members = new Int32Array(64);
  let probers = new Int32Array(64);
  const total = sorted.length;
  for (let start = 0; start < total; ) {
    const first = sorted[start] ?? 0;
    const base = Math.floor(first / KEY) * KEY;
    const next = base + KEY;
    let end = start + 1;
    while (end < total && (sorted[end] ?? 0) < next) end++;
    if (end === start + 1) {
      // A block of one: nothing to pair.
      start = end;
      if (first - base < SLOT) {
        blockCount++;
        if (largestBlock < 1) largestBlock = 1;
      }
      continue;
    }
    if (members.length < end - start) {
      members = new Int32Array(2 * (end - start));
      probers = new Int32Array(2 * (end - start));
    }
    let memberCount = 0;
    let proberCount = 0;
    for (let x = start; x < end; x++) {
      const value = sorted[x] ?? 0;
      // A key filed twice by one customer (a core with a repeated character) is one membership.
      if (x > start && value === sorted[x - 1]) continue;
      const rest = value - base;
      if (rest >= SLOT) probers[proberCount++] = rest - SLOT;
      else members[memberCount++] = rest;
    }
    start = end;
    if (memberCount === 0) continue;
    blockCount++;
    if (memberCount > largestBlock) largestBlock = memberCount;
    if (memberCount > cap) {
      oversized++;
      for (let x = 0; x < memberCount; x++) {
        for (let y = x + 1; y <= x + BLOCK_WINDOW && y < memberCount; y++) push(members[x] ?? 0, members[y] ?? 0);
      }
      continue;
    }
    for (let x = 0; x < memberCount; x++) {
      const i = members[x] ?? 0;
      for (let y = x + 1; y < memberCount; y++) push(i, members[y] ?? 0);
      for (let y = 0; y < proberCount; y++) {
        const p = probers[y] ?? 0;
        if (p !== i) push(Math.min(i, p), Math.max(i, p));
      }
    }
  }
  const pairs = found.subarray(0, count).sort();
  let distinct = 0;
  for (let x = 0; x < pairs.length; x++) {
    const value = pairs[x] ?? 0;
    if (x > 0 && value === pairs[x - 1]) continue;
    distinct++;
    const lo = Math.floor(value / SLOT);
    visit(lo, value - lo * SLOT);
  }
  return { pairs: distinct, blocks: blockCount, oversized, largestBlock };
}

/** The candidate pairs as a list (see forEachCandidate). */
export function candidatePairs(blocks: Blocks, cap = BLOCK_CAP): { pairs: [number, number][]; stats: CandidateStats } {
  const pairs: [number, number][] = [];
  const stats = forEachCandidate(blocks, (i, j) => pairs.push([i, j]), cap);
  return { pairs, stats };
}

/**
 * The live slots `profile` would be paired with in a scan (for the check on one add). Blocks of more than `cap` are
 * passed over, except for the tax ID, organisation code and full name.
 */
export function neighbours(blocks: Blocks, profile: Profile, cap = BLOCK_CAP * 10): Set<number> {
  const found = new Set<number>();
  const strong = strongKeys(profile);
  let k = 0;
  blockKeys(profile, (key, probeOnly) => {
    // A key the profile would be filed under meets members and lookers; one it only looks into, members.
    const slots = slotsOf(blocks, key, k++ < strong ? MAX_SLOTS : cap, !probeOnly);
    for (const slot of slots ?? []) found.add(slot);
  });
  return found;
}
