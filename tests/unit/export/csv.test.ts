import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { batchIssueTable } from '../../../lib/export/batch-issue';
import { bookTable } from '../../../lib/export/book';
import { toCsv } from '../../../lib/export/csv';
import { platformCustomersTable } from '../../../lib/export/platform-customers';
import { readSheets } from '../../../lib/import/sheet';
import { FORMULAS, TRICKY } from '../../support/export-customers';
import { generateCustomers } from '../../support/generate';
import { expected, imported, importFile } from '../../support/roundtrip';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('CSV export', () => {
  it('starts with the UTF-8 byte order mark and ends lines with CRLF', () => {
    const bytes = utf8(toCsv(bookTable(TRICKY)));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    // Every line break outside a quoted cell is CRLF; the one inside the address stays as the clerk typed it.
    const outside = text.replace(/"(?:[^"]|"")*"/g, '');
    expect(outside).toMatch(/\r\n$/);
    expect(outside.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text).toContain('"北京市海淀区清河中街68号\n华润五彩城写字楼2号楼"');
  });

  it('quotes as RFC 4180 says: commas, quotes and line breaks in a cell', () => {
    const csv = toCsv({ name: 't', header: 0, rows: [['a,b', 'say "hi"', 'two\r\nlines', 'plain', '']] });
    expect(csv).toBe('\uFEFF"a,b","say ""hi""","two\r\nlines",plain,\r\n');
  });

  it('reads back as the same cells with a strict RFC 4180 parser', () => {
    const table = bookTable([...TRICKY, ...generateCustomers(50, 3)]);
    const parsed = Papa.parse<string[]>(toCsv(table).slice(1), { delimiter: ',', newline: '\r\n' });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.slice(0, -1)).toEqual(table.rows);
  });

  it('keeps Chinese, emoji and characters beyond the BMP as they were', () => {
    const bytes = utf8(toCsv(bookTable(TRICKY)));
    const result = readSheets(bytes, 'book.csv');
    if (!result.ok) throw new Error(result.problem);
    expect(result.sheets[0]?.rows[2]?.[0]?.text).toBe('🍵𠀀龙井茶业（杭州）有限公司');
  });

  it.each([
    ['book', bookTable, 'all'],
    ['platform customer list', platformCustomersTable, 'buyer'],
    ['batch-issue buyer columns', batchIssueTable, 'buyerAndEmail'],
  ] as const)('round-trips the %s through the importer to the same customers', (_, layout, reach) => {
    const customers = [...TRICKY, ...generateCustomers(300, 11)];
    const rows = importFile(utf8(toCsv(layout(customers))), 'export.csv');
    expect(rows.map(imported)).toEqual(customers.map((c) => expected(c, reach)));
    expect(rows.flatMap((r) => r.findings).filter((f) => f.code === 'import.digitsLost')).toEqual([]);
  });

  it('leaves a signed number as it is in a column of computed figures, and neutralises anything else there', () => {
    const table = {
      name: 'x',
      header: 0,
      signed: [1],
      rows: [
        ['-12.50', '-12.50', '-3.5%'],
        ['=1+1', '-1+1', "-2+cmd|' /C calc'!A0"],
        ['名称', '-12.5%', '+86 571'],
      ],
    };
    const lines = toCsv(table).slice(1).split('\r\n');
    expect(lines.slice(0, 3)).toEqual([
      "'-12.50,-12.50,'-3.5%",
      "'=1+1,'-1+1,'-2+cmd|' /C calc'!A0",
      "名称,-12.5%,'+86 571",
    ]);
  });

  it('neutralises formulas, and the importer gets the text back by undoing exactly that', () => {
    const csv = toCsv(bookTable(FORMULAS));
    expect(csv).toContain('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csv).toContain("'+cmd|' /C calc'!A0");
    expect(csv).toContain(",'@SUM(1+1),'-5,");
    // What a spreadsheet reads from the file: no cell starts a formula.
    const cells = Papa.parse<string[]>(csv.slice(1)).data.flat();
    expect(cells.filter((text) => /^[=+\-@\t\r]/.test(text))).toEqual([]);
    expect(importFile(utf8(csv), 'f.csv').map(imported)).toEqual(FORMULAS.map((c) => expected(c)));
  });
});
