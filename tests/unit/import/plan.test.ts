import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../lib/domain/findings';
import { type BookKeys, planImport } from '../../../lib/import/plan';
import type { ImportRow } from '../../../lib/import/rows';

const row = (n: number, name: string, taxId = '', findings: Partial<Finding>[] = []): ImportRow => ({
  row: n,
  input: { name, taxId, entries: [{ id: 'main' }], defaultEntryId: 'main', source: 'import' },
  draft: null,
  findings: findings as Finding[],
});

const BOOK: BookKeys = {
  byTaxId: new Map([['91110000600037341L', 'xiaomi']]),
  byName: new Map([['上海大华纺织品进出口有限公司', 'dahua']]),
};

describe('planning an import', () => {
  it('gives each kind of row its status, duplicate and default', () => {
    const plan = planImport(
      [
        row(2, '宁波港湾物流有限公司', '91330206MA2H3K5P7L'),
        row(3, '北京小米科技有限责任公司', '９１１１００００６０００３７３４１ｌ'),
        row(4, '上海大华纺织品进出口有限公司'),
        row(5, '上海大华纺织品进出口有限公司', '31010413245678X'),
        row(6, '宁波港湾物流（北仑）有限公司', '91330206MA2H3K5P7L'),
        row(7, '宁波港湾物流有限公司'),
        row(8, '坏数据公司', '', [{ severity: 'error', code: 'taxId.checksum' }]),
        row(9, '张三商行', '', [{ severity: 'warning', code: 'phone.invalid' }]),
      ],
      BOOK,
    );
    expect(plan.map((p) => [p.row, p.status, p.duplicate, p.decision])).toEqual([
      [2, 'valid', null, 'add'],
      [3, 'valid', { in: 'book', customerId: 'xiaomi', by: 'taxId' }, 'skip'],
      [4, 'valid', { in: 'book', customerId: 'dahua', by: 'name' }, 'skip'],
      [5, 'valid', { in: 'book', customerId: 'dahua', by: 'name' }, 'keepBoth'],
      [6, 'valid', { in: 'file', row: 2, by: 'taxId' }, 'skip'],
      [7, 'valid', { in: 'file', row: 2, by: 'name' }, 'skip'],
      [8, 'error', null, 'skip'],
      [9, 'warning', null, 'add'],
    ]);
  });

  it('offers only what the book can do: a second customer with a taken tax ID cannot be kept', () => {
    const [taken, named, bad, again, namesake] = planImport(
      [
        row(2, '北京小米', '91110000600037341L'),
        row(3, '上海大华纺织品进出口有限公司'),
        row(4, 'x', '', [{ severity: 'error' }]),
        row(5, '北京小米', '91110000600037341L'),
        row(6, '北京小米'),
      ],
      { ...BOOK, byTaxId: new Map() },
    );
    expect(taken?.choices).toEqual(['add', 'skip']);
    expect(named?.choices).toEqual(['skip', 'update', 'keepBoth']);
    expect(bad?.choices).toEqual(['skip']);
    // Earlier rows of the file are not in the book yet: nothing to update.
    expect(again?.choices).toEqual(['skip']);
    expect(namesake?.choices).toEqual(['skip', 'keepBoth']);
    const [inBook] = planImport([row(2, '北京小米', '91110000600037341L')], BOOK);
    expect(inBook?.choices).toEqual(['skip', 'update']);
  });

  it('does not count a row with errors as the first of its tax ID', () => {
    const [bad, good] = planImport(
      [row(2, '甲公司', '91330206MA2H3K5P7L', [{ severity: 'error' }]), row(3, '甲公司', '91330206MA2H3K5P7L')],
      { byTaxId: new Map(), byName: new Map() },
    );
    expect(bad?.decision).toBe('skip');
    expect(good?.duplicate).toBeNull();
    expect(good?.decision).toBe('add');
  });
});
