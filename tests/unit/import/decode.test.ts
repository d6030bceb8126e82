import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../lib/import/decode';
import { generateCustomers } from '../../support/generate';

const CSV =
  '客户名称,税号,开户行及账号\n北京小米科技有限责任公司,91110000600037341L,中国工商银行 0200049619200088888\n䶮丰商行,,\n';

/** GB18030 bytes for a string, written by hand from the two-byte table would be brittle: encode with iconv-lite. */
async function gb18030(text: string): Promise<Uint8Array> {
  const { default: iconv } = await import('iconv-lite');
  return new Uint8Array(iconv.encode(text, 'gb18030'));
}

describe('decoding a CSV', () => {
  it('reads UTF-8 with and without a BOM', () => {
    const plain = new TextEncoder().encode(CSV);
    expect(decodeText(plain)).toEqual({ ok: true, text: CSV, encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...plain]))).toEqual({
      ok: true,
      text: CSV,
      encoding: 'utf-8',
    });
  });

  it('reads GBK and GB18030 (four-byte characters such as 䶮 too)', async () => {
    expect(decodeText(await gb18030(CSV))).toEqual({ ok: true, text: CSV, encoding: 'gb18030' });
  });

  it('reads UTF-16 with its BOM, as Excel saves "Unicode text"', async () => {
    const { default: iconv } = await import('iconv-lite');
    const bytes = new Uint8Array([0xff, 0xfe, ...iconv.encode(CSV, 'utf-16le')]);
    expect(decodeText(bytes)).toEqual({ ok: true, text: CSV, encoding: 'utf-16le' });
  });

  it('refuses empty files and binary ones', () => {
    expect(decodeText(new Uint8Array())).toEqual({ ok: false, reason: 'empty' });
    expect(decodeText(new TextEncoder().encode(' \n\n '))).toEqual({ ok: false, reason: 'empty' });
    const zip = new Uint8Array(4096).map((_, i) => (i * 131 + 7) % 256);
    zip.set([0x50, 0x4b, 0x03, 0x04]);
    expect(decodeText(zip)).toEqual({ ok: false, reason: 'binary' });
  });
});

describe('decoding what a clerk may pick', () => {
  /** 300 generated customers as a CSV: realistic names and addresses, many lines of them. */
  const book = [
    '名称,税号,地址,电话',
    ...generateCustomers(300, 5).map((c) => [c.name, c.taxId, c.entries[0]?.address, c.entries[0]?.phone].join(',')),
  ].join('\r\n');

  it.each(['utf-8', 'gbk', 'gb18030', 'utf-16le', 'utf-16be'] as const)(
    'gives back exactly the text a whole book was written with in %s',
    (encoding) => {
      const decoded = decodeText(new Uint8Array(iconv.encode(book, encoding)));
      expect(decoded).toMatchObject({ ok: true, text: book });
    },
  );

  it('tells UTF-16 without a byte-order mark by its zero bytes, either byte order', () => {
    expect(decodeText(new Uint8Array(iconv.encode(CSV, 'utf-16le')))).toEqual({
      ok: true,
      text: CSV,
      encoding: 'utf-16le',
    });
    expect(decodeText(new Uint8Array(iconv.encode(CSV, 'utf-16be')))).toMatchObject({ encoding: 'utf-16be' });
  });

  it('refuses UTF-8 lines and GBK lines in one file, and bytes that are no character', () => {
    const mixed = new Uint8Array([
      ...iconv.encode('名称,地址\n北京小米,北京\n', 'utf-8'),
      ...iconv.encode('杭州龙井,杭州\n', 'gbk'),
    ]);
    expect(decodeText(mixed)).toEqual({ ok: false, reason: 'mixedEncoding' });
    const broken = new Uint8Array([
      ...iconv.encode('名称,地址\n北京小米', 'gbk'),
      0xff,
      ...iconv.encode(',北京\n', 'gbk'),
    ]);
    expect(decodeText(broken)).toEqual({ ok: false, reason: 'undecodable' });
  });

  it('calls a file cut inside its last character damaged, in UTF-8, GBK and UTF-16', () => {
    const cut = (bytes: Uint8Array) => bytes.subarray(0, bytes.length - 1);
    expect(decodeText(cut(iconv.encode('名称,地址\n北京小米,北京', 'utf-8')))).toEqual({
      ok: false,
      reason: 'damaged',
    });
    expect(decodeText(cut(iconv.encode('名称,地址\n北京小米,北京', 'gbk')))).toEqual({ ok: false, reason: 'damaged' });
    expect(decodeText(cut(new Uint8Array([0xff, 0xfe, ...iconv.encode('名称', 'utf-16le')])))).toEqual({
      ok: false,
      reason: 'damaged',
    });
  });

  it('says on which line control characters are, and takes a DOS end-of-file mark for what it is', () => {
    const text = '名称,地址\r\n北京小米,北京\r\n杭州\u0000龙井,杭州\r\n';
    expect(decodeText(new TextEncoder().encode(text))).toEqual({ ok: false, reason: 'controlChars', line: 3 });
    const padded = new Uint8Array([...new TextEncoder().encode('名称,地址\n甲,乙\n'), ...new Uint8Array(5000)]);
    expect(decodeText(padded)).toEqual({ ok: false, reason: 'controlChars', line: 3 });
    expect(decodeText(new Uint8Array([...new TextEncoder().encode('名称,地址\n'), 0x1a]))).toEqual({
      ok: true,
      text: '名称,地址\n',
      encoding: 'utf-8',
    });
    expect(decodeText(new Uint8Array(100))).toEqual({ ok: false, reason: 'binary' });
  });
});
