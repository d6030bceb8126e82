import { z } from '../domain/zod';
import type { ColumnTarget } from './columns';

/** Every target a column can be given in the preview, in the order the clerk sees them. */
export const COLUMN_TARGETS = [
  'name',
  'taxId',
  'address',
  'phone',
  'bankName',
  'bankAccount',
  'addressPhone',
  'bankNameAccount',
  'contact',
  'mobile',
  'email',
] as const satisfies readonly Exclude<ColumnTarget, null>[];

/** What identifies a layout of columns: the header texts as the file has them, in order. */
export function headerSignature(headers: readonly string[]): string {
  return `taitou.mapping.${JSON.stringify(headers.map((h) => h.trim()))}`;
}

const SavedSchema = z.array(z.enum(COLUMN_TARGETS).nullable());

/** A mapping the clerk saved for this header set; null when none was, or what was stored no longer fits. */
export function savedMapping(stored: string | null, width: number): ColumnTarget[] | null {
  if (!stored) return null;
  try {
    const parsed = SavedSchema.safeParse(JSON.parse(stored));
    return parsed.success && parsed.data.length === width ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A column given a target the clerk chose: any other column with that target gives it up (one column each). */
export function remap(columns: readonly ColumnTarget[], at: number, target: ColumnTarget): ColumnTarget[] {
  return columns.map((c, i) => (i === at ? target : c === target ? null : c));
}
