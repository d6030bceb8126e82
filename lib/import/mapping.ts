import { z } from '../domain/zod';
import type { ColumnTarget } from './columns';
import { MAX_COLUMNS } from './limits';

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

/** Where the clerk's mapping for a layout of columns is kept: by the header texts as the file has them, in order. */
export function mappingKey(headers: readonly string[]): string {
  return `${MAPPING_PREFIX}${JSON.stringify(headers.map((h) => h.trim()))}`;
}
export const MAPPING_PREFIX = 'mapping:';

export const SavedMappingSchema = z.array(z.enum(COLUMN_TARGETS).nullable()).max(MAX_COLUMNS);

/** A mapping the clerk saved for this header set; null when none was, or what was stored no longer fits. */
export function savedMapping(stored: unknown, width: number): ColumnTarget[] | null {
  const parsed = SavedMappingSchema.safeParse(stored);
  return parsed.success && parsed.data.length === width ? parsed.data : null;
}

/** A column given a target the clerk chose: any other column with that target gives it up (one column each). */
export function remap(columns: readonly ColumnTarget[], at: number, target: ColumnTarget): ColumnTarget[] {
  return columns.map((c, i) => (i === at ? target : c === target ? null : c));
}
