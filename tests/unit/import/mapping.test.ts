import { describe, expect, it } from 'vitest';
import type { ColumnTarget } from '../../../lib/import/columns';
import { MAX_COLUMNS } from '../../../lib/import/limits';
import { COLUMN_TARGETS, MAPPING_PREFIX, mappingKey, remap, savedMapping } from '../../../lib/import/mapping';

describe('mappingKey', () => {
  it('stays short for the widest sheet, so a backup can restore it', () => {
    const wide = Array.from({ length: 200 }, (_, i) => `第${i}列：购买方纳税人识别号（统一社会信用代码）`);
    expect(mappingKey(wide).length).toBeLessThan(40);
    expect(mappingKey(wide)).not.toBe(mappingKey(wide.slice(1)));
  });

  it('keys a layout by its header texts in order, spaces around them aside', () => {
    const key = mappingKey(['名称', '税号', '地址电话']);
    expect(key.startsWith(MAPPING_PREFIX)).toBe(true);
    expect(mappingKey([' 名称 ', '税号\t', '\n地址电话'])).toBe(key);
    expect(mappingKey(['税号', '名称', '地址电话'])).not.toBe(key);
    expect(mappingKey(['名称', '税号'])).not.toBe(key);
    expect(mappingKey(['名称', '税 号', '地址电话'])).not.toBe(key);
  });

  it('keeps header sets apart that would run together as plain text', () => {
    expect(mappingKey(['a,b'])).not.toBe(mappingKey(['a', 'b']));
    expect(mappingKey(['a","b'])).not.toBe(mappingKey(['a', 'b']));
    expect(mappingKey([''])).not.toBe(mappingKey([]));
  });
});

describe('savedMapping', () => {
  const stored: ColumnTarget[] = ['name', 'taxId', null, 'addressPhone'];

  it('gives back a mapping saved for as many columns as the file has', () => {
    expect(savedMapping(stored, 4)).toEqual(stored);
    expect(savedMapping([...COLUMN_TARGETS], COLUMN_TARGETS.length)).toEqual([...COLUMN_TARGETS]);
  });

  it('gives null for a mapping of another width', () => {
    expect(savedMapping(stored, 3)).toBeNull();
    expect(savedMapping(stored, 5)).toBeNull();
  });

  it('gives null for nothing stored, or for what no longer checks out', () => {
    expect(savedMapping(null, 4)).toBeNull();
    expect(savedMapping(undefined, 4)).toBeNull();
    expect(savedMapping('name,taxId', 2)).toBeNull();
    expect(savedMapping({ 0: 'name', 1: 'taxId' }, 2)).toBeNull();
    expect(savedMapping(['name', 'fax'], 2)).toBeNull();
    expect(savedMapping(['name', 'ignored'], 2)).toBeNull();
    expect(savedMapping(['name', 3], 2)).toBeNull();
    expect(savedMapping(['name', undefined], 2)).toBeNull();
    const wide = Array.from({ length: MAX_COLUMNS + 1 }, () => null);
    expect(savedMapping(wide, wide.length)).toBeNull();
    expect(savedMapping(wide.slice(1), MAX_COLUMNS)).toEqual(wide.slice(1));
  });
});

describe('remap', () => {
  it('gives a column its target and takes the target from the column that had it', () => {
    const columns: ColumnTarget[] = ['name', 'taxId', 'phone', null];
    expect(remap(columns, 3, 'taxId')).toEqual(['name', null, 'phone', 'taxId']);
    expect(remap(columns, 0, 'phone')).toEqual(['phone', 'taxId', null, null]);
    expect(remap(columns, 2, 'email')).toEqual(['name', 'taxId', 'email', null]);
    expect(columns).toEqual(['name', 'taxId', 'phone', null]);
  });

  it('unmaps a column given null, and leaves the others alone', () => {
    expect(remap(['name', 'taxId', null], 1, null)).toEqual(['name', null, null]);
    expect(remap(['name', 'taxId', null], 2, null)).toEqual(['name', 'taxId', null]);
  });

  it('keeps a column that already has the target as it is', () => {
    expect(remap(['name', 'taxId'], 1, 'taxId')).toEqual(['name', 'taxId']);
  });
});
