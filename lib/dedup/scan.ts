import { BLOCK_CAP, type Blocks, buildBlocks, type CandidateStats, candidatePairs, neighbours } from './candidates';
import { type DedupRecord, profileOf } from './keys';
import type { PairKind } from './reasons';
import { type PairScore, SUGGEST_THRESHOLD, scoreProfiles } from './score';
import { suggestSurvivor } from './survivor';

/** A scored pair of customers, by id. */
export interface ScoredPair extends PairScore {
  a: string;
  b: string;
}

/** Customers that are likely one, with the pairs that say so. */
export interface Cluster {
  /** The members, the suggested survivor first. */
  ids: string[];
  survivorId: string;
  /** The weakest link that holds the cluster together (its maximum spanning tree's lowest score). */
  confidence: number;
  /** The kinds of its pairs, most frequent first. */
  kinds: PairKind[];
  /** Every scored pair among its members at the threshold or above. */
  pairs: ScoredPair[];
  /** Every link is an exact tax-ID duplicate with a compatible name: offered for the one-click merge. */
  autoMerge: boolean;
}

export interface ScanStats extends CandidateStats {
  customers: number;
  /** Pairs at the threshold or above. */
  matched: number;
}

export interface ScanResult {
  clusters: Cluster[];
  stats: ScanStats;
}

export interface ScanOptions {
  threshold?: number;
  blockCap?: number;
}

// Kinds that say two customers are never one: a cluster is never joined across such a pair.
const NEVER: ReadonlySet<PairKind> = new Set(['branchOfHeadOffice', 'siblingBranch', 'namesake']);

/** Runs the scan over blocks already built (see buildBlocks), so the manager can keep them between scans. */
export function scanBlocks(blocks: Blocks, options: ScanOptions = {}): ScanResult {
  const threshold = options.threshold ?? SUGGEST_THRESHOLD;
  const { pairs, stats } = candidatePairs(blocks, options.blockCap ?? BLOCK_CAP);
  const matched: { i: number; j: number; s: PairScore }[] = [];
  const apart = new Map<number, number[]>();
  for (const [i, j] of pairs) {
    const a = blocks.profiles[i];
    const b = blocks.profiles[j];
    if (!a || !b) continue;
    const s = scoreProfiles(a, b);
    if (s.score >= threshold) matched.push({ i, j, s });
    else if (NEVER.has(s.kind)) {
      apart.set(i, [...(apart.get(i) ?? []), j]);
      apart.set(j, [...(apart.get(j) ?? []), i]);
    }
  }
  matched.sort((x, y) => y.s.score - x.s.score || x.i - y.i || x.j - y.j);

  // Kruskal over the best pairs first, never joining two groups that hold a branch and its head office (or two
  // namesakes); each group's confidence is the score of the last link that joined it.
  const parent = new Map<number, number>();
  const members = new Map<number, number[]>();
  const find = (x: number): number => {
    let root = x;
    while (parent.has(root)) root = parent.get(root) ?? root;
    let at = x;
    while (at !== root) {
      const next = parent.get(at) ?? root;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  const groupOf = (root: number) => members.get(root) ?? [root];
  const confidence = new Map<number, number>();
  const auto = new Map<number, boolean>();
  for (const { i, j, s } of matched) {
    const ri = find(i);
    const rj = find(j);
    if (ri === rj) continue;
    const gi = groupOf(ri);
    const gj = groupOf(rj);
    const [small, otherRoot] = gi.length <= gj.length ? [gi, rj] : [gj, ri];
    if (small.some((m) => (apart.get(m) ?? []).some((o) => find(o) === otherRoot))) continue;
    parent.set(rj, ri);
    members.set(ri, [...gi, ...gj]);
    members.delete(rj);
    confidence.set(ri, Math.min(confidence.get(ri) ?? 1, confidence.get(rj) ?? 1, s.score));
    auto.set(ri, (auto.get(ri) ?? true) && (auto.get(rj) ?? true) && s.auto);
    confidence.delete(rj);
    auto.delete(rj);
  }

  const byRoot = new Map<number, ScoredPair[]>();
  for (const { i, j, s } of matched) {
    const root = find(i);
    if (root !== find(j)) continue;
    const list = byRoot.get(root) ?? [];
    list.push({ ...s, a: blocks.records[i]?.id ?? '', b: blocks.records[j]?.id ?? '' });
    byRoot.set(root, list);
  }

  const clusters: Cluster[] = [];
  for (const [root, slots] of members) {
    const records = slots
      .sort((x, y) => x - y)
      .map((slot) => blocks.records[slot])
      .filter((r): r is DedupRecord => r !== null && r !== undefined);
    const survivor = suggestSurvivor(records);
    const survivorId = survivor?.id ?? '';
    const clusterPairs = byRoot.get(root) ?? [];
    const counts = new Map<PairKind, number>();
    for (const p of clusterPairs) counts.set(p.kind, (counts.get(p.kind) ?? 0) + 1);
    clusters.push({
      ids: [survivorId, ...records.map((r) => r.id ?? '').filter((id) => id !== survivorId)],
      survivorId,
      confidence: confidence.get(root) ?? 0,
      kinds: [...counts.entries()].sort((x, y) => y[1] - x[1]).map(([kind]) => kind),
      pairs: clusterPairs,
      autoMerge: auto.get(root) ?? false,
    });
  }
  clusters.sort(
    (x, y) => y.confidence - x.confidence || y.ids.length - x.ids.length || x.survivorId.localeCompare(y.survivorId),
  );
  return { clusters, stats: { ...stats, customers: blocks.slotOf.size, matched: matched.length } };
}

/**
 * The duplicate scan over a whole book: candidate pairs by blocking (never all pairs), each scored, grouped into
 * clusters (union-find over the pairs at the threshold or above), ranked by confidence, each with its kinds, a
 * suggested survivor and whether it qualifies for the auto-merge.
 */
export function scan(customers: readonly DedupRecord[], options: ScanOptions = {}): ScanResult {
  return scanBlocks(buildBlocks(customers), options);
}

/** One customer in the book that a new one may duplicate, or is related to. */
export interface Match extends PairScore {
  id: string;
}

export interface CheckResult {
  /** Likely the same customer, best first. */
  duplicates: Match[];
  /** Related but never the same (its head office, a sibling branch, a namesake elsewhere): worth a word. */
  related: Match[];
}

/**
 * The check on a single add (quick add, paste, import row, reverse add): the book customers the draft likely
 * duplicates, from the blocks built once (buildBlocks) and kept in step (addToBlocks, removeFromBlocks). A draft
 * with an id (an edit) is not matched with itself.
 */
export function checkOne(draft: DedupRecord, blocks: Blocks, options: { threshold?: number; limit?: number } = {}) {
  const threshold = options.threshold ?? SUGGEST_THRESHOLD;
  const limit = options.limit ?? 5;
  const profile = profileOf(draft);
  const duplicates: Match[] = [];
  const related: Match[] = [];
  for (const slot of neighbours(blocks, profile)) {
    const other = blocks.profiles[slot];
    if (!other || (draft.id && other.id === draft.id)) continue;
    const s = scoreProfiles(profile, other);
    if (s.score >= threshold) duplicates.push({ ...s, id: other.id });
    else if (NEVER.has(s.kind)) related.push({ ...s, id: other.id });
  }
  const best = (x: Match, y: Match) => y.score - x.score || x.id.localeCompare(y.id);
  return { duplicates: duplicates.sort(best).slice(0, limit), related: related.sort(best).slice(0, limit) };
}
