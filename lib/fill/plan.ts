import { type FieldRole, KEEP_TYPED } from './roles';
import { type FillValues, VALUE_OF_ROLE } from './values';

/** A classified control as the planner sees it. */
export interface PlanField {
  role: FieldRole;
  maxLength: number | null;
  /** Whether a person can see and edit it now; hidden and read-only controls are never written. */
  fillable: boolean;
  /** What a text control holds now ('' when empty or not a text control). */
  current?: string;
  /** Whether what it holds is what Taitou wrote there itself (an earlier fill), not the clerk. */
  ours?: boolean;
}

/**
 * Why a field was left: the customer lacks the detail, it would not fit, nobody can see or edit it, the clerk
 * already typed something of their own there (remarks), or no invoice default applies (not worth a word).
 */
export type SkipReason = 'missing' | 'tooLong' | 'hidden' | 'kept' | 'noDefault';
export type Step =
  | { index: number; role: FieldRole; action: 'write'; value: string | boolean }
  | { index: number; role: FieldRole; action: 'skip'; reason: SkipReason };

/**
 * What to write where: every fillable field gets its role's value; a field is skipped, with the reason, when the
 * customer has no value for it, the value would not fit (a cut-off tax ID or account is worse than none), or the
 * clerk's own text is there already where that must be kept (备注). A default that does not apply skips quietly.
 */
export function planFill(fields: readonly PlanField[], values: FillValues): Step[] {
  return fields.map((field, index): Step => {
    const { role } = field;
    const value = VALUE_OF_ROLE[role](values);
    if (value === null) return { index, role, action: 'skip', reason: 'noDefault' };
    if (!field.fillable) return { index, role, action: 'skip', reason: 'hidden' };
    if (value === '') return { index, role, action: 'skip', reason: 'missing' };
    if (typeof value === 'string' && field.maxLength !== null && value.length > field.maxLength) {
      return { index, role, action: 'skip', reason: 'tooLong' };
    }
    const typed = field.current?.trim() ?? '';
    if (KEEP_TYPED.has(role) && typed !== '' && !field.ours && field.current !== value) {
      return { index, role, action: 'skip', reason: 'kept' };
    }
    return { index, role, action: 'write', value };
  });
}
