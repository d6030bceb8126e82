import { describe, expect, it } from 'vitest';
import { blockKeys, looseTaxId, type Profile, phoneKey, profileOf } from '../../../lib/dedup/keys';
import { customer } from './records';

const entry = (fields: { address?: string; phone?: string; bankAccount?: string }) => ({
  id: 'e1',
  label: '',
  address: fields.address ?? '',
  phone: fields.phone ?? '',
  bankName: '',
  bankAccount: fields.bankAccount ?? '',
});

/** A profile's keys: filed under, and only looked into. */
function keysOf(p: Profile) {
  const emit: number[] = [];
  const probe: number[] = [];
  blockKeys(p, (key, probeOnly) => (probeOnly ? probe : emit).push(key));
  return { emit, probe };
}
const meets = (a: Profile, b: Profile) => {
  const ka = keysOf(a);
  const kb = keysOf(b);
  return ka.emit.some((k) => kb.emit.includes(k) || kb.probe.includes(k)) || ka.probe.some((k) => kb.emit.includes(k));
};

describe('tax IDs as dedup compares them', () => {
  it.each([
    ['91110108MA01ABCD5T', '91110108MA01ABCD5T'],
    [' 9111 0108-ma01abcd5t ', '91110108MA01ABCD5T'],
    ['９１１１０１０８ＭＡ０１ＡＢＣＤ５Ｔ', '91110108MA01ABCD5T'],
    ['9111O1O8MAO1ABCD5T', '91110108MA01ABCD5T'],
    ['91110108MAI1ABCD5X', '91110108MA11ABCD5X'],
    ['', ''],
  ])('%s → %s', (typed, loose) => {
    expect(looseTaxId(typed)).toBe(loose);
  });
});

