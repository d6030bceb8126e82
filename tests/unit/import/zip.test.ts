import { crc32 as zlibCrc32 } from 'node:zlib';
import { CFB, utils, write } from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { crc32, readZipDirectory } from '../../../lib/import/zip';

function workbook(): Uint8Array {
  const book = utils.book_new();
  utils.book_append_sheet(
    book,
    utils.aoa_to_sheet([
      ['客户名称', '税号'],
      ['北京小米科技有限责任公司', '91110000600037341L'],
    ]),
    '客户',
  );
  return new Uint8Array(write(book, { type: 'array', bookType: 'xlsx', compression: true, bookSST: true }));
}

describe('the zip directory', () => {
  it('computes CRC-32 as zip does: the standard check value, and zlib on arbitrary bytes', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    const bytes = new Uint8Array(10_000).map((_, i) => (i * 7919 + (i >> 3)) & 0xff);
    expect(crc32(bytes)).toBe(zlibCrc32(bytes));
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('lists every file of a workbook with its unpacked and packed sizes and checksum', () => {
    const bytes = workbook();
    const directory = readZipDirectory(bytes);
    if (!directory.ok) throw new Error(directory.problem);
    const container = CFB.read(bytes, { type: 'array' }) as {
      FullPaths: string[];
      FileIndex: { content?: Uint8Array }[];
    };
    const unpacked = new Map(
      container.FullPaths.map((path, i) => [path.slice(path.indexOf('/') + 1), container.FileIndex[i]?.content]),
    );
    expect(directory.entries.map((e) => e.name)).toContain('xl/worksheets/sheet1.xml');
    for (const entry of directory.entries) {
      const data = unpacked.get(entry.name);
      if (!data) throw new Error(`${entry.name} not unpacked`);
      expect(entry).toEqual({
        name: entry.name,
        size: data.length,
        packed: expect.any(Number),
        crc32: zlibCrc32(data),
        encrypted: false,
      });
      // Deflated: each file packs smaller than it is (the sheet's text repeats enough), and into the file's bytes.
      expect(entry.packed).toBeGreaterThan(0);
      expect(entry.packed).toBeLessThan(Math.max(data.length, 32));
    }
    const packed = directory.entries.reduce((sum, e) => sum + e.packed, 0);
    expect(packed).toBeLessThan(bytes.length);
  });

  it('calls a zip cut anywhere damaged, and tells the 64-bit extension apart', () => {
    const bytes = workbook();
    for (const keep of [10, 100, bytes.length / 2, bytes.length - 30, bytes.length - 1]) {
      expect(readZipDirectory(bytes.slice(0, Math.floor(keep)))).toEqual({ ok: false, problem: 'damaged' });
    }
    const zip64 = bytes.slice();
    zip64.set([0xff, 0xff], zip64.length - 22 + 10); // the end record's entry count
    expect(readZipDirectory(zip64)).toEqual({ ok: false, problem: 'zip64' });
  });
});
