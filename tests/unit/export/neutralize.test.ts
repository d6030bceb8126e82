import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutralizeFormula, restoreFormulaText } from '../../../lib/export/neutralize';

const STARTS = ['=', '+', '-', '@', '\t', '\r', String.fromCharCode(0)];
/** Text that starts as a spreadsheet would read a formula: the hard cases come up often, not once in a million. */
const risky = fc
  .tuple(fc.constantFrom('', "'", "''"), fc.constantFrom(...STARTS, 'a', '北'), fc.string({ unit: 'grapheme' }))
  .map((parts) => parts.join(''));
const text = fc.oneof(risky, fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }));

describe('formula neutralising', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ['@SUM(1+1)', "'@SUM(1+1)"],
    ['-2+3+cmd|/C calc!A0', "'-2+3+cmd|/C calc!A0"],
    ['-5', "'-5"],
    ['+86 571 8888 8888', "'+86 571 8888 8888"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ["'=1+1", "''=1+1"],
  ])('neutralises %j', (input, output) => {
    expect(neutralizeFormula(input)).toBe(output);
  });

  it.each([
    '北京小米科技有限责任公司',
    '91110000600037341L',
    '0200049619200088888',
    '010-60606666',
    ' =1+1',
    "'quoted",
    'a=b',
    '',
  ])('leaves %j as it is', (input) => {
    expect(neutralizeFormula(input)).toBe(input);
  });

  it('never leaves a formula start in front', () => {
    fc.assert(
      fc.property(text, (input) => {
        const first = neutralizeFormula(input)[0] ?? '';
        expect(STARTS).not.toContain(first);
      }),
    );
  });

  it('is undone exactly, including text that had apostrophes of its own', () => {
    fc.assert(
      fc.property(text, (input) => {
        expect(restoreFormulaText(neutralizeFormula(input))).toBe(input);
      }),
    );
  });

  it('changes nothing but what a spreadsheet would run', () => {
    fc.assert(
      fc.property(text, (input) => {
        const out = neutralizeFormula(input);
        expect(out === input || out === `'${input}`).toBe(true);
        expect(out !== input).toBe(STARTS.includes(input.replace(/^'*/, '')[0] ?? ''));
      }),
    );
  });
});
