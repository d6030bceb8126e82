import { describe, expect, it } from 'vitest';
import { categoryBreakdown, shortName } from '../../../lib/analytics/categories';
import { COMPUTER_CODE, invoice } from './history';

const buyer = ['91330106MA27Y8RL06', '杭州甲科技有限公司'] as const;
const item = (name: string, amount: number, taxCode = '') => ({ name, taxCode, amount, tax: 0 });

describe('item categories', () => {
  it('reads the short name between the leading asterisks, half- or full-width', () => {
    expect(shortName('*电子计算机*笔记本电脑')).toBe('电子计算机');
    expect(shortName('＊信息技术服务＊软件开发费')).toBe('信息技术服务');
    expect(shortName(' *餐饮服务*餐费')).toBe('餐饮服务');
    expect(shortName('*现代服务*')).toBe('现代服务');
    expect(shortName('笔记本电脑')).toBe('');
    expect(shortName('*没有结尾')).toBe('');
    expect(shortName('电脑*配件*')).toBe('');
    expect(shortName('')).toBe('');
  });

  it('groups by short name, else by the short name the same code carries elsewhere, else the head of the code', () => {
    const { categories, invoicesWithItems, total } = categoryBreakdown([
      // 键盘 comes before its code is seen with a short name: still 电子计算机, and the invoice counts once.
      invoice('0', buyer, '2024-12-01', 70, {
        items: [item('键盘', 50, COMPUTER_CODE), item('*电子计算机*主机', 20, COMPUTER_CODE)],
      }),
      invoice('0b', buyer, '2024-12-02', 30, { items: [item('鼠标', 30, COMPUTER_CODE)] }),
      invoice('1', buyer, '2025-01-01', 300, {
        items: [item('*电子计算机*笔记本电脑', 100, COMPUTER_CODE), item('*电子计算机*显示器', 200, COMPUTER_CODE)],
      }),
      invoice('2', buyer, '2025-01-02', 70, { items: [item('打印纸', 70, '1060512990000000000')] }),
      invoice('3', buyer, '2025-01-03', 11, { items: [item('杂项', 5, '123'), item('', 6)] }),
      invoice('4', buyer, '2025-01-04', 40, { items: [] }),
    ]);
    expect(invoicesWithItems).toBe(5);
    expect(total).toBe(481);
    expect(categories.map(({ share: _, ...c }) => c)).toEqual([
      { category: '电子计算机', source: 'name', items: 5, invoices: 3, total: 400 },
      { category: '10605', source: 'code', items: 1, invoices: 1, total: 70 },
      // A code too short to have a head is no better than none.
      { category: '', source: 'none', items: 2, invoices: 1, total: 11 },
    ]);
    expect(categories.reduce((sum, c) => sum + c.share, 0)).toBeCloseTo(1, 12);
  });

  it('counts an item at amount plus tax, red items subtracting, voided invoices not at all', () => {
    const { categories, total } = categoryBreakdown([
      invoice('1', buyer, '2025-01-01', 113, {
        items: [{ name: '*餐饮服务*餐费', taxCode: '', amount: 100, tax: 13 }],
      }),
      invoice('2', buyer, '2025-01-02', -113, {
        red: true,
        items: [{ name: '*餐饮服务*餐费', taxCode: '', amount: -100, tax: -13 }],
      }),
      invoice('3', buyer, '2025-01-03', 226, {
        items: [{ name: '*餐饮服务*餐费', taxCode: '', amount: 200, tax: 26 }],
      }),
      invoice('4', buyer, '2025-01-04', 999, {
        void: true,
        items: [{ name: '*餐饮服务*餐费', taxCode: '', amount: 999, tax: 0 }],
      }),
    ]);
    expect(total).toBe(226);
    expect(categories).toEqual([{ category: '餐饮服务', source: 'name', items: 3, invoices: 3, total: 226, share: 1 }]);
  });
});
