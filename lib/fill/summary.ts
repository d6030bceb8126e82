import type { Translate } from '../i18n/messages';
import type { FillOutcome } from '../messaging/protocol';
import { creditLines } from './notes';
import type { SkipReason } from './plan';

// A default that does not apply is no news: the clerk is not told about fields Taitou had nothing for.
const REASON_KEY = {
  missing: 'reasonMissing',
  tooLong: 'reasonTooLong',
  hidden: 'reasonHidden',
  kept: 'reasonKept',
  noDefault: null,
} as const satisfies Record<SkipReason, string | null>;

/**
 * One or more lines telling the clerk what a fill did and, for each field it left, why; then what the remarks still
 * need and, near or past the credit limit, where the customer stands (the clerk may still issue).
 */
export function describeFill(outcome: FillOutcome, t: Translate): string[] {
  if (!outcome.ok) return [t(outcome.reason === 'notFound' ? 'fillNotFound' : 'fillNoFields')];
  const { results, notes } = outcome.report;
  // The natural-person box is a switch set to match the customer, not a detail filled in: it is not counted.
  const filled = results.filter((r) => r.status === 'verified' && r.role !== 'naturalPerson').length;
  const lines = [t('fillDone', { count: filled })];
  const skipped = results.flatMap((r) => {
    const key = r.status === 'skipped' ? REASON_KEY[r.reason] : null;
    return key ? [`${t(`role_${r.role}`)}（${t(key)}）`] : [];
  });
  const rejected = results.flatMap((r) => (r.status === 'rejected' ? [t(`role_${r.role}`)] : []));
  if (skipped.length > 0) lines.push(t('fillSkipped', { fields: skipped.join('、') }));
  if (rejected.length > 0) lines.push(t('fillRejected', { fields: rejected.join('、') }));
  const remarksWritten = results.some((r) => r.role === 'remarks' && r.status === 'verified');
  if (remarksWritten && notes?.remarksUnfilled?.length) {
    lines.push(t('remarksUnfilled', { placeholders: notes.remarksUnfilled.join('、') }));
  }
  if (remarksWritten && notes?.remarksCut) lines.push(t('remarksCut', { count: notes.remarksCut }));
  if (notes?.credit) lines.push(...creditLines(notes.credit, t));
  return lines;
}
