import { describe, expect, it } from 'vitest';
import { normalizeTaxId } from '../../../lib/domain/normalize';
import { checkTaxId, usccCheckChar } from '../../../lib/domain/tax-id';

describe('USCC check character (GB 32100-2015)', () => {
  it('matches the worked example', () => {
    expect(usccCheckChar('91110000600037341')).toBe('L');
    expect(checkTaxId('91110000600037341L')).toEqual({ kind: 'uscc', ok: true });
  });

  // Registration authorities A (other), N (agriculture) and Y (other) are legal first characters.
  it.each(['A1310000MA1FL0000M', 'N2440300MJ0000000H', 'Y1110000MC00000000', '12100000400000770U'])(
    'accepts %s',
    (code) => {
      expect(checkTaxId(code)).toEqual({ kind: 'uscc', ok: true });
    },
  );

  it('names the expected character when the check fails', () => {
    expect(checkTaxId('91110000600037341K')).toEqual({ kind: 'uscc', ok: false, reason: 'checksum', expected: 'L' });
  });

  it('catches a single swapped digit', () => {
    expect(checkTaxId('91110000600073341L')).toMatchObject({ ok: false, reason: 'checksum' });
  });

  it.each(['91110000600037341I', 'O1110000600037341L', '01110000600037341L', '9111000060003734SL'])(
    'rejects the shape of %s',
    (code) => {
      expect(checkTaxId(code)).toMatchObject({ kind: 'uscc', ok: false, reason: 'shape' });
    },
  );

  it('accepts 15-, 17- and 20-character IDs as legacy, others as invalid', () => {
    expect(checkTaxId('110108600037341')).toEqual({ kind: 'legacy', length: 15 });
    expect(checkTaxId('11010860003734100')).toEqual({ kind: 'legacy', length: 17 });
    expect(checkTaxId('11010519491231002X00')).toEqual({ kind: 'legacy', length: 20 });
    expect(checkTaxId('1101086000373')).toEqual({ kind: 'invalid' });
    expect(checkTaxId('11010860003734é')).toEqual({ kind: 'invalid' });
  });

  it('works on normalised input: full width, spaces, lower case', () => {
    expect(normalizeTaxId(' ９１１１ 0000-6000 37341l ')).toBe('91110000600037341L');
  });
});
