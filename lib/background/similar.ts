import { customerIdBy, getCustomers } from '../db/customers';
import type { TaitouDB } from '../db/open';
import type { DedupRecord } from '../dedup/keys';
import { nameCore } from '../dedup/names';
import type { PairKind } from '../dedup/reasons';
import { SUGGEST_THRESHOLD, scorePair } from '../dedup/score';
import { nameKey, normalizeTaxId } from '../domain/normalize';
import type { Similar } from '../messaging/protocol';
import type { SearchIndex } from '../search/index';

/** Candidates read from the search index per query: the core is often a substring, ranked after prefixes. */
const CANDIDATES = 20;
/** Similar names shown at most: a warning, not a list to browse. */
const SHOWN = 5;

// A name like the draft's that still belongs to another customer, at any score: warn only of the same one.
const NEVER: ReadonlySet<PairKind> = new Set(['branchOfHeadOffice', 'siblingBranch', 'namesake', 'different']);
// A name that is the draft's written another way warns even below the threshold: a clerk may have another tax ID
// at hand for the same company, or none yet.
const NAME_KINDS: ReadonlySet<PairKind> = new Set(['sameName', 'sameNameOtherTaxId', 'similar']);

/**
 * What a customer about to be added may duplicate, for the live warning while a clerk types (quick add, paste).
 * The same tax ID by its index; names by the search index (the dedup name core and the name as typed), each
 * candidate judged by the dedup score, so that a head office and its branch, sibling branches and namesakes in other
 * regions are not reported.
 */
export async function similarCustomers(
  db: TaitouDB,
  index: SearchIndex,
  draft: { name: string; taxId: string },
): Promise<Similar> {
  const taxId = normalizeTaxId(draft.taxId);
  const ownerId = taxId ? await customerIdBy(db, 'taxId', taxId) : undefined;
  const ids = new Set<string>();
  for (const query of [nameCore(draft.name), nameKey(draft.name)]) {
    if (query.length < 2) continue;
    for (const hit of index.search(query, CANDIDATES)) {
      if (hit.field === 'name' && hit.id !== ownerId) ids.add(hit.id);
    }
  }
  const found = await getCustomers(db, [...(ownerId ? [ownerId] : []), ...ids]);
  const record: DedupRecord = { name: draft.name, taxId: draft.taxId, kind: 'company', entries: [] };
  const similarName = found
    .filter((c) => c.id !== ownerId)
    .map((customer) => ({ customer, verdict: scorePair(record, customer) }))
    .filter(({ verdict: { kind, score } }) => !NEVER.has(kind) && (score >= SUGGEST_THRESHOLD || NAME_KINDS.has(kind)))
    .sort((x, y) => y.verdict.score - x.verdict.score || x.customer.id.localeCompare(y.customer.id))
    .slice(0, SHOWN)
    .map(({ customer }) => customer);
  return { sameTaxId: found.find((c) => c.id === ownerId) ?? null, similarName };
}
