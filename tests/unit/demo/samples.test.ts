import { describe, expect, it } from 'vitest';
import { SAMPLE_CUSTOMERS } from '../../../lib/demo/samples';
import { CustomerInputSchema } from '../../../lib/domain/customer';
import { checkTaxId } from '../../../lib/domain/tax-id';

const drafts = SAMPLE_CUSTOMERS.map((c) => CustomerInputSchema.parse(c));
const withTaxId = drafts.filter((c) => c.taxId !== '');
const countWhere = (pred: (c: (typeof drafts)[number]) => boolean) => drafts.filter(pred).length;

describe('SAMPLE_CUSTOMERS', () => {
  it('has about fifty customers, each valid for CustomerInputSchema', () => {
    expect(SAMPLE_CUSTOMERS.length).toBeGreaterThanOrEqual(45);
    expect(SAMPLE_CUSTOMERS.length).toBeLessThanOrEqual(60);
    for (const c of SAMPLE_CUSTOMERS) {
      const result = CustomerInputSchema.safeParse(c);
      expect(result.success, `${c.name}: ${result.error?.message}`).toBe(true);
    }
  });

  it('marks every customer as a sample', () => {
    expect(drafts.every((c) => c.source === 'sample')).toBe(true);
  });

  it('has unique names, unique non-empty tax IDs and globally unique entry ids', () => {
    const names = drafts.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    const taxIds = withTaxId.map((c) => c.taxId);
    expect(new Set(taxIds).size).toBe(taxIds.length);
    const entryIds = drafts.flatMap((c) => c.entries.map((e) => e.id));
    expect(new Set(entryIds).size).toBe(entryIds.length);
  });

  it('names a real entry as the default of every customer', () => {
    for (const c of drafts)
      expect(
        c.entries.map((e) => e.id),
        c.name,
      ).toContain(c.defaultEntryId);
  });

  it('writes tax IDs already normalised; every 18-character one is a valid USCC', () => {
    for (const c of withTaxId) {
      expect(c.taxId, c.name).toMatch(/^[0-9A-Z]+$/);
      if (c.taxId.length === 18)
        expect(checkTaxId(c.taxId), `${c.name} ${c.taxId}`).toEqual({ kind: 'uscc', ok: true });
      else expect(checkTaxId(c.taxId).kind, `${c.name} ${c.taxId}`).toBe('legacy');
    }
  });

  it('covers USCC codes starting with A, N and Y as well as digits', () => {
    const first = (ch: string) => withTaxId.filter((c) => c.taxId.length === 18 && c.taxId.startsWith(ch)).length;
    expect(first('A')).toBeGreaterThanOrEqual(1);
    expect(first('N')).toBeGreaterThanOrEqual(1);
    expect(first('Y')).toBeGreaterThanOrEqual(1);
    expect(first('9')).toBeGreaterThanOrEqual(30);
  });

  it('includes one or two legacy 15-character tax IDs', () => {
    const legacy = withTaxId.filter((c) => c.taxId.length === 15);
    expect(legacy.length).toBeGreaterThanOrEqual(1);
    expect(legacy.length).toBeLessThanOrEqual(2);
    for (const c of legacy) expect(checkTaxId(c.taxId)).toEqual({ kind: 'legacy', length: 15 });
  });

  it('mixes companies, individual businesses and natural persons without a tax ID', () => {
    expect(countWhere((c) => c.kind === 'company')).toBeGreaterThanOrEqual(35);
    expect(countWhere((c) => c.kind === 'individualBusiness')).toBeGreaterThanOrEqual(3);
    const persons = drafts.filter((c) => c.kind === 'naturalPerson');
    expect(persons.length).toBeGreaterThanOrEqual(1);
    expect(persons.length).toBeLessThanOrEqual(2);
    for (const p of persons) expect(p.taxId).toBe('');
    // 个体工商户 codes have organisation type 2 under the industry-and-commerce authority.
    for (const c of drafts.filter((d) => d.kind === 'individualBusiness')) expect(c.taxId.slice(0, 2)).toBe('92');
  });

  it('has branch offices next to their head offices', () => {
    const branches = drafts.filter((c) => c.name.endsWith('分公司'));
    expect(branches.length).toBeGreaterThanOrEqual(2);
    const names = new Set(drafts.map((c) => c.name));
    for (const b of branches) {
      const head = b.name.replace(/有限公司.*分公司$/, '有限公司');
      expect(names.has(head), `head office of ${b.name}`).toBe(true);
    }
  });

  it('has names that exercise pinyin polyphones', () => {
    for (const fragment of ['重庆', '重工', '厦门', '大厦', '银行', '行知', '长沙', '长干']) {
      expect(
        drafts.some((c) => c.name.includes(fragment)),
        fragment,
      ).toBe(true);
    }
  });

  it('has one customer with two billing entries and a default among them', () => {
    const multi = drafts.filter((c) => c.entries.length > 1);
    expect(multi).toHaveLength(1);
    expect(multi[0]?.entries).toHaveLength(2);
  });

  it('has tags, a few VIPs, a few 专票 defaults and a few customers incomplete for a 专票', () => {
    expect(countWhere((c) => c.tags.includes('长期客户'))).toBeGreaterThanOrEqual(5);
    expect(countWhere((c) => c.tags.includes('月结'))).toBeGreaterThanOrEqual(3);
    const vip = countWhere((c) => c.tier === 'vip');
    expect(vip).toBeGreaterThanOrEqual(3);
    expect(vip).toBeLessThanOrEqual(10);
    const special = drafts.filter((c) => c.invoiceDefaults.type === 'special');
    expect(special.length).toBeGreaterThanOrEqual(3);
    // A customer who defaults to 专票 must have what a 专票 needs.
    for (const c of special) {
      expect(c.taxId, c.name).not.toBe('');
      const entry = c.entries.find((e) => e.id === c.defaultEntryId);
      expect(entry?.bankName, c.name).not.toBe('');
      expect(entry?.bankAccount, c.name).not.toBe('');
    }
    const incomplete = drafts.filter(
      (c) => c.kind !== 'naturalPerson' && c.taxId !== '' && c.entries.every((e) => e.bankAccount === ''),
    );
    expect(incomplete.length).toBeGreaterThanOrEqual(2);
  });

  it('writes bank accounts as 12–22 digits and phones in the usual shapes', () => {
    const entries = drafts.flatMap((c) => c.entries);
    for (const e of entries) {
      if (e.bankAccount) expect(e.bankAccount, e.id).toMatch(/^\d{12,22}$/);
      if (e.phone) expect(e.phone, e.id).toMatch(/^(1[3-9]\d{9}|0\d{2,3}[- ]\d{3,4} ?\d{4})$/);
      if (e.bankAccount) expect(e.bankName, e.id).not.toBe('');
    }
  });
});
