import { defaultEntry } from '../domain/billing';
import { normalizeTaxId } from '../domain/normalize';
import { checkTaxId } from '../domain/tax-id';
import type { DedupRecord } from './keys';

/**
 * How much of what an invoice needs a customer has: a valid credit code counts three, an old tax ID (which cannot be
 * checked, and the platform no longer takes from companies) one, a wrong one nothing, each other field one.
 */
export function completeness(c: DedupRecord): number {
  const taxId = normalizeTaxId(c.taxId);
  let score = 0;
  if (taxId) {
    const verdict = checkTaxId(taxId);
    score += verdict.kind === 'uscc' && verdict.ok ? 3 : verdict.kind === 'legacy' ? 1 : 0;
  }
  const entry =
    c.entries.length > 0 ? defaultEntry({ entries: c.entries, defaultEntryId: c.defaultEntryId ?? '' }) : null;
  for (const value of [
    entry?.address,
    entry?.phone,
    entry?.bankName,
    entry?.bankAccount,
    c.email,
    c.mobile,
    c.contact,
  ]) {
    if (value?.trim()) score++;
  }
  return score;
}

const verifiedAt = (c: DedupRecord) => (c.review?.status === 'verified' ? (c.review.at ?? 0) : -1);

/**
 * The member a cluster is best merged into: the most complete, then the most recently verified, the most used,
 * the most recently used and the most recently changed; the id breaks a tie so the choice never wavers.
 */
export function suggestSurvivor<T extends DedupRecord>(members: readonly T[]): T | undefined {
  const ranked = members.map((c) => ({
    c,
    rank: [completeness(c), verifiedAt(c), c.useCount ?? 0, c.lastUsedAt ?? -1, c.updatedAt ?? -1],
  }));
  ranked.sort((x, y) => {
    for (let i = 0; i < x.rank.length; i++) {
      const d = (y.rank[i] ?? 0) - (x.rank[i] ?? 0);
      if (d !== 0) return d;
    }
    return (x.c.id ?? '').localeCompare(y.c.id ?? '');
  });
  return ranked[0]?.c;
}
