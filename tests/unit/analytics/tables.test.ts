import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../lib/analytics/analyse';
import { percent, yuan } from '../../../lib/analytics/format';
import { ANALYTICS_TABLES, analyticsTables } from '../../../lib/analytics/tables';
import { toCsv } from '../../../lib/export/csv';
import { TableMetaSchema } from '../../../lib/export/table';
import { toXlsx } from '../../../lib/export/xlsx';
import { readSheets } from '../../../lib/import/sheet';
import { CUSTOMERS, HISTORY, TAX, TODAY } from './history';

const analytics = analyse(HISTORY, CUSTOMERS, { today: TODAY });

/** The rows a spreadsheet reads back from the CSV the export writes. */
function csvRows(csv: string): string[][] {
  const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  return parsed.data;
}

describe('money and shares as text', () => {
  it('writes fen as yuan from whole numbers', () => {
    expect(yuan(0)).toBe('0.00');
    expect(yuan(5)).toBe('0.05');
    expect(yuan(123_456)).toBe('1234.56');
    expect(yuan(-50_000)).toBe('-500.00');
    expect(yuan(-7)).toBe('-0.07');
    expect(yuan(Number('900719925474099'))).toBe('9007199254740.99');
  });

  it('writes shares as percentages', () => {
    expect(percent(0.5)).toBe('50.00%');
    expect(percent(1)).toBe('100.00%');
    expect(percent(2_100_000 / 2_905_000)).toBe('72.29%');
  });
});

describe('the analytics as tables', () => {
  const tables = analyticsTables(analytics);

  it('gives one valid sheet per figure set, header first', () => {
    expect(Object.keys(tables)).toEqual([...ANALYTICS_TABLES]);
    for (const table of Object.values(tables)) {
      expect(TableMetaSchema.safeParse(table).success).toBe(true);
      const width = table.rows[0]?.length;
      expect(table.rows.every((row) => row.length === width)).toBe(true);
    }
    expect(new Set(Object.values(tables).map((t) => t.name)).size).toBe(ANALYTICS_TABLES.length);
  });

  it('writes the customers ranked, money in yuan, through the CSV writer', () => {
    const rows = csvRows(toCsv(tables.buyers));
    expect(rows[0]?.slice(0, 12)).toEqual([
      '排名',
      '客户名称',
      '税号',
      '在客户簿',
      '等级',
      '开票次数',
      '红字发票',
      '作废发票',
      '合计金额（元）',
      '平均金额（元）',
      '占比',
      '累计占比',
    ]);
    expect(rows[1]).toEqual([
      '1',
      '上海乙贸易有限公司',
      TAX.b,
      '是',
      '普通',
      '5',
      '0',
      '0',
      '12000.00',
      '2400.00',
      '41.31%',
      '41.31%',
      '2025-02-10',
      '2025-06-10',
      '20',
      '4',
      '4',
      '5',
      '重要价值客户',
    ]);
    expect(rows[2]?.slice(0, 5)).toEqual(['2', '厦门戊食品有限公司', TAX.e, '是', 'VIP']);
    expect(rows[6]).toEqual([
      '6',
      '张三',
      '',
      '否',
      '',
      '1',
      '0',
      '0',
      '50.00',
      '50.00',
      '0.17%',
      '100.00%',
      '2025-06-25',
      '2025-06-25',
      '5',
      '',
      '',
      '',
      '',
    ]);
    expect(rows).toHaveLength(7);
  });

  it('writes the months, the trends, the dormant, the categories, the segments and the VIP suggestions', () => {
    expect(tables.months.rows[15]).toEqual(['2025-03', '0', '1', '0', '-500.00']);
    expect(tables.growing.rows).toEqual([
      ['客户名称', '税号', '近 3 个月（元）', '再前 3 个月（元）', '变化（元）', '变化率'],
      ['上海乙贸易有限公司', TAX.b, '10000.00', '2000.00', '8000.00', '400.00%'],
    ]);
    expect(tables.shrinking.rows[1]).toEqual(['杭州甲科技有限公司', TAX.a, '2000.00', '2500.00', '-500.00', '-20.00%']);
    expect(tables.dormant.rows[1]).toEqual(['北京丙建材有限公司', TAX.c, '2024-07-01', '364', '2', '1000.00']);
    expect(tables.categories.rows.slice(1).map((r) => r.slice(0, 2))).toEqual([
      ['信息技术服务', '商品名称'],
      ['电子计算机', '商品名称'],
      ['10605', '税收分类编码'],
      ['未分类', '未分类'],
    ]);
    expect(tables.segments.rows).toHaveLength(9);
    expect(tables.segments.rows[1]).toEqual(['重要价值客户', '2', '21000.00', '75.00%']);
    expect(tables.vip.rows).toEqual([
      ['客户名称', '税号', '等级', 'RFM 分群', 'R', 'F', 'M', '开票次数', '合计金额（元）', '最近开票'],
      ['上海乙贸易有限公司', TAX.b, '普通', '重要价值客户', '4', '4', '5', '5', '12000.00', '2025-06-10'],
    ]);
    expect(tables.summary.rows).toContainEqual(['贡献 80.00% 金额的客户数', '3']);
    expect(tables.summary.rows).toContainEqual(['合计金额（元）', '29050.00']);
  });

  it('speaks English when asked', () => {
    const en = analyticsTables(analytics, 'en');
    expect(en.growing.name).toBe('Growing');
    expect(en.growing.rows[0]?.[2]).toBe('Last 3 months (yuan)');
    expect(en.vip.rows[1]?.[3]).toBe('Important value');
    expect(en.categories.rows.at(-1)?.slice(0, 2)).toEqual(['Uncategorised', 'uncategorised']);
  });

  it('all fit in one workbook that reads back', () => {
    const read = readSheets(toXlsx(Object.values(tables)), '分析.xlsx');
    if (!read.ok) throw new Error(read.problem);
    expect(read.sheets.map((s) => s.name)).toEqual(Object.values(tables).map((t) => t.name));
    expect(read.sheets[1]?.rows[1]?.[1]).toEqual({ text: '上海乙贸易有限公司' });
  });
});
