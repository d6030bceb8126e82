import type { Translate } from '../lib/i18n/messages';

/** A tier as the clerk reads it: the two built-in ones translated, tiers the user named as they are. */
export const tierLabel = (tier: string, t: Translate) =>
  tier === 'vip' ? t('tierVip') : tier === 'normal' ? t('tierNormal') : tier;
