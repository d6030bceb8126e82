import { describe, expect, it } from 'vitest';
import { fromBase64, sniffType, toBase64 } from '../../../lib/domain/attachment';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('attachment files', () => {
  it('knows an image or PDF by its first bytes, not its name', () => {
    expect(sniffType(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffType(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toBe('image/webp');
    expect(sniffType(bytes('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffType(bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt '))).toBeNull();
    expect(sniffType(bytes('PK', [3, 4]))).toBeNull();
    expect(sniffType(bytes('<svg onload=alert(1)>'))).toBeNull();
    expect(sniffType(new Uint8Array())).toBeNull();
  });

  it('goes through base64 and back unchanged, including sizes past one chunk', () => {
    const data = new Uint8Array(100_000).map((_, i) => (i * 7919) % 256);
    expect(fromBase64(toBase64(data))).toEqual(data);
    expect(toBase64(bytes('%PDF'))).toBe(btoa('%PDF'));
  });
});
