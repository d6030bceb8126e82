import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KIND_TEXT, PAIR_KINDS } from '../../../lib/dedup/reasons';
import { type PairScore, SUGGEST_THRESHOLD, scorePair } from '../../../lib/dedup/score';
import type { Customer } from '../../../lib/domain/customer';
import { customer } from './records';

// Valid credit codes (their check characters computed by usccCheckChar), and one with a typo in it.
const XIAOMI = '91110108551385082Q';
const XIAOMI_TYPO = '91110108551835082Q';
const OTHER_BJ = '91110108MA01ABCD5T';
const SHANGHAI = '91310104MA1FL5LX3J';
const SHENZHEN = '91440300MA5FXT4K24';

type Fields = Partial<Customer> & { phone?: string; account?: string; address?: string };
const c = (name: string, taxId = '', fields: Fields = {}) => {
  const { phone = '', account = '', address = '', ...rest } = fields;
  return customer(name, {
    ...rest,
    name,
    taxId,
    entries: [{ id: `${name}-1`, label: '', address, phone, bankName: '', bankAccount: account }],
  });
};
const score = (a: Customer, b: Customer) => scorePair(a, b);
const codes = (s: PairScore) => s.reasons.map((r) => r.code);

describe('scoring a pair', () => {
  it('same tax ID, names written differently: an exact duplicate, safe to merge unseen', () => {
    for (const other of [
      '北京小米科技有限责任公司',
      '小米科技（北京）有限公司',
      '北京 小米科技 有限公司',
      '北京市小米科技有限公司',
    ]) {
      const s = score(c('北京小米科技有限公司', XIAOMI), c(other, ` ${XIAOMI.toLowerCase()}`));
      expect(s).toMatchObject({ kind: 'sameTaxId', auto: true, score: 1 });
    }
  });

  it('same tax ID, a near name: the same customer, for a person to look at', () => {
    for (const other of ['小米科技有限公司', '北京小米科技股份有限公司', '北京小咪科技有限公司', '北京小米科技公司']) {
      const s = score(c('北京小米科技有限公司', XIAOMI), c(other, XIAOMI));
      expect(s.kind).toBe('sameTaxId');
      expect(s.auto).toBe(false);
      expect(s.score).toBeGreaterThanOrEqual(0.9);
      expect(s.score).toBeLessThan(1);
    }
  });

  it('an old fifteen-digit tax ID and the credit code with its organisation code: one entity, merged unseen when the names agree', () => {
    const s = score(c('北京小米科技有限公司', '110108551385082'), c('北京小米科技有限公司', XIAOMI));
    expect(s).toMatchObject({ kind: 'sameTaxId', auto: true });
    expect(codes(s)).toContain('taxId.legacy');
    const otherForm = score(c('小米科技有限公司', '110108551385082'), c('北京小米科技有限公司', XIAOMI));
    expect(otherForm).toMatchObject({ kind: 'sameTaxId', auto: false });
  });

  it('same tax ID, another name: a renamed company, unless the name belongs to another province', () => {
    const renamed = score(c('北京小米科技有限公司', XIAOMI), c('北京远景科技有限公司', XIAOMI));
    expect(renamed.kind).toBe('sameTaxIdOtherName');
    expect(renamed.score).toBeGreaterThanOrEqual(SUGGEST_THRESHOLD);
    const copied = score(c('北京小米科技有限公司', XIAOMI), c('上海大华纺织品进出口有限公司', XIAOMI));
    expect(copied.kind).toBe('sameTaxIdOtherName');
    expect(copied.score).toBeLessThan(SUGGEST_THRESHOLD);
    expect(codes(copied)).toContain('taxId.elsewhere');
  });

  it('same name, a tax ID one character off that fails its check: a typo', () => {
    const s = score(c('北京小米科技有限公司', XIAOMI), c('北京小米科技有限公司', XIAOMI_TYPO));
    expect(s.kind).toBe('taxIdTypo');
    expect(s.score).toBeGreaterThanOrEqual(0.9);
    expect(s.auto).toBe(false);
  });

  it('same name, another valid tax ID: shown, with the reason, never merged unseen', () => {
    const s = score(c('北京小米科技有限公司', XIAOMI), c('北京小米科技有限责任公司', OTHER_BJ));
    expect(s.kind).toBe('sameNameOtherTaxId');
    expect(s.score).toBeGreaterThanOrEqual(SUGGEST_THRESHOLD);
    expect(s.auto).toBe(false);
    expect(codes(s)).toEqual(expect.arrayContaining(['taxId.differ', 'name.equivalent']));
  });

  it('same name, tax IDs of other provinces: namesakes', () => {
    const s = score(c('华信科技有限公司', XIAOMI), c('华信科技有限公司', SHANGHAI));
    expect(s.kind).toBe('namesake');
    expect(s.score).toBeLessThan(SUGGEST_THRESHOLD);
    expect(codes(s)).toContain('region.differ');
  });

  it('the same trade name in another city: namesakes, with or without tax IDs', () => {
    expect(score(c('北京华信科技有限公司'), c('上海华信科技有限公司'))).toMatchObject({ kind: 'namesake' });
    expect(score(c('北京华信科技有限公司', XIAOMI), c('华信科技（上海）有限公司', SHANGHAI)).kind).toBe('namesake');
    expect(score(c('北京市海淀区张记便利店'), c('北京市朝阳区张记便利店')).kind).toBe('namesake');
  });

  it('a branch and its head office: never the same, whatever else agrees', () => {
    const head = c('北京小米科技有限公司', XIAOMI, { phone: '010-62345678' });
    for (const branch of [
      c('北京小米科技有限公司上海分公司', SHANGHAI),
      c('北京小米科技有限公司上海分公司', '', { phone: '010-62345678' }),
      c('北京小米科技有限责任公司深圳分公司', XIAOMI),
    ]) {
      const s = score(head, branch);
      expect(s.kind).toBe('branchOfHeadOffice');
      expect(s.score).toBeLessThan(SUGGEST_THRESHOLD);
      expect(s.reasons[0]?.code).toBe('branch.headOffice');
    }
  });

  it('two branches of one company: not the same; one branch written twice: the same', () => {
    const shanghai = c('北京小米科技有限公司上海分公司', SHANGHAI);
    expect(score(shanghai, c('北京小米科技有限公司深圳分公司', SHENZHEN)).kind).toBe('siblingBranch');
    expect(score(shanghai, c('北京小米科技有限公司深圳分公司')).kind).toBe('siblingBranch');
    const again = score(shanghai, c('北京小米科技有限责任公司上海市分公司'));
    expect(again.score).toBeGreaterThanOrEqual(SUGGEST_THRESHOLD);
  });

  it('no tax ID on one side: the name decides, near names less than equal ones', () => {
    const base = c('北京小米科技有限公司', XIAOMI);
    const same = score(base, c('北京小米科技有限公司'));
    const regionless = score(base, c('小米科技有限公司'));
    const short = score(base, c('北京小米科技公司'));
    const typo = score(base, c('北京小咪科技有限公司'));
    expect(same.kind).toBe('sameName');
    expect(regionless.kind).toBe('similar');
    expect(same.score).toBeGreaterThan(short.score);
    expect(short.score).toBeGreaterThan(regionless.score);
    expect(regionless.score).toBeGreaterThan(typo.score);
    expect(typo.score).toBeGreaterThanOrEqual(SUGGEST_THRESHOLD);
    expect(codes(typo)).toContain('name.typo');
  });

  it('look-alikes: another trade of one brand, a name one word longer, a group and its company', () => {
    for (const [a, b] of [
      ['北京小米科技有限公司', '北京小米电子产品有限公司'],
      ['北京小米科技有限公司', '北京小米科技发展有限公司'],
      ['北京小米科技有限公司', '小米集团有限公司'],
    ]) {
      expect(score(c(a ?? ''), c(b ?? '')).score).toBeLessThan(SUGGEST_THRESHOLD);
      expect(score(c(a ?? '', XIAOMI), c(b ?? '', OTHER_BJ)).score).toBeLessThan(SUGGEST_THRESHOLD);
    }
  });

  it('a one-character difference between two companies with their own tax IDs is not a typo', () => {
    const s = score(c('北京小米科技有限公司', XIAOMI), c('北京小麦科技有限公司', OTHER_BJ));
    expect(s.score).toBeLessThan(SUGGEST_THRESHOLD);
  });

  it('a person’s name needs the phone or account to agree', () => {
    const person = (phone: string, account = '') => c('张伟', '', { kind: 'naturalPerson', mobile: phone, account });
    expect(score(person('13812345678'), person('+86 138 1234 5678')).score).toBeGreaterThanOrEqual(0.8);
    expect(score(person(''), person('')).score).toBeLessThan(SUGGEST_THRESHOLD);
    const namesakes = score(person('13812345678'), person('13987654321'));
    expect(namesakes.score).toBeLessThan(SUGGEST_THRESHOLD);
    expect(codes(namesakes)).toContain('contact.differ');
    expect(score(person('', '6222021234567890'), person('', '6222 0212 3456 7890')).score).toBeGreaterThan(0.8);
  });

  it('a company written short meets its full name through a phone or account', () => {
    const full = c('北京小米科技有限公司', XIAOMI, { phone: '010-62345678' });
    expect(score(full, c('小米', '', { phone: '62345678' })).score).toBeGreaterThanOrEqual(SUGGEST_THRESHOLD);
    expect(score(full, c('小米')).score).toBeLessThan(SUGGEST_THRESHOLD);
  });

  it('a shared phone alone does not make two companies one; a shared account suggests a rename', () => {
    const phone = { phone: '0571-88888888' };
    expect(score(c('杭州甲科技有限公司', '', phone), c('杭州乙贸易有限公司', '', phone)).score).toBeLessThan(
      SUGGEST_THRESHOLD,
    );
    const account = { account: '6222021234567890' };
    const renamed = score(c('杭州甲科技有限公司', '', account), c('杭州乙贸易有限公司', '', account));
    expect(renamed.kind).toBe('sameAccount');
    expect(renamed.score).toBeGreaterThanOrEqual(SUGGEST_THRESHOLD);
  });

  it('says why in both languages', () => {
    const s = score(
      c('北京小米科技有限公司', XIAOMI),
      c('小米科技（北京）有限公司', XIAOMI, { phone: '010-62345678' }),
    );
    for (const reason of s.reasons) {
      expect(reason.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(reason.message.en).toMatch(/^[\x20-\x7e\u4e00-\u9fff“”（）\u3000-\u303f]+$/);
    }
    expect(codes(s)).toEqual(['taxId.same', 'name.equivalent']);
    for (const kind of PAIR_KINDS) expect(KIND_TEXT[kind].en).not.toBe('');
  });
});

// Variants of one company's name, as the labelled set makes them, to check that the score does not depend on order.
const NAMES = [
  '北京小米科技有限公司',
  '小米科技（北京）有限责任公司',
  '小米科技有限公司',
  '北京小咪科技有限公司',
  '北京小米科技有限公司上海分公司',
  '上海小米科技有限公司',
  '北京小米电子产品有限公司',
  '小米',
  '张伟',
];
const TAX_IDS = ['', XIAOMI, XIAOMI_TYPO, OTHER_BJ, SHANGHAI, '110108551385082'];
const PHONES = ['', '010-62345678', '13812345678'];
const arbitraryCustomer = fc
  .record({ name: fc.constantFrom(...NAMES), taxId: fc.constantFrom(...TAX_IDS), phone: fc.constantFrom(...PHONES) })
  .map(({ name, taxId, phone }) => c(name, taxId, { phone }));

describe('score properties', () => {
  it('is symmetric: the score, kind and auto flag do not depend on which comes first', () => {
    fc.assert(
      fc.property(arbitraryCustomer, arbitraryCustomer, (a, b) => {
        const ab = score(a, b);
        const ba = score(b, a);
        expect([ba.score, ba.kind, ba.auto]).toEqual([ab.score, ab.kind, ab.auto]);
      }),
      { numRuns: 300 },
    );
  });

  it('stays within 0..1 and reaches 1 only when safe to merge unseen', () => {
    fc.assert(
      fc.property(arbitraryCustomer, arbitraryCustomer, (a, b) => {
        const s = score(a, b);
        expect(s.score).toBeGreaterThanOrEqual(0);
        expect(s.score).toBeLessThanOrEqual(1);
        expect(s.score === 1).toBe(s.auto);
        if (s.auto) expect(s.kind).toBe('sameTaxId');
      }),
      { numRuns: 300 },
    );
  });

  it('rates a customer against itself a duplicate', () => {
    fc.assert(
      fc.property(arbitraryCustomer, (a) => {
        const s = score(a, { ...a, id: 'copy' });
        if (a.name !== '张伟' && a.name !== '小米') expect(s.score).toBeGreaterThanOrEqual(SUGGEST_THRESHOLD);
      }),
      { numRuns: 100 },
    );
  });
});
