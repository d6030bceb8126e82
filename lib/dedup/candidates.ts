import { blockKeys, type DedupRecord, type Profile, profileOf } from './keys';

/**
 * The book's customers filed by block key (see blockKeys), built once and kept in step with adds and deletes, so
 * that a full scan compares only customers that share a key and the check on one add looks at a handful.
 */
export interface Blocks {
  /** By slot; null once removed. */
  profiles: (Profile | null)[];
  records: (DedupRecord | null)[];
  slotOf: Map<string, number>;
  blocks: Map<string, number[]>;
}

/** A block larger than this is not compared pair by pair: each member meets only its next few neighbours. */
export const BLOCK_CAP = 40;
const WINDOW = 4;

function file(blocks: Blocks, key: string, slot: number) {
  const block = blocks.blocks.get(key);
  if (block) block.push(slot);
  else blocks.blocks.set(key, [slot]);
}

/** Files one customer (a record with an id) under its keys; a customer already filed is filed anew. */
export function addToBlocks(blocks: Blocks, record: DedupRecord): void {
  const id = record.id ?? '';
  if (blocks.slotOf.has(id)) removeFromBlocks(blocks, id);
  const profile = profileOf(record);
  const slot = blocks.profiles.length;
  blocks.profiles.push(profile);
  blocks.records.push(record);
  blocks.slotOf.set(id, slot);
  for (const key of blockKeys(profile).emit) file(blocks, key, slot);
}

/** Takes a deleted customer out of the blocks. */
export function removeFromBlocks(blocks: Blocks, id: string): void {
  const slot = blocks.slotOf.get(id);
  if (slot === undefined) return;
  const profile = blocks.profiles[slot];
  if (profile) {
    for (const key of blockKeys(profile).emit) {
      const block = blocks.blocks.get(key);
      if (!block) continue;
      const rest = block.filter((s) => s !== slot);
      if (rest.length > 0) blocks.blocks.set(key, rest);
      else blocks.blocks.delete(key);
    }
  }
  blocks.profiles[slot] = null;
  blocks.records[slot] = null;
  blocks.slotOf.delete(id);
}

/** Files every customer by its block keys (customers need ids). Linear in their number. */
export function buildBlocks(customers: readonly DedupRecord[]): Blocks {
  const blocks: Blocks = { profiles: [], records: [], slotOf: new Map(), blocks: new Map() };
  for (const customer of customers) addToBlocks(blocks, customer);
  return blocks;
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
 * The pairs of slots worth scoring: every pair that shares a block of at most `cap` members, and neighbours in
 * larger blocks (which hold no more than a phone many customers share, or a very common short name). Pairs come
 * out once each, lower slot first.
 */
export function candidatePairs(blocks: Blocks, cap = BLOCK_CAP): { pairs: [number, number][]; stats: CandidateStats } {
  const n = blocks.profiles.length;
  const seen = new Set<number>();
  const pairs: [number, number][] = [];
  const add = (i: number, j: number) => {
    if (i === j) return;
    const [lo, hi] = i < j ? [i, j] : [j, i];
    const key = lo * n + hi;
    if (seen.has(key)) return;
    seen.add(key);
    pairs.push([lo, hi]);
  };
  let oversized = 0;
  let largestBlock = 0;
  for (const block of blocks.blocks.values()) {
    const size = block.length;
    if (size > largestBlock) largestBlock = size;
    if (size < 2) continue;
    if (size <= cap) {
      for (let x = 0; x < size; x++) for (let y = x + 1; y < size; y++) add(block[x] ?? 0, block[y] ?? 0);
    } else {
      oversized++;
      for (let x = 0; x < size; x++) {
        for (let y = x + 1; y <= x + WINDOW && y < size; y++) add(block[x] ?? 0, block[y] ?? 0);
      }
    }
  }
  // Customers whose province is known also meet, by fuzzy keys, those whose province is not.
  for (let slot = 0; slot < n; slot++) {
    const profile = blocks.profiles[slot];
    if (!profile?.province) continue;
    for (const key of blockKeys(profile).probe) {
      if (!key.startsWith('?')) continue;
      const block = blocks.blocks.get(key);
      if (!block || block.length > cap) continue;
      for (const other of block) add(slot, other);
    }
  }
  return { pairs, stats: { pairs: pairs.length, blocks: blocks.blocks.size, oversized, largestBlock } };
}

/** The slots sharing a block with `profile` (for the check on one add), at most `cap` from any one block. */
export function neighbours(blocks: Blocks, profile: Profile, cap = BLOCK_CAP * 10): Set<number> {
  const found = new Set<number>();
  for (const key of blockKeys(profile).probe) {
    const block = blocks.blocks.get(key);
    if (!block) continue;
    if (block.length > cap && !key.startsWith('t:') && !key.startsWith('n:')) continue;
    for (const slot of block) found.add(slot);
  }
  return found;
}
