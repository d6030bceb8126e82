import { describe, expect, it } from 'vitest';
import { finding } from '../../../lib/domain/findings';
import {
  type Decisions,
  decide,
  duplicateKind,
  kindChoices,
  kindDefaults,
  NO_DECISIONS,
  previewCounts,
} from '../../../lib/import/decide';
import { type BookKeys, type PlannedRow, planImport } from '../../../lib/import/plan';
import type { ImportRow } from '../../../lib/import/rows';

const badTaxId = finding('taxId.checksum', 'taxId', 'error', '税号校验位不对', 'The tax ID check digit is wrong');
const oddPhone = finding('phone.invalid', 'phone', 'warning', '电话号码不像电话', 'The phone does not look like one');

const row = (n: number, name: string, taxId = '', findings = [] as ImportRow['findings']): ImportRow => ({
  row: n,
  input: { name, taxId, entries: [{ id: 'main' }], defaultEntryId: 'main', source: 'import' },
  draft: null,
  findings,
});

const BOOK: BookKeys = {
  byTaxId: new Map([['91110000600037341L', 'xiaomi']]),
  byName: new Map([['上海大华纺织品进出口有限公司', 'dahua']]),
};

/** A preview with one row of each kind, as planImport makes it from a file and the book above. */
function preview(): PlannedRow[] {
  return planImport(
    [
      row(2, '宁波港湾物流有限公司', '91330206MA2H3K5P7L'),
      row(3, '北京小米科技有限责任公司', '91110000600037341L'), // bookTaxId
      row(4, '上海大华纺织品进出口有限公司'), // bookName, no tax ID of its own: skip
      row(5, '上海大华纺织品进出口有限公司', '31010413245678X'), // bookName with its own tax ID: keepBoth
      row(6, '宁波港湾物流（北仑）有限公司', '91330206MA2H3K5P7L'), // fileTaxId
      row(7, '宁波港湾物流有限公司'), // fileName
      row(8, '北京小米（坏）', '91110000600037341L', [badTaxId]), // an error, though its tax ID is in the book
      row(9, '张三商行', '', [oddPhone]),
    ],
    BOOK,
  );
}

const decisions = (byKind: Decisions['byKind'], byRow: [number, PlannedRow['decision']][] = []): Decisions => ({
  byKind,
  byRow: new Map(byRow),
});
const decided = (rows: readonly PlannedRow[]) => rows.map((r) => [r.row, r.decision]);

describe('duplicateKind', () => {
  it('names where and by what a row duplicates, and nothing for a new row or one with errors', () => {
    expect(preview().map((r) => [r.row, duplicateKind(r)])).toEqual([
      [2, null],
      [3, 'bookTaxId'],
      [4, 'bookName'],
      [5, 'bookName'],
      [6, 'fileTaxId'],
      [7, 'fileName'],
      [8, null],
      [9, null],
    ]);
    // The error row does duplicate Xiaomi: only its errors keep it out of the kinds.
    expect(preview()[6]?.duplicate).toEqual({ in: 'book', customerId: 'xiaomi', by: 'taxId' });
  });
});

describe('decide', () => {
  it("keeps the plan's decisions when the clerk has made none", () => {
    const rows = preview();
    expect(decide(rows, NO_DECISIONS)).toEqual(rows);
  });

  it('applies a default per kind of duplicate to every row of that kind, and only to them', () => {
    const rows = preview();
    expect(decided(decide(rows, decisions({ bookName: 'update', fileName: 'keepBoth' })))).toEqual([
      [2, 'add'],
      [3, 'skip'],
      [4, 'update'],
      [5, 'update'],
      [6, 'skip'],
      [7, 'keepBoth'],
      [8, 'skip'],
      [9, 'add'],
    ]);
    // The rows given stay as they were.
    expect(decided(rows)).toEqual(decided(preview()));
  });

  it('lets a row decided by hand win over its kind', () => {
    const out = decide(preview(), decisions({ bookName: 'update', bookTaxId: 'update' }, [[4, 'keepBoth']]));
    expect(decided(out).slice(1, 4)).toEqual([
      [3, 'update'],
      [4, 'keepBoth'],
      [5, 'update'],
    ]);
  });

  it('ignores a decision the row does not allow, by kind or by hand', () => {
    const out = decide(
      preview(),
      decisions({ bookTaxId: 'keepBoth', fileTaxId: 'add' }, [
        [8, 'add'], // a row with errors can only be skipped
        [7, 'update'], // nothing in the book to update
        [2, 'update'],
      ]),
    );
    expect(decided(out)).toEqual(decided(preview()));
  });

  it('decides rows that are no duplicate only by hand', () => {
    const out = decide(preview(), decisions({}, [[2, 'skip']]));
    expect(out[0]?.decision).toBe('skip');
    expect(decided(out.slice(1))).toEqual(decided(preview().slice(1)));
  });
});

describe('kindChoices', () => {
  it('gives the choices of each kind, and none for a kind the file does not have', () => {
    const rows = preview();
    expect(kindChoices(rows, 'bookTaxId')).toEqual(['skip', 'update']);
    expect(kindChoices(rows, 'bookName')).toEqual(['skip', 'update', 'keepBoth']);
    expect(kindChoices(rows, 'fileTaxId')).toEqual(['skip']);
    expect(kindChoices(rows, 'fileName')).toEqual(['skip', 'keepBoth']);
    expect(kindChoices(rows.slice(0, 2), 'fileName')).toEqual([]);
  });
});

describe('kindDefaults', () => {
  it("takes each kind's default from its first row, and has none for a kind the file does not have", () => {
    expect(kindDefaults(preview())).toEqual({
      bookTaxId: 'skip',
      bookName: 'skip',
      fileTaxId: 'skip',
      fileName: 'skip',
    });
    // Its first namesake has a tax ID of its own, so the kind defaults to keeping both.
    expect(kindDefaults(preview().slice(3, 4))).toEqual({ bookName: 'keepBoth' });
    expect(kindDefaults(preview().slice(0, 1))).toEqual({});
  });
});

describe('previewCounts', () => {
  it('counts rows by status, the duplicates, and what will be written', () => {
    expect(previewCounts(preview())).toEqual({ valid: 6, warning: 1, error: 1, duplicate: 5, toWrite: 3 });
    const all = decide(preview(), decisions({ bookName: 'update', fileName: 'keepBoth', bookTaxId: 'update' }));
    expect(previewCounts(all)).toEqual({ valid: 6, warning: 1, error: 1, duplicate: 5, toWrite: 6 });
    expect(previewCounts([])).toEqual({ valid: 0, warning: 0, error: 0, duplicate: 0, toWrite: 0 });
  });
});
