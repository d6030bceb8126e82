import { describe, expect, it } from 'vitest';
import { searchKeys } from '../../../lib/search/keys';

describe('searchKeys', () => {
  it('gives the name key, full pinyin, initials and the tax ID', () => {
    expect(searchKeys('北京小米科技有限责任公司', '91110108MA01ABCD5X')).toEqual({
      name: '北京小米科技有限责任公司',
      pinyin: 'beijingxiaomikejiyouxianzerengongsi',
      initials: 'bjxmkjyxzrgs',
      taxId: '91110108MA01ABCD5X',
    });
  });

  it.each([
    ['重庆', 'chongqing', 'cq'],
    ['中国银行', 'zhongguoyinhang', 'zgyh'],
    ['厦门', 'xiamen', 'xm'],
    ['长沙', 'changsha', 'cs'],
    ['行长', 'hangzhang', 'hz'],
    ['重庆长安汽车', 'chongqingchanganqiche', 'cqcaqc'],
  ])('reads the polyphones of %s in context', (name, pinyin, initials) => {
    expect(searchKeys(name, '')).toMatchObject({ pinyin, initials });
  });

  it('writes ü as v, as clerks type it', () => {
    expect(searchKeys('绿地集团', '')).toMatchObject({ pinyin: 'lvdijituan', initials: 'ldjt' });
    expect(searchKeys('Müller贸易', '')).toMatchObject({
      name: 'müller贸易',
      pinyin: 'mvllermaoyi',
      initials: 'mvllermy',
    });
  });

  it('keeps other characters lower-case and half-width, in the pinyin and the initials', () => {
    expect(searchKeys('３Ｍ 中国（上海）有限公司', '')).toEqual({
      name: '3m中国(上海)有限公司',
      pinyin: '3mzhongguo(shanghai)youxiangongsi',
      initials: '3mzg(sh)yxgs',
    });
  });

  it('normalises the tax ID', () => {
    expect(searchKeys('小米', ' 9111 0108-ma01abcd5x ').taxId).toBe('91110108MA01ABCD5X');
  });

  it('omits the tax ID when there is none', () => {
    const keys = searchKeys('张三', '  ');
    expect(keys).toEqual({ name: '张三', pinyin: 'zhangsan', initials: 'zs' });
    expect('taxId' in keys).toBe(false);
  });
});
