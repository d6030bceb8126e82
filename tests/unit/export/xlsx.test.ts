import { type CellObject, CFB, read, utils, type WorkSheet } from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { defaultEntry } from '../../../lib/domain/billing';
import type { Customer } from '../../../lib/domain/customer';
import { BATCH_ISSUE_SHEET, batchIssueTable } from '../../../lib/export/batch-issue';
import { BOOK_SHEET, bookTable } from '../../../lib/export/book';
import { platformCustomersTable } from '../../../lib/export/platform-customers';
import { toXlsx } from '../../../lib/export/xlsx';
import { customer, entry } from '../../support/customer';
import { FORMULAS, TRICKY } from '../../support/export-customers';
import { generateCustomers } from '../../support/generate';
import { expected, imported, importFile } from '../../support/roundtrip';

/** Every cell of a sheet read back by @e965/xlsx, by its A1 address. */
function cells(sheet: WorkSheet | undefined): [string, CellObject][] {
  if (!sheet) throw new Error('no sheet');
  return Object.entries(sheet).filter(([key]) => !key.startsWith('!')) as [string, CellObject][];
}

/** The first sheet's XML as the file holds it. */
function sheetXml(bytes: Uint8Array): string {
  const entry = CFB.find(CFB.read(bytes, { type: 'array' }), '/xl/worksheets/sheet1.xml');
  if (!entry) throw new Error('no sheet1.xml');
  return new TextDecoder().decode(Uint8Array.from(entry.content as ArrayLike<number>));
}

/** The fields a text cell must hold exactly, untrimmed, as the book stores them. */
function stored(c: Customer) {
  const { address, phone, bankName, bankAccount } = defaultEntry(c);
  return { name: c.name, address, phone, bankName, bankAccount, contact: c.contact, email: c.email };
}

const readBack = (bytes: Uint8Array) => read(bytes, { type: 'array', cellNF: true, cellFormula: true });

