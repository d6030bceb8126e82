import { utils } from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { parsePaste } from '../../../lib/domain/paste';
import { NO_INVOICE_DEFAULTS } from '../../../lib/domain/vocabulary';
import { BATCH_ISSUE_HEADER_ROW, batchIssueTable, SHOW_BUYER_DETAILS } from '../../../lib/export/batch-issue';
import { bookTable, entryText } from '../../../lib/export/book';
import { LAYOUTS } from '../../../lib/export/layouts';
import { platformCustomersTable } from '../../../lib/export/platform-customers';
import { tableWidth } from '../../../lib/export/table';
import { findHeader, mapColumns } from '../../../lib/import/columns';
import { MAX_COLUMNS } from '../../../lib/import/limits';
import { customer, entry, NOW } from '../../support/customer';
import { TRICKY } from '../../support/export-customers';
import { generateCustomers } from '../../support/generate';

const col = (letter: string) => utils.decode_col(letter);

const FULL = entry('w-1', {
  label: '总部',
  address: '上海市浦东新区科技路1号',
  phone: '021-12345678',
  bankName: '中国银行上海浦东支行',
  bankAccount: '6222020200112233445',
});
const WAREHOUSE = entry('w-2', {
  label: '仓库',
  address: '上海市嘉定区物流园路8号 3号库',
  phone: '021-87654321',
  bankName: '招商银行上海嘉定支行',
  bankAccount: '121909876510001',
});

describe("Taitou's book layout", () => {
  it('names the columns the importer maps, and no others', () => {
    const [header = []] = bookTable(TRICKY).rows;
    const mapped = mapColumns(header);
    expect(mapped.slice(0, 9)).toEqual([
      'name',
      'taxId',
      'address',
      'phone',
      'bankName',
      'bankAccount',
      'contact',
      'mobile',
      'email',
    ]);
    expect(mapped.slice(9).filter(Boolean)).toEqual([]);
  });

  it('writes what a clerk keeps about a customer, in words', () => {
    const c = customer('w', '上海万象物流有限公司', {
      taxId: '91310115MA1K3YJW8N',
      kind: 'company',
      entries: [WAREHOUSE, FULL],
      defaultEntryId: 'w-1',
      tier: 'vip',
      tags: ['长期合作', '月结'],
      notes: '对账找财务部',
      invoiceDefaults: { ...NO_INVOICE_DEFAULTS, type: 'special', remarks: '合同号 HT-2026-01' },
      creditLimit: { amount: 50000, period: 'month' },
      review: { status: 'verified', by: '李会计', at: NOW },
      source: 'import',
      useCount: 12,
      lastUsedAt: NOW,
      createdAt: Date.UTC(2025, 0, 1, 0, 0),
    });
    const { rows } = bookTable([c], { timeZone: 'Asia/Shanghai' });
    const [header = [], row = []] = rows;
    const byHeader = Object.fromEntries(header.map((h, i) => [h, row[i]]));
    expect(byHeader).toMatchObject({
      客户名称: '上海万象物流有限公司',
      地址: '上海市浦东新区科技路1号',
      银行账号: '6222020200112233445',
      客户类型: '企业',
      等级: 'VIP',
      标签: '长期合作，月结',
      默认发票类型: '专票',
      默认发票备注: '合同号 HT-2026-01',
      '开票额度（元）': '50000',
      额度周期: '每月',
      内部备注: '对账找财务部',
      核实状态: '已核实',
      核实人: '李会计',
      // 16:30 UTC is half past midnight the next day in China.
      核实时间: '2026-11-28 00:30',
      来源: '导入',
      开票次数: '12',
      最近开票: '2026-11-28 00:30',
      添加时间: '2025-01-01 08:00',
      默认开票信息说明: '总部',
      其他开票信息1: entryText(WAREHOUSE),
    });
  });

  it('puts each other entry in one cell that smart paste reads back field by field', () => {
    const text = entryText(WAREHOUSE);
    expect(text.split('\n')[0]).toBe('说明：仓库');
    expect(parsePaste(text)).toMatchObject({
      ok: true,
      fields: {
        address: WAREHOUSE.address,
        phone: WAREHOUSE.phone,
        bankName: WAREHOUSE.bankName,
        bankAccount: WAREHOUSE.bankAccount,
      },
    });
    expect(entryText(entry('x', { bankAccount: '6222' }))).toBe('账号：6222');
  });

  it('keeps one customer a row however many entries, within the width the importer takes', () => {
    const many = customer('m', '多网点连锁有限公司', {
      entries: Array.from({ length: 50 }, (_, i) => entry(`m-${i}`, { address: `第${i}号门店` })),
      defaultEntryId: 'm-7',
    });
    const table = bookTable([many, ...TRICKY]);
    expect(table.rows).toHaveLength(1 + 1 + TRICKY.length);
    expect(tableWidth(table)).toBeLessThanOrEqual(MAX_COLUMNS);
    const [header = [], row = []] = table.rows;
    const others = header.flatMap((h, i) => (h.startsWith('其他开票信息') ? [row[i]] : []));
    expect(others).toHaveLength(49);
    expect(row[header.indexOf('地址')]).toBe('第7号门店');
    expect(others).not.toContain('地址：第7号门店');
    expect(new Set(others).size).toBe(49);
    // Customers with one entry leave those cells empty.
    expect(table.rows[2]?.slice(header.indexOf('其他开票信息1'))).toEqual(new Array(49).fill(''));
  });

  it('has the header in the first row, every row as wide', () => {
    const table = bookTable(generateCustomers(40, 2));
    expect(findHeader(table.rows)?.row).toBe(table.header);
    expect(new Set(table.rows.map((r) => r.length)).size).toBe(1);
  });
});

