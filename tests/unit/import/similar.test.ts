import { describe, expect, it } from 'vitest';
import { buildBlocks } from '../../../lib/dedup/candidates';
import { withSimilar } from '../../../lib/import/plan';
import { similarSearch, similarStep } from '../../../lib/import/similar';
import { customer } from '../../support/customer';
import { plannedRow } from '../../support/planned';

const BOOK = [
  customer('xiaomi', '北京小米科技有限责任公司', { taxId: '91110000802100433B' }),
  customer('tea', '杭州西湖龙井茶叶有限公司'),
];

const row = (n: number, name: string, taxId = '') =>
  plannedRow(n, { name, taxId, entries: [{ id: 'main' }], defaultEntryId: 'main', source: 'import' });

/** Runs the check to the end, `step` rows at a time, and counts the steps. */
function checkAll(rows: ReturnType<typeof row>[], step?: number) {
  const search = similarSearch(buildBlocks(BOOK));
  let steps = 1;
  while (!similarStep(search, rows, step)) steps++;
  return { found: search.found, steps };
}

describe('the dedup check over an import preview', () => {
  it('finds a book customer written another way, and names it', () => {
    const { found } = checkAll([row(2, '北京小米科技有限公司'), row(3, '（北京）小米科技有限公司')]);
    expect(found.get(2)).toMatchObject({
      in: 'book',
      customerId: 'xiaomi',
      by: 'similar',
      name: '北京小米科技有限责任公司',
    });
    expect(found.get(3)).toMatchObject({ in: 'book', customerId: 'xiaomi', by: 'similar' });
  });

  it('does not call a branch, a look-alike or a namesake in another region a duplicate', () => {
    const { found } = checkAll([
      row(2, '北京小米科技有限责任公司上海分公司'),
      row(3, '北京小米电子产品有限公司'),
      row(4, '上海西湖龙井茶叶有限公司'),
    ]);
    expect([...found.keys()]).toEqual([]);
  });

  it('finds an earlier row of the file, when the book has nothing like it', () => {
    const { found } = checkAll([row(2, '宁波港湾物流有限责任公司'), row(3, '宁波港湾物流有限公司')]);
    expect(found.get(2)).toBeUndefined();
    expect(found.get(3)).toMatchObject({ in: 'file', row: 2, by: 'similar', name: '宁波港湾物流有限责任公司' });
  });

  it('leaves rows the exact keys matched, and rows with errors, as they are', () => {
    const exact = row(2, '宁波港湾物流有限公司');
    exact.duplicate = { in: 'book', customerId: 'other', by: 'name' };
    const broken = { ...row(3, '宁波港湾物流有限责任公司'), status: 'error' as const, draft: null };
    const { found } = checkAll([exact, broken, row(4, '宁波港湾物流（有限）公司')]);
    expect(found.get(2)).toBeUndefined();
    expect(found.get(3)).toBeUndefined();
    // The exact duplicate is still filed: a later row like it is pointed at it.
    expect(found.get(4)).toMatchObject({ in: 'file', row: 2 });
  });

  it('gives the same answer step by step as in one go', () => {
    const rows = [row(2, '北京小米科技有限公司'), row(3, '宁波港湾物流有限责任公司'), row(4, '宁波港湾物流有限公司')];
    const once = checkAll(rows);
    const stepwise = checkAll(rows, 1);
    expect(once.steps).toBe(1);
    expect(stepwise.steps).toBe(3);
    expect(stepwise.found).toEqual(once.found);
  });

  it('gives a similar row the choices and default of a duplicate by name', () => {
    const rows = [
      row(2, '北京小米科技有限公司'),
      row(3, '北京小米科技有限公司', '91110108551385082Q'),
      row(4, '宁波港湾物流有限公司'),
    ];
    const { found } = checkAll(rows);
    const [bare, withTaxId, plain] = withSimilar(rows, found);
    expect([bare?.decision, bare?.choices]).toEqual(['skip', ['skip', 'update', 'keepBoth']]);
    expect(withTaxId?.decision).toBe('keepBoth');
    expect(plain).toBe(rows[2]);
  });
});