describe('phone keys', () => {
  it.each([
    ['0571-88888888', '88888888'],
    ['(0571) 8888 8888', '88888888'],
    ['057188888888', '88888888'],
    ['010-62345678', '62345678'],
    ['01062345678', '62345678'],
    ['0571-88888888-123', '88888888'],
    ['0571-88888888转123', '88888888'],
    ['88888888', '88888888'],
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['008613812345678', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
    ['12345', ''],
    ['', ''],
  ])('%s → %s', (phone, key) => {
    expect(phoneKey(phone)).toBe(key);
  });
});

describe('a customer’s profile', () => {
  it('reads the registration province and organisation code off a valid credit code', () => {
    const p = profileOf(customer('x', { name: '小米科技有限责任公司', taxId: '91110108551385082Q' }));
    expect(p).toMatchObject({ taxValid: true, orgCode: '551385082', taxProvince: '11', province: '11' });
  });

  it('reads an old fifteen-digit tax ID the same way, so that it meets the credit code that replaced it', () => {
    const p = profileOf(customer('x', { name: '小米科技有限责任公司', taxId: '110108551385082' }));
    expect(p).toMatchObject({ taxValid: true, orgCode: '551385082', taxProvince: '11' });
  });

  it('takes nothing from a tax ID that fails its check, and the province from the name instead', () => {
    const p = profileOf(customer('x', { name: '上海大华纺织品进出口有限公司', taxId: '91110108551385083Q' }));
    expect(p).toMatchObject({ taxValid: false, orgCode: '', taxProvince: '', province: '31' });
  });

  it('does not take a branch’s province from its head office’s name', () => {
    expect(profileOf(customer('x', { name: '北京小米科技有限公司上海分公司' })).province).toBe('');
  });

  it('collects the contact details, digits only, each once', () => {
    const p = profileOf(
      customer('x', {
        name: '小米',
        mobile: '138 1234 5678',
        email: ' Finance@Example.com ',
        entries: [
          entry({ address: '北京市海淀区 清河中街68号', phone: '010-62345678', bankAccount: '6222 0212 3456 7890' }),
          { ...entry({ address: '北京市海淀区清河中街68号', phone: '13812345678', bankAccount: '1234' }), id: 'e2' },
        ],
      }),
    );
    expect(p).toMatchObject({
      accounts: ['6222021234567890'],
      phones: ['62345678', '13812345678'],
      addresses: ['北京市海淀区清河中街68号'],
      emails: ['finance@example.com'],
    });
  });

  it('reads the core’s pinyin initials off the stored keys', () => {
    expect(profileOf(customer('x', { name: '北京小米科技有限责任公司' })).initials).toBe('xmkj');
    expect(profileOf(customer('x', { name: '小米科技（北京）有限公司' })).initials).toBe('xmkj');
    expect(profileOf(customer('x', { name: 'ABC（中国）投资有限公司' })).initials).toBe('abczgtz');
    const { keys, ...draft } = customer('x', { name: '北京小米科技有限责任公司' });
    expect(profileOf(draft).initials).toBe('');
  });
});

describe('block keys', () => {
  const p = (name: string, taxId = '', extra: Parameters<typeof customer>[1] = { name }) =>
    profileOf(customer(name, { ...extra, name, taxId }));

  it('bring together names one edit apart, a region dropped or added, and the same pinyin initials', () => {
    expect(meets(p('北京小米科技有限公司'), p('北京小咪科技有限公司'))).toBe(true);
    expect(meets(p('北京小米科技有限公司'), p('北京小米米科技有限公司'))).toBe(true);
    expect(meets(p('北京小米科技有限公司'), p('北京米小科技有限公司'))).toBe(true);
    expect(meets(p('北京小米科技有限公司'), p('小米科技公司'))).toBe(true);
    expect(meets(p('北京小米科技有限公司'), p('北京晓蜜科技有限公司'))).toBe(true);
  });

  it('bring together the same tax ID, account or phone whatever the names', () => {
    expect(meets(p('甲公司', '91110108551385082Q'), p('乙公司', '91110108551385082Q'))).toBe(true);
    expect(meets(p('甲公司', '91110108551385082Q'), p('乙公司', '110108551385082'))).toBe(true);
    const withAccount = (name: string) => p(name, '', { name, entries: [entry({ bankAccount: '6222021234567890' })] });
    expect(meets(withAccount('甲公司'), withAccount('乙公司'))).toBe(true);
  });

  it('keep unrelated names apart', () => {
    expect(meets(p('北京小米科技有限公司'), p('上海大华纺织品进出口有限公司'))).toBe(false);
    expect(meets(p('北京小米科技有限公司'), p('北京小米电子产品有限公司'))).toBe(false);
  });

  it('bring a branch to its head office and its sibling branches (so that they can be told apart)', () => {
    const head = p('北京小米科技有限公司', '91110108551385082Q');
    const shanghai = p('北京小米科技有限公司上海分公司', '91310104MA1FL5LX3J');
    const guangzhou = p('北京小米科技有限公司广州分公司');
    expect(meets(head, shanghai)).toBe(true);
    expect(meets(shanghai, guangzhou)).toBe(true);
    expect(meets(p('北京大华纺织有限公司'), shanghai)).toBe(false);
  });

  it('pair two customers with different valid tax IDs by name only when the names agree exactly', () => {
    const a = p('北京小米科技有限公司', '91110108551385082Q');
    expect(meets(a, p('北京小咪科技有限公司', '91110108MA01ABCD5T'))).toBe(false);
    expect(meets(a, p('北京小咪科技有限公司'))).toBe(true);
    expect(meets(a, p('北京小米科技有限责任公司', '91110108MA01ABCD5T'))).toBe(true);
  });

  it('let a customer of known province meet one of unknown province by a fuzzy key', () => {
    expect(meets(p('北京小米科技有限公司', '91110108551385082Q'), p('小咪科技有限公司'))).toBe(true);
    expect(meets(p('北京小米科技有限公司'), p('小咪科技有限公司'))).toBe(true);
  });
});
