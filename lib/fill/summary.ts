import type { Translate } from '../i18n/messages';
import type { FillOutcome } from '../messaging/protocol';
import type { SkipReason } from './plan';

const REASON_KEY = {
  missing: 'reasonMissing',
  tooLong: 'reasonTooLong',
  hidden: 'reasonHidden',
} as const satisfies Record<SkipReason, string>;

/** One or more lines telling the clerk what a fill did and, for each field it left, why. */
export function describeFill(outcome: FillOutcome, t: Translate): string[] {
  if (!outcome.ok) return [t(outcome.reason === 'notFound' ? 'fillNotFound' : 'fillNoFields')];
  const { results } = outcome.report;
  // The natural-person box is a switch set to match the customer, not a detail filled in: it is not counted.
  const filled = results.filter((r) => r.status === 'verified' && r.role !== 'naturalPerson').length;
  const lines = [t('fillDone', { count: filled })];
  const skipped = results.flatMap((r) =>
    r.status === 'skipped' ? [`${t(`role_${r.role}`)}（${t(REASON_KEY[r.reason])}）`] : [],
  );
  const rejected = results.flatMap((r) => (r.status === 'rejected' ? [t(`role_${r.role}`)] : []));
  if (skipped.length > 0) lines.push(t('fillSkipped', { fields: skipped.join('、') }));
  if (rejected.length > 0) lines.push(t('fillRejected', { fields: rejected.join('、') }));
  return lines;
}
