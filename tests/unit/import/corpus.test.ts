import { readdirSync, readFileSync } from 'node:fs';
import { read, utils } from '@e965/xlsx';
import Papa from 'papaparse';
import { describe, expect, it, vi } from 'vitest';
import { hasErrors } from '../../../lib/domain/findings';
import * as decoding from '../../../lib/import/decode';
import { FILE_PROBLEMS, type ImportProblem, problemMessage, SHEET_PROBLEMS } from '../../../lib/import/problems';
import { type ImportFile, readImportFile } from '../../../lib/import/read-file';
import { type ImportRow, importRows } from '../../../lib/import/rows';
import * as sniffing from '../../../lib/import/sniff';
import { CUSTOMERS, HEAVY_FILES, SMALL_FILES } from '../../support/bad-files';

const DIR = new URL('../../fixtures/bad-files/', import.meta.url);
const committed = (name: string) => new Uint8Array(readFileSync(new URL(name, DIR)));

/** Each refused file and what it must be refused for; with a line when the clerk is told where to look. */
const REFUSED: Record<string, ImportProblem | { problem: ImportProblem; line: number }> = {
  'empty.csv': 'empty',
  'bom-only.csv': 'empty',
  'whitespace-only.csv': 'empty',
  'separators-only.csv': 'empty',
  'empty-sheets.xlsx': 'empty',
  'three-bytes.xlsx': 'damaged',
  'three-bytes.csv': 'noHeader',
  'header-only.csv': 'noRows',
  'header-only.xlsx': 'noRows',
  'title-rows-only.xlsx': 'noHeader',
  'no-header.csv': 'noHeader',
  'one-column.csv': 'noHeader',
  'no-name-column.csv': 'noNameColumn',
  'truncated-10.xlsx': 'damaged',
  'truncated-50.xlsx': 'damaged',
  'truncated-90.xlsx': 'damaged',
  'truncated-in-directory.xlsx': 'damaged',
  'truncated-last-byte.xlsx': 'damaged',
  'corrupt-sheet.xlsx': 'damaged',
  'corrupt-shared-strings.xlsx': 'damaged',
  'corrupt-directory.xlsx': 'damaged',
  'digit-changed.xlsx': 'damaged',
  'missing-sheet.xlsx': 'damaged',
  'understated-size.xlsx': 'damaged',
  'zip64.xlsx': 'damaged',
  'workbook-part-empty.xlsx': 'unreadable',
  'truncated.xls': 'damaged',
  'not-a-workbook.xlsx': 'archive',
  'empty-archive.xlsx': 'archive',
  'customers.csv.gz.csv': 'archive',
  'word.docx.xlsx': 'document',
  'word.doc.xls': 'document',
  'rich-text.rtf.csv': 'document',
  'encrypted.xlsx': 'encrypted',
  'encrypted.xls': 'encrypted',
  'garbage.csv': 'binary',
  'screenshot.png.csv': 'image',
  'scan.bmp.xlsx': 'image',
  'invoice.pdf.xlsx': 'pdf',
  'utf16-odd-length.csv': 'damaged',
  'mixed-gbk-utf8.csv': 'mixedEncoding',
  'undecodable.csv': 'undecodable',
  'utf8-cut-mid-character.csv': 'damaged',
  'gbk-cut-mid-character.csv': 'damaged',
  'nul-bytes.csv': { problem: 'controlChars', line: 2 },
  'nul-padded.csv': { problem: 'controlChars', line: 4 },
  'unclosed-quote.csv': { problem: 'badQuotes', line: 3 },
  'sign-in-page.xls': 'webPage',
};

/** Odd files that are still customer lists: each must give the two customers exactly. */
const READ = [
  'dos-eof.csv',
  'utf16le-no-bom.csv',
  'utf16be-no-bom.csv',
  'excel-web-page.xls',
  'spreadsheet-2003.xml.xls',
  'formulas.xlsx',
];

/** Files that are read, but whose rows carry findings (asserted one by one below). */
const FLAGGED = ['formula-errors.xlsx', 'formula-injection.csv'];

const HEAVY_REFUSED: Partial<Record<keyof typeof HEAVY_FILES, ImportProblem>> = {
  'hundred-megabytes.csv': 'tooLarge',
  'ten-thousand-columns.csv': 'tooWide',
  'ten-thousand-columns.xlsx': 'tooWide',
  'hundred-thousand-and-one-rows.csv': 'tooManyRows',
  'hundred-thousand-and-one-rows.xlsx': 'tooManyRows',
  'zip-bomb.xlsx': 'tooLarge',
  'zip-bomb-stated-empty.xlsx': 'damaged',
};
const HEAVY_READ: (keyof typeof HEAVY_FILES)[] = ['formatted-tail.xlsx', 'blank-lines-tail.csv'];

