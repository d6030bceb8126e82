import type { Tier } from '../lib/domain/tiers';
import type { Translate } from '../lib/i18n/messages';

// The labels of the tiers the clerk defined, as last read from settings (see knowTierLabels): every list that names
// a tier (the table, its filter, the editor) reads them here rather than each being handed the tiers.
let labels: ReadonlyMap<string, string> = new Map();

/** Tells tierLabel the tiers as they are now stored; the page calls it whenever they change. */
export function knowTierLabels(tiers: readonly Tier[]): void {
  labels = new Map(tiers.map((tier) => [tier.id, tier.label]));
}

/**
 * A tier as the clerk reads it: the two built-in ones translated, a tier the clerk defined by its label (a rename
 * changes the label, never the id customers hold), any other value customers hold as it is.
 */
export const tierLabel = (tier: string, t: Translate) =>
  tier === 'vip' ? t('tierVip') : tier === 'normal' ? t('tierNormal') : (labels.get(tier) ?? tier);
