import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../lib/import/decode';

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
