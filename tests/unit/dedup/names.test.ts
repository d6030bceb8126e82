import { describe, expect, it } from 'vitest';
import { analyzeName, nameCore } from '../../../lib/dedup/names';
import { editDistance, foldName } from '../../../lib/dedup/text';

describe('folding a name for comparison', () => {
  it.each([
    ['ＡＢＣ（中国）投资有限公司', 'abc(中国)投资有限公司'],
    ['北京 小米\u3000科技 有限公司 ', '北京小米科技有限公司'],
    ['小米科技【北京】有限公司', '小米科技(北京)有限公司'],
    ['宝钢·湛江钢铁有限公司', '宝钢湛江钢铁有限公司'],
    ['A&B-Trading，有限公司', 'abtrading有限公司'],
  ])('%s → %s', (name, folded) => {
    expect(foldName(name)).toBe(folded);
  });

  it('gives a name that needs no change back unchanged', () => {
    const name = '北京小米科技有限责任公司';
    expect(foldName(name)).toBe(name);
  });
});

describe('taking a name apart', () => {
  it('finds the region at the start, in brackets, or as province and city', () => {
    const plain = analyzeName('北京小米科技有限责任公司');
    expect(plain).toMatchObject({ core: '小米科技', form: 'limited', branch: '', strength: 'strong' });
    expect(plain.region).toEqual({ province: '11', city: '北京', district: '' });
    expect(analyzeName('小米科技（北京）有限公司')).toMatchObject({ core: '小米科技', region: plain.region });
    expect(analyzeName('北京市小米科技有限公司').region).toEqual(plain.region);
    expect(analyzeName('广东省深圳市华强电子有限公司')).toMatchObject({
      core: '华强电子',
      region: { province: '44', city: '深圳', district: '' },
    });
    expect(analyzeName('深圳华强电子有限公司').region).toEqual({ province: '44', city: '深圳', district: '' });
    expect(analyzeName('广西壮族自治区南宁福达贸易有限公司').region).toEqual({
      province: '45',
      city: '南宁',
      district: '',
    });
  });

  it('reads a district after a region, or opening a small business name', () => {
    expect(analyzeName('北京市海淀区张记便利店')).toMatchObject({
      core: '张记便利店',
      form: '',
      strength: 'medium',
      region: { province: '11', city: '北京', district: '海淀' },
    });
    expect(analyzeName('海淀区张记便利店')).toMatchObject({
      core: '张记便利店',
      region: { province: '', city: '', district: '海淀' },
    });
    expect(analyzeName('上海浦东新区陆家嘴金融贸易有限公司')).toMatchObject({
      core: '陆家嘴金融贸易',
      region: { province: '31', city: '上海', district: '浦东' },
    });
  });

  it('stops at a second region that contradicts the first, and keeps a core of two characters', () => {
    expect(analyzeName('北京长春藤教育科技有限公司')).toMatchObject({ core: '长春藤教育科技' });
    expect(analyzeName('北京银行股份有限公司')).toMatchObject({ core: '银行', form: 'jointStock' });
    expect(analyzeName('上海有限公司')).toMatchObject({ core: '上海', region: { province: '' } });
  });

  it('tells the legal forms apart: 有限公司 = 有限责任公司, 股份有限公司 another, 公司 says none', () => {
    expect(analyzeName('华信科技有限公司').form).toBe('limited');
    expect(analyzeName('华信科技有限责任公司').form).toBe('limited');
    expect(analyzeName('华信科技股份有限公司').form).toBe('jointStock');
    expect(analyzeName('华信科技股份公司').form).toBe('jointStock');
    expect(analyzeName('华信科技公司').form).toBe('company');
    expect(analyzeName('杭州西子湖茶业合伙企业（有限合伙）')).toMatchObject({
      core: '西子湖茶业',
      form: 'partnership',
    });
    expect(analyzeName('华信科技').form).toBe('');
  });

  it('keeps a branch apart from its head office, with the head office’s core', () => {
    expect(analyzeName('华润置地有限公司上海分公司')).toMatchObject({
      core: '华润置地',
      form: 'limited',
      branch: '上海分公司',
    });
    expect(analyzeName('华润置地有限公司上海市分公司').branch).toBe('上海分公司');
    expect(analyzeName('中国工商银行股份有限公司北京海淀支行')).toMatchObject({
      core: '中国工商银行',
      branch: '北京海淀支行',
    });
    expect(analyzeName('中国银行北京分行')).toMatchObject({ core: '中国银行', branch: '北京分行' });
    expect(analyzeName('某某证券股份有限公司深圳营业部').branch).toBe('深圳营业部');
    expect(analyzeName('小米之家朝阳区分店')).toMatchObject({ core: '小米之家', branch: '朝阳区分店' });
  });

  it('does not take a small business ending in 经营部 or 门市部 for a branch', () => {
    expect(analyzeName('张三五金经营部')).toMatchObject({ core: '张三五金经营部', branch: '' });
    expect(analyzeName('李四建材门市部').branch).toBe('');
  });

  it('rates what a name alone says', () => {
    expect(analyzeName('张伟').strength).toBe('weak');
    expect(analyzeName('小米').strength).toBe('weak');
    expect(analyzeName('小米科技').strength).toBe('medium');
    expect(analyzeName('小米公司').strength).toBe('strong');
  });

  it('gives the core for a quick lookup', () => {
    expect(nameCore('北京小米科技有限责任公司')).toBe('小米科技');
    expect(nameCore('小米科技（北京）有限公司')).toBe('小米科技');
  });
});

describe('edit distance', () => {
  it.each([
    ['小米科技', '小米科技', 0],
    ['小米科技', '小咪科技', 1],
    ['小米科技', '米小科技', 1],
    ['小米科技', '小米科技发展', 2],
    ['小米科技', '大华纺织', 2],
  ])('%s / %s: %i (counting to 1 at most 2)', (a, b, d) => {
    expect(editDistance(a, b, 1)).toBe(Math.min(d, 2));
    expect(editDistance(b, a, 1)).toBe(Math.min(d, 2));
  });

  it('counts every edit up to the bound', () => {
    expect(editDistance('abcdef', 'azcdxf', 3)).toBe(2);
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('', 'abc', 5)).toBe(3);
  });
});
