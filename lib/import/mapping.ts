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

/**
 * Where the clerk's mapping for a layout of columns is kept: by the header texts as the file has them, in order. The
 * texts are hashed (two FNV-1a passes, 64 bits), so that 200 long headers still make a short storage key.
 */
export function mappingKey(headers: readonly string[]): string {
  const text = JSON.stringify(headers.map((h) => h.trim()));
  const fnv = (seed: number) => {
    let h = seed;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    return h.toString(16).padStart(8, '0');
  };
  return `${MAPPING_PREFIX}${fnv(0x811c9dc5)}${fnv(0x050c5d1f)}`;
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
