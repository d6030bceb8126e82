import fc from 'fast-check';
import type { z } from '../../lib/domain/zod';

/** Values a generated payload may borrow: ids, names and tax IDs of the book under test, revisions, tab ids. */
export interface Pools {
  strings: readonly string[];
  numbers: readonly number[];
}

// Zod 4 keeps a schema's kind and checks in its definition; only the kinds PROTOCOL uses are read.
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  format?: string;
  checks?: { _zod: { def: { check: string; minimum?: number; maximum?: number; value?: number; format?: string } } }[];
}
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

function lengths(def: Def, fallbackMax: number) {
  let min = 0;
  let max = fallbackMax;
  for (const c of def.checks ?? []) {
    if (c._zod.def.check === 'min_length') min = c._zod.def.minimum ?? min;
    if (c._zod.def.check === 'max_length') max = c._zod.def.maximum ?? max;
  }
  return { min, max };
}

function numberBounds(def: Def) {
  let min = Number.NEGATIVE_INFINITY;
  let max = Number.POSITIVE_INFINITY;
  let int = false;
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    if (d.check === 'greater_than' && d.value !== undefined) min = Math.max(min, d.value);
    if (d.check === 'less_than' && d.value !== undefined) max = Math.min(max, d.value);
    if (d.check === 'number_format' && d.format !== undefined && /int/.test(d.format)) int = true;
  }
  return { min, max, int };
}

/** Bytes that are (or are not) a file an attachment may be, as base64. */
const base64 = fc
  .tuple(
    fc.constantFrom(
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
      [0xff, 0xd8, 0xff],
      [...'%PDF-1.7'].map((c) => c.charCodeAt(0)),
      [],
    ),
    fc.uint8Array({ maxLength: 64 }),
  )
  .map(([head, tail]) => btoa(String.fromCharCode(...head, ...tail)));

/**
 * Values shaped like what `schema` accepts: the right kinds at the edges of their bounds (empty, longest, 0, the
 * limits), strings and numbers from `pools` often, so that ids name real records. Most parse; a caller that needs
 * only those filters with the schema, as admit() would.
 */
export function shapedLike(schema: z.ZodType, pools: Pools, unknown: fc.Arbitrary<unknown> = fc.anything()) {
  const go = (s: z.ZodType): fc.Arbitrary<unknown> => {
    const def = defOf(s);
    switch (def.type) {
      case 'object': {
        const shape = def.shape ?? {};
        return fc.record(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, go(v)])), {
          requiredKeys: Object.entries(shape)
            .filter(([, v]) => !['optional', 'default'].includes(defOf(v).type))
            .map(([k]) => k),
        });
      }
      case 'string': {
        if (def.format === 'base64') return base64;
        const { min, max } = lengths(def, 1000);
        const fits = (t: string) => t.length >= min && t.length <= max;
        return fc
          .oneof(
            { weight: 3, arbitrary: fc.constantFrom(...pools.strings, '', ' ', '__proto__', 'constructor') },
            { weight: 2, arbitrary: fc.string({ minLength: min, maxLength: Math.min(max, 40) }) },
            { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.min(max, 20) }) },
            { weight: 1, arbitrary: fc.constant('款'.repeat(max)) },
          )
          .filter(fits);
      }
      case 'number': {
        const { min, max, int } = numberBounds(def);
        const lo = Math.max(min, -1e6);
        const hi = Math.min(max, 1e6);
        const edges = [min, max, 0, 1, -1, Number.MAX_SAFE_INTEGER].filter((n) => Number.isFinite(n));
        return fc.oneof(
          fc.constantFrom(...pools.numbers, ...edges),
          int ? fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) }) : fc.double({ min: lo, max: hi, noNaN: true }),
        );
      }
      case 'array': {
        const { min, max } = lengths(def, 10);
        return fc.array(go(def.element as z.ZodType), { minLength: min, maxLength: Math.min(max, min + 6) });
      }
      case 'enum':
        return fc.constantFrom(...Object.values(def.entries ?? {}));
      case 'literal':
        return fc.constantFrom(...(def.values ?? []));
      case 'union':
        return fc.oneof(...(def.options ?? []).map(go));
      case 'optional':
      case 'default':
        return fc.option(go(def.innerType as z.ZodType), { nil: undefined });
      case 'nullable':
        return fc.option(go(def.innerType as z.ZodType), { nil: null });
      case 'record':
        return fc.dictionary(go(def.keyType as z.ZodType) as fc.Arbitrary<string>, go(def.valueType as z.ZodType), {
          maxKeys: 4,
        });
      case 'pipe':
        return go((def as unknown as { in: z.ZodType }).in);
      default:
        return unknown;
    }
  };
  return go(schema);
}

/** The keys of an object schema (none for any other kind). */
export function keysOf(schema: z.ZodType): string[] {
  return Object.keys(defOf(schema).shape ?? {});
}
