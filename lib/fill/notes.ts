import { yuan } from '../analytics/format';
import type { Translate } from '../i18n/messages';

/** The credit levels worth a word at fill time: the clerk is told, and may still issue the invoice. */
export const WARN_LEVELS = ['near', 'at', 'over'] as const;
export type WarnLevel = (typeof WARN_LEVELS)[number];

/**
 * A customer's credit as a fill reports it, near the limit or beyond: plain numbers (fen), computed in the worker
 * from the invoice history, so the content script needs neither the history nor the credit code.
 */
export interface CreditNote {
  level: WarnLevel;
  period: 'month' | 'total';
  /** In fen. */
  limit: number;
  used: number;
  /** limit − used, in fen; below zero by what is over. */
  remaining: number;
  /** Share of the limit used, whole percent rounded down. */
  percent: number;
}

/** What the worker tells a fill besides the values: a credit warning, placeholders the remarks could not fill. */
export interface FillNotes {
  credit?: CreditNote;
  /** Placeholders left in the remarks as written ({合同号}), for the clerk to fill. */
  remarksUnfilled?: string[];
  /** Characters of the remarks cut off at the platform's limit. */
  remarksCut?: number;
}

/** The warning lines for a credit note: where the customer stands, then that the clerk may go on. */
export function creditLines(note: CreditNote, t: Translate): string[] {
  const money = {
    period: t(note.period === 'month' ? 'credit_period_month' : 'credit_period_total'),
    limit: yuan(note.limit),
    used: yuan(note.used),
    remaining: yuan(Math.max(note.remaining, 0)),
    over: yuan(Math.max(-note.remaining, 0)),
    percent: note.percent,
  };
  const key = note.level === 'near' ? 'credit_near' : note.level === 'at' ? 'credit_at' : 'credit_over';
  return [t(key, money), t('credit_proceed')];
}

/** One line on where a customer stands, at any level with a limit (a tooltip, the popup's detail). */
export function creditSummary(note: Omit<CreditNote, 'level'> & { level: string }, t: Translate): string {
  return t('credit_ok', {
    period: t(note.period === 'month' ? 'credit_period_month' : 'credit_period_total'),
    used: yuan(note.used),
    limit: yuan(note.limit),
    remaining: yuan(note.remaining),
  });
}

const isCount = (n: unknown) => Number.isSafeInteger(n);

/** Checks notes a content script received (hand-written: no schema library in the content script). */
export function isFillNotes(notes: unknown): notes is FillNotes {
  if (notes === undefined) return true;
  if (typeof notes !== 'object' || notes === null) return false;
  const { credit, remarksUnfilled, remarksCut } = notes as Record<string, unknown>;
  if (
    remarksUnfilled !== undefined &&
    !(Array.isArray(remarksUnfilled) && remarksUnfilled.every((p) => typeof p === 'string'))
  ) {
    return false;
  }
  if (remarksCut !== undefined && !isCount(remarksCut)) return false;
  if (credit === undefined) return true;
  const c = credit as Record<string, unknown>;
  return (
    WARN_LEVELS.includes(c.level as WarnLevel) &&
    (c.period === 'month' || c.period === 'total') &&
    ['limit', 'used', 'remaining', 'percent'].every((k) => isCount(c[k]))
  );
}
