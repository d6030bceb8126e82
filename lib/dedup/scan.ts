import { BLOCK_CAP, type Blocks, buildBlocks, type CandidateStats, forEachCandidate, neighbours } from './candidates';
import { type DedupRecord, type Profile, profileOf } from './keys';
import type { PairKind } from './reasons';
import { type PairScore, SUGGEST_THRESHOLD, scoreProfiles, verdictOf } from './score';
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

interface Link {
  i: number;
  j: number;
  score: number;
  auto: boolean;
  kind: PairKind;
}

/** What identifies a customer's legal entity, when its tax ID is valid: the organisation code, else the tax ID. */
const taxKeyOf = (p: Profile | null | undefined) => (p?.taxValid ? p.orgCode || p.taxId : '');

/**
 * Kruskal over the links, best first, into groups. Two groups are never joined when one holds a branch and the other
 * its head office (or two namesakes), nor when that would put two valid tax IDs in one group, unless the link itself
 * is between those two (the same name under two tax IDs, for the clerk to judge): otherwise one customer without a
 * tax ID, a character away from several companies, would chain them all into one. A group's confidence is its
 * weakest link; it is safe to merge unseen when every link is.
 */
function joinLinks(links: Link[], apart: ReadonlyMap<number, number[]>, taxKey: (slot: number) => string) {
  links.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  const parent = new Map<number, number>();
  const members = new Map<number, number[]>();
  const taxes = new Map<number, Set<string>>();
  const confidence = new Map<number, number>();
  const auto = new Map<number, boolean>();
  const find = (x: number): number => {
    let root = x;
    while (parent.has(root)) root = parent.get(root) ?? root;
    for (let at = x; at !== root; ) {
      const next = parent.get(at) ?? root;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  const groupOf = (root: number) => members.get(root) ?? [root];
  const taxesOf = (root: number) => {
    const known = taxes.get(root);
    if (known) return known;
    const own = taxKey(root);
    return new Set(own ? [own] : []);
  };
  for (const { i, j, score, auto: safe, kind } of links) {
    let ri = find(i);
    let rj = find(j);
    if (ri === rj) continue;
    const ti = taxesOf(ri);
    const tj = taxesOf(rj);
    const union = new Set([...ti, ...tj]);
    if (union.size > 1 && !(kind === 'sameNameOtherTaxId' && ti.size === 1 && tj.size === 1)) continue;
    if (groupOf(ri).length < groupOf(rj).length) [ri, rj] = [rj, ri];
    const big = groupOf(ri);
    const small = groupOf(rj);
    if (small.some((m) => (apart.get(m) ?? []).some((o) => find(o) === ri))) continue;
    parent.set(rj, ri);
    for (const m of small) big.push(m);
    members.set(ri, big);
    members.delete(rj);
    taxes.set(ri, union);
    taxes.delete(rj);
    confidence.set(ri, Math.min(confidence.get(ri) ?? 1, confidence.get(rj) ?? 1, score));
    confidence.delete(rj);
    auto.set(ri, (auto.get(ri) ?? true) && (auto.get(rj) ?? true) && safe);
    auto.delete(rj);
  }
  return { find, members, confidence, auto };
}

// Kinds that say two customers are never one: a cluster is never joined across such a pair.
const NEVER: ReadonlySet<PairKind> = new Set(['branchOfHeadOffice', 'siblingBranch', 'namesake']);

/** Runs the scan over blocks already built (see buildBlocks), so the manager can keep them between scans. */
export function scanBlocks(blocks: Blocks, options: ScanOptions = {}): ScanResult {
  const threshold = options.threshold ?? SUGGEST_THRESHOLD;
  const matched: Link[] = [];
  const apart = new Map<number, number[]>();
  const stats = forEachCandidate(
    blocks,
    (i, j) => {
      const a = blocks.profiles[i];
      const b = blocks.profiles[j];
      if (!a || !b) return;
      const v = verdictOf(a, b);
      if (v.score >= threshold) matched.push({ i, j, score: v.score, auto: v.auto, kind: v.kind });
      else if (NEVER.has(v.kind)) {
        apart.set(i, [...(apart.get(i) ?? []), j]);
        apart.set(j, [...(apart.get(j) ?? []), i]);
      }
    },
    options.blockCap ?? BLOCK_CAP,
  );
  const { find, members, confidence, auto } = joinLinks(matched, apart, (slot) => taxKeyOf(blocks.profiles[slot]));

  const byRoot = new Map<number, ScoredPair[]>();
  for (const { i, j } of matched) {
    const root = find(i);
    const a = blocks.profiles[i];
    const b = blocks.profiles[j];
    if (root !== find(j) || !a || !b) continue;
    const list = byRoot.get(root) ?? [];
    list.push({ ...scoreProfiles(a, b), a: a.id, b: b.id });
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
 * The duplicate scan over a whole book (customers with ids): candidate pairs by blocking (never all pairs), each
 * scored, grouped into clusters (union-find over the pairs at the threshold or above), ranked by confidence, each
 * with its kinds, a suggested survivor and whether it qualifies for the auto-merge.
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
  /**
   * Related but not a duplicate: its head office, a sibling branch, a namesake elsewhere, or a customer holding the
   * same tax ID under a name that does not fit it. Worth a word to the clerk.
   */
  related: Match[];
}

/**
 * The check on a single add (quick add, paste, import row, reverse add): the book customers the draft likely
 * duplicates, from the blocks built once (buildBlocks) and kept in step (addToBlocks, removeFromBlocks). A draft
 * with an id (an edit) is not matched with itself.
 */
export function checkOne(
  draft: DedupRecord,
  blocks: Blocks,
  options: { threshold?: number; limit?: number } = {},
): CheckResult {
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
    else if (NEVER.has(s.kind) || s.kind === 'sameTaxIdOtherName') related.push({ ...s, id: other.id });
  }
  const best = (x: Match, y: Match) => y.score - x.score || x.id.localeCompare(y.id);
  return { duplicates: duplicates.sort(best).slice(0, limit), related: related.sort(best).slice(0, limit) };
}