describe('.xlsx export', () => {
  it('writes a real workbook, one sheet per table, every cell a text cell in the Text format', () => {
    const bytes = toXlsx([bookTable(TRICKY), batchIssueTable(TRICKY)]);
    expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const book = readBack(bytes);
    expect(book.SheetNames).toEqual([BOOK_SHEET, BATCH_ISSUE_SHEET]);
    for (const name of book.SheetNames) {
      const all = cells(book.Sheets[name]);
      expect(all.length).toBeGreaterThan(0);
      for (const [, cell] of all) expect({ t: cell.t, z: cell.z }).toEqual({ t: 's', z: '@' });
    }
  });

  it('keeps long digit strings and leading zeros exactly, as text', () => {
    const digits = customer('d', '某某商贸有限公司', {
      taxId: '000000000000000001',
      entries: [entry('d-1', { bankAccount: '6222020200112233445', phone: '057187996781' })],
      defaultEntryId: 'd-1',
      mobile: '13800000000',
    });
    const sheet = readBack(toXlsx([bookTable([digits])])).Sheets[BOOK_SHEET];
    const row2 = Object.fromEntries(cells(sheet).filter(([address]) => /^[A-Z]+2$/.test(address)));
    expect(row2.B2).toMatchObject({ t: 's', v: '000000000000000001' });
    expect(row2.D2).toMatchObject({ t: 's', v: '057187996781' });
    expect(row2.F2).toMatchObject({ t: 's', v: '6222020200112233445' });
    expect(row2.H2).toMatchObject({ t: 's', v: '13800000000' });
  });

  it.each([
    ['book', bookTable, 'all'],
    ['platform customer list', platformCustomersTable, 'buyer'],
    ['batch-issue buyer columns', batchIssueTable, 'buyerAndEmail'],
  ] as const)('round-trips the %s through the importer with every digit', (_, layout, reach) => {
    const customers = [...TRICKY, ...generateCustomers(300, 5)];
    const rows = importFile(toXlsx([layout(customers)]), 'export.xlsx');
    expect(rows.map(imported)).toEqual(customers.map((c) => expected(c, reach)));
    expect(rows.flatMap((r) => r.findings).filter((f) => f.code === 'import.digitsLost')).toEqual([]);
  });

  it.each([
    ['book', bookTable, 2, { A: 'name', C: 'address', D: 'phone', E: 'bankName', F: 'bankAccount', G: 'contact' }],
    ['platform customer list', platformCustomersTable, 2, { A: 'name', C: 'address', D: 'phone', F: 'bankAccount' }],
    ['batch-issue buyer columns', batchIssueTable, 4, { F: 'name', K: 'address', Q: 'phone', AE: 'email' }],
  ] as const)(
    'writes formula-like text in the %s exactly as stored, as text cells without a formula',
    (_, layout, row, at) => {
      const [c] = FORMULAS;
      if (!c) throw new Error('no customer');
      const table = layout([c]);
      const sheet = readBack(toXlsx([table])).Sheets[table.name];
      const fields = stored(c);
      for (const [column, field] of Object.entries(at)) {
        const cell = sheet?.[`${column}${row}`];
        expect(cell, `${column}${row}`).toMatchObject({ t: 's', v: fields[field], z: '@' });
        expect(cell, `${column}${row}`).not.toHaveProperty('f');
      }
      expect(fields.phone).toBe('+86 571 8888 8888');
      expect(fields.name).toBe('=HYPERLINK("http://x","y")');
      expect(cells(sheet).filter(([, cell]) => cell.f !== undefined || cell.t !== 's')).toEqual([]);
    },
  );

  it('stores every cell as a shared string and no formula in the file itself', () => {
    const xml = sheetXml(toXlsx([bookTable([...FORMULAS, ...TRICKY])]));
    const cellTags = xml.match(/<c [^>]*>/g) ?? [];
    expect(cellTags.length).toBeGreaterThan(0);
    expect(cellTags.filter((tag) => !/ t="s"/.test(tag))).toEqual([]);
    expect(xml).not.toMatch(/<f[ >/]/);
  });

  it('reads back through the importer with the formula-like text as it was', () => {
    const rows = importFile(toXlsx([bookTable(FORMULAS)]), 'f.xlsx');
    // The importer takes one apostrophe off text like '=… in any file, to undo the CSV export's neutralising
    // (lib/import/rows.ts); from .xlsx that takes off a person's own, so the contact "'=already quoted" is left out.
    const withoutContact = ({ contact: _, ...rest }: ReturnType<typeof imported>) => rest;
    expect(rows.map((r) => withoutContact(imported(r)))).toEqual(FORMULAS.map((c) => withoutContact(expected(c))));
  });

  it('keeps control characters a pasted name may carry (XML cannot hold them raw)', () => {
    const odd = customer('c', `某某${String.fromCharCode(1)}公司${String.fromCharCode(0x1f)}`);
    const sheet = readBack(toXlsx([bookTable([odd])])).Sheets[BOOK_SHEET];
    expect(sheet?.A2?.v).toBe(odd.name);
  });

  it('marks the header row for filtering and sizes columns to their text', () => {
    const sheet = read(toXlsx([bookTable(TRICKY)]), { type: 'array', cellStyles: true }).Sheets[BOOK_SHEET];
    expect(sheet?.['!autofilter']?.ref).toMatch(/^A1:[A-Z]+4$/);
    const widths = sheet?.['!cols']?.map((c) => c.wch ?? 0) ?? [];
    // The name column holds the widest names; 开票次数 holds a count.
    expect(widths[0]).toBeGreaterThan(widths[21] ?? 0);
  });

  it.each([
    ['no table', []],
    ['a sheet name Excel refuses', [{ name: '客户/供应商', header: 0, rows: [['客户名称']] }]],
    ['a sheet name over 31 characters', [{ name: 'x'.repeat(32), header: 0, rows: [] }]],
    [
      'two sheets with one name',
      [
        { name: 'Book', header: 0, rows: [] },
        { name: 'book', header: 0, rows: [] },
      ],
    ],
  ])('refuses %s', (_, tables) => {
    expect(() => toXlsx(tables)).toThrow();
  });

  it('writes the batch-issue sheet with its header on row 3 at the template’s column letters', () => {
    const [first] = TRICKY;
    if (!first) throw new Error('no customer');
    const sheet = readBack(toXlsx([batchIssueTable([first])])).Sheets[BATCH_ISSUE_SHEET];
    const at = (address: string) => sheet?.[address]?.v;
    expect({
      F3: at('F3'),
      G3: at('G3'),
      K3: at('K3'),
      Q3: at('Q3'),
      R3: at('R3'),
      S3: at('S3'),
      AE3: at('AE3'),
    }).toEqual({
      F3: '购买方名称',
      G3: '购买方纳税人识别号',
      K3: '购买方地址',
      Q3: '购买方电话',
      R3: '购买方开户银行',
      S3: '购买方银行账号',
      AE3: '购买方邮箱',
    });
    expect(at('F4')).toBe(first.name);
    expect(at('G4')).toBe('91110000600037341L');
    expect(at('S4')).toBe('0200049619200088888');
    expect(at('AE4')).toBe('fapiao@example.com');
    expect(sheet?.['!ref']).toBe(`A1:AE4`);
    expect(utils.decode_range(sheet?.['!ref'] ?? '').e.r).toBe(3);
  });
});