/** The customers of the file's first sheet that has a header. */
function customersOf(result: ImportFile): ImportRow[] {
  if (!result.ok) throw new Error(`refused: ${result.problem}`);
  const sheet = result.sheets.find((s) => s.header);
  if (!sheet?.header) throw new Error('no sheet with a header');
  return importRows(sheet.rows, sheet.header.row, sheet.header.columns);
}

/** What a row says of a customer, in the order of CUSTOMERS' columns. */
const detailsOf = (row: ImportRow) => {
  const entry = row.input.entries[0];
  return [row.input.name, row.input.taxId, entry?.address, entry?.phone, entry?.bankName, entry?.bankAccount];
};

describe('the bad-file corpus', () => {
  it('is what tests/support/bad-files.ts writes, over 30 files, each with its expected result below', () => {
    const files = readdirSync(DIR).sort();
    expect(files).toEqual(Object.keys(SMALL_FILES).sort());
    expect(files.length).toBeGreaterThanOrEqual(30);
    for (const name of files) expect(committed(name), name).toEqual(SMALL_FILES[name]?.());
    expect([...Object.keys(REFUSED), ...READ, ...FLAGGED].sort()).toEqual(files);
  });

  it('exercises every problem code at least once', () => {
    const produced = new Set(
      [...Object.values(REFUSED), ...Object.values(HEAVY_REFUSED)].map((p) => (typeof p === 'string' ? p : p.problem)),
    );
    expect([...produced].sort()).toEqual([...FILE_PROBLEMS, ...SHEET_PROBLEMS].sort());
  });

  it.each(Object.entries(REFUSED))('refuses %s: %o, and reads none of it', (name, expected) => {
    const result = readImportFile(committed(name), name);
    const { problem, line } = typeof expected === 'string' ? { problem: expected, line: undefined } : expected;
    // A refused file carries no sheets at all, so nothing of it can be written.
    expect(result).toEqual(line === undefined ? { ok: false, problem } : { ok: false, problem, line });
    const message = problemMessage(problem, line);
    expect(message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    if (line !== undefined) expect(message['zh-CN']).toContain(`第 ${line} 行`);
  });

  it('refuses the zip64 workbook by its directory alone: the workbook library reads it whole', () => {
    const book = read(committed('zip64.xlsx'), { type: 'array' });
    const sheet = book.Sheets[book.SheetNames[0] ?? ''];
    if (!sheet) throw new Error('no sheet');
    expect(utils.sheet_to_json(sheet, { header: 1 }).slice(1)).toEqual(CUSTOMERS.map((c) => [...c]));
  });

  it.each(READ)('reads %s, odd as it is, into the two customers exactly', (name) => {
    const rows = customersOf(readImportFile(committed(name), name));
    expect(rows.map(detailsOf)).toEqual(CUSTOMERS.map((c) => [...c]));
    expect(rows.filter((r) => hasErrors(r.findings))).toEqual([]);
  });

  it('reads an Excel web page (.xls that is HTML) as text: the 19-digit account keeps every digit', () => {
    const rows = customersOf(readImportFile(committed('excel-web-page.xls'), 'excel-web-page.xls'));
    expect(rows[0]?.input.entries[0]?.bankAccount).toBe('0200049619200088888');
    expect(rows[0]?.findings.map((f) => f.code)).not.toContain('import.digitsLost');
  });

  it('refuses the error values failed formulas left (#N/A, #REF!): every row is an error, none stored', () => {
    const rows = customersOf(readImportFile(committed('formula-errors.xlsx'), 'formula-errors.xlsx'));
    expect(rows.map((r) => r.findings.filter((f) => f.code === 'import.formulaError').map((f) => f.field))).toEqual([
      ['taxId'],
      ['name'],
    ]);
    expect(rows.every((r) => hasErrors(r.findings))).toBe(true);
    expect(rows[0]?.input.taxId).toBe('');
    expect(rows[1]?.input.name).toBe('');
    // The name is reported once, as a formula error, not a second time as missing.
    expect(rows[1]?.findings.map((f) => f.code)).not.toContain('name.missing');
  });

  it('keeps formula text in a CSV as text, never a formula, with a warning on each such cell', () => {
    const rows = customersOf(readImportFile(committed('formula-injection.csv'), 'formula-injection.csv'));
    const warned = rows.map((r) =>
      r.findings.filter((f) => f.code === 'import.formula' && f.severity === 'warning').map((f) => f.field),
    );
    expect(warned).toEqual([['name'], ['address', 'bankName'], ['name']]);
    expect(rows[0]?.input.name).toBe('=HYPERLINK("http://example.com","点我")');
    expect(rows[1]?.input.entries[0]).toMatchObject({
      address: "+cmd|' /C calc'!A0",
      bankName: '@SUM(1+1)',
      // A phone with a country code starts with + and is no formula.
      phone: '+86 571 8796 1234',
    });
    expect(rows[2]?.input.name).toBe("-2+3+cmd|' /C notepad'!A0");
  });
});

describe('heavy files, made at test time', () => {
  it('refuses 100 MB by its size before reading any of it', () => {
    // Telling what a file is, decoding it and parsing it each go over its bytes; the size check does not.
    const readers = [vi.spyOn(sniffing, 'sniff'), vi.spyOn(decoding, 'decodeText'), vi.spyOn(Papa, 'parse')];
    try {
      readImportFile(committed('dos-eof.csv'), 'dos-eof.csv');
      for (const reader of readers) expect(reader).toHaveBeenCalledOnce();
      for (const reader of readers) reader.mockClear();
      const bytes = HEAVY_FILES['hundred-megabytes.csv']();
      expect(readImportFile(bytes, 'hundred-megabytes.csv')).toEqual({ ok: false, problem: 'tooLarge' });
      for (const reader of readers) expect(reader).not.toHaveBeenCalled();
    } finally {
      for (const reader of readers) reader.mockRestore();
    }
  });

  it.each(Object.entries(HEAVY_REFUSED).filter(([name]) => name !== 'hundred-megabytes.csv'))(
    'refuses %s: %s',
    (name, problem) => {
      const bytes = HEAVY_FILES[name as keyof typeof HEAVY_FILES]();
      expect(readImportFile(bytes, name)).toEqual({ ok: false, problem });
    },
    20_000,
  );

  it.each(HEAVY_READ)(
    'reads %s: the empty rows Excel keeps at the end are not counted against the row limit',
    (name) => {
      const rows = customersOf(readImportFile(HEAVY_FILES[name](), name));
      expect(rows.map(detailsOf)).toEqual(CUSTOMERS.map((c) => [...c]));
    },
    20_000,
  );
});

describe('problem messages', () => {
  it('say what is wrong and what to do, in Chinese and English, a message of its own for every code', () => {
    const codes = [...FILE_PROBLEMS, ...SHEET_PROBLEMS];
    const messages = codes.map((code) => problemMessage(code));
    for (const message of messages) {
      expect(message['zh-CN']).toMatch(/^[^：]+：.*请/);
      expect(message.en).toMatch(/^[^:]+: /);
    }
    expect(new Set(messages.map((m) => m['zh-CN'])).size).toBe(codes.length);
    expect(new Set(messages.map((m) => m.en)).size).toBe(codes.length);
  });
});

describe('where files are parsed', () => {
  /** Files the service worker loads: background.ts and everything it imports, followed through relative imports. */
  function workerModules(): Set<string> {
    const root = new URL('../../../', import.meta.url);
    const seen = new Set<string>();
    const visit = (path: string) => {
      if (seen.has(path)) return;
      seen.add(path);
      const source = readFileSync(new URL(path, root), 'utf8');
      const imports = /(?:import|export)\s[^'"]*?from\s+'([^']+)'|import\s*\(?\s*'([^']+)'/g;
      for (const match of source.matchAll(imports)) {
        const spec = match[1] ?? match[2];
        if (!spec) continue;
        if (!spec.startsWith('.') && !spec.startsWith('@/')) {
          seen.add(spec);
          continue;
        }
        const base = spec.startsWith('@/')
          ? spec.slice(2)
          : new URL(spec, new URL(path, root)).href.slice(root.href.length);
        const file = ['.ts', '.tsx', '/index.ts']
          .map((ext) => base + ext)
          .find((f) => {
            try {
              readFileSync(new URL(f, root));
              return true;
            } catch {
              return false;
            }
          });
        if (file) visit(file);
      }
    };
    visit('entrypoints/background.ts');
    return seen;
  }

  it('is never the service worker: its modules reach neither the readers nor the spreadsheet libraries', () => {
    const modules = [...workerModules()];
    expect(modules).toContain('entrypoints/background.ts');
    expect(modules.length).toBeGreaterThan(5);
    const readers = ['read-file', 'sheet', 'workbook', 'decode', 'zip', 'sniff'].map((m) => `lib/import/${m}.ts`);
    expect(modules.filter((m) => readers.includes(m) || m === '@e965/xlsx' || m === 'papaparse')).toEqual([]);
  });
});
