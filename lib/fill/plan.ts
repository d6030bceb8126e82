import type { FieldRole } from './roles';
import { type FillValues, VALUE_OF_ROLE } from './values';

/** A classified control as the planner sees it. */
export interface PlanField {
  role: FieldRole;
  maxLength: number | null;
  /** Whether a person can see and edit it now; hidden and read-only controls are never written. */
  fillable: boolean;
}

export type SkipReason = 'missing' | 'tooLong' | 'hidden';
export type Step =
  | { index: number; role: FieldRole; action: 'write'; value: string | boolean }
  | { index: number; role: FieldRole; action: 'skip'; reason: SkipReason };

/**
 * What to write where: every fillable field gets its role's value; a field is skipped, with the reason, when the
 * customer has no value for it or the value would not fit (a cut-off tax ID or account is worse than none).
 */
export function planFill(fields: readonly PlanField[], values: FillValues): Step[] {
  return fields.map((field, index): Step => {
    const { role } = field;
    if (!field.fillable) return { index, role, action: 'skip', reason: 'hidden' };
    const value = VALUE_OF_ROLE[role](values);
    if (value === '') return { index, role, action: 'skip', reason: 'missing' };
    if (typeof value === 'string' && field.maxLength !== null && value.length > field.maxLength) {
      return { index, role, action: 'skip', reason: 'tooLong' };
    }
    return { index, role, action: 'write', value };
  });
}