describe("the platform's customer list", () => {
  it('has the columns of the platform export, in order', () => {
    expect(platformCustomersTable([]).rows).toEqual([
      ['客户名称', '统一社会信用代码/纳税人识别号', '地址', '电话', '开户行名称', '银行账号'],
    ]);
  });

  it('writes the default entry and a tax ID without spaces', () => {
    const c = customer('w', '上海万象物流有限公司', {
      taxId: ' 9131 0115-ma1k3yjw8n\u200b',
      entries: [WAREHOUSE, FULL],
      defaultEntryId: 'w-1',
    });
    expect(platformCustomersTable([c]).rows[1]).toEqual([
      '上海万象物流有限公司',
      '91310115MA1K3YJW8N',
      FULL.address,
      FULL.phone,
      FULL.bankName,
      FULL.bankAccount,
    ]);
  });
});

describe('the batch-issue buyer columns (template V260401)', () => {
  const c = customer('w', '上海万象物流有限公司', {
    taxId: '9131 0115 MA1K 3YJW 8N',
    entries: [WAREHOUSE, FULL],
    defaultEntryId: 'w-1',
    email: 'fapiao@example.com',
    mobile: '13800000000',
  });
  const table = batchIssueTable([c, TRICKY[2] ?? c]);

  it('is sheet 1-发票基本信息 with the header on row 3 and data from row 4', () => {
    expect(table.name).toBe('1-发票基本信息');
    expect(table.header).toBe(2);
    expect(BATCH_ISSUE_HEADER_ROW).toBe(2);
    expect(table.rows[3]?.[col('F')]).toBe('上海万象物流有限公司');
    expect(findHeader(table.rows)?.row).toBe(2);
  });

  it('puts each buyer column at its letter and leaves every other column empty', () => {
    const at = { F: 0, G: 0, K: 0, Q: 0, R: 0, S: 0, T: 0, AE: 0 };
    const header = table.rows[2] ?? [];
    const row = table.rows[3] ?? [];
    expect(Object.fromEntries(Object.keys(at).map((l) => [l, header[col(l)]]))).toEqual({
      F: '购买方名称',
      G: '购买方纳税人识别号',
      K: '购买方地址',
      Q: '购买方电话',
      R: '购买方开户银行',
      S: '购买方银行账号',
      T: '是否展示购买方地址电话银行账号',
      AE: '购买方邮箱',
    });
    expect(Object.fromEntries(Object.keys(at).map((l) => [l, row[col(l)]]))).toEqual({
      F: '上海万象物流有限公司',
      G: '91310115MA1K3YJW8N',
      K: FULL.address,
      Q: FULL.phone,
      R: FULL.bankName,
      S: FULL.bankAccount,
      T: SHOW_BUYER_DETAILS,
      AE: 'fapiao@example.com',
    });
    const used = new Set(Object.keys(at).map(col));
    for (const r of table.rows.slice(2)) expect(r.filter((_, i) => !used.has(i) && r[i] !== '')).toEqual([]);
    expect(table.rows.every((r) => r.length === col('AE') + 1)).toBe(true);
  });

  it('asks to show the buyer details only when all four are there', () => {
    const partial = customer('p', '某某公司', {
      entries: [entry('p-1', { address: '某地', phone: '010-12345678', bankName: '某银行' })],
      defaultEntryId: 'p-1',
    });
    expect(batchIssueTable([partial]).rows[3]?.[col('T')]).toBe('');
    expect(table.rows[4]?.[col('T')]).toBe('');
  });

  it('never writes a tax ID with a space in it', () => {
    const ids = generateCustomers(200, 9).map((g) => ({ ...g, taxId: g.taxId.replace(/(.{4})/g, '$1 ') }));
    const written = batchIssueTable(ids)
      .rows.slice(3)
      .map((r) => r[col('G')] ?? '');
    expect(written.filter((t) => /\s/.test(t))).toEqual([]);
    expect(written).toEqual(ids.map((g) => g.taxId.replace(/ /g, '')));
  });
});

describe('the layouts', () => {
  it('are all listed for the manager, each giving a header row that the importer finds', () => {
    const customers = generateCustomers(20, 4);
    for (const layout of Object.values(LAYOUTS)) {
      const table = layout(customers);
      expect(findHeader(table.rows)?.row).toBe(table.header);
      expect(table.rows.length).toBe(table.header + 1 + customers.length);
    }
    expect(Object.keys(LAYOUTS)).toEqual(['book', 'platformCustomers', 'batchIssue']);
  });
});
