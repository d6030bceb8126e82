import { describe, expect, it } from 'vitest';
import { createCustomer } from '../../../lib/db/customers';
import { commitImport } from '../../../lib/db/import';
import { type CustomerInput, CustomerInputSchema } from '../../../lib/domain/customer';
import { finding } from '../../../lib/domain/findings';
import { normalizeDraft } from '../../../lib/domain/validate';
import { decide } from '../../../lib/import/decide';
import { type BookKeys, type PlannedRow, planImport } from '../../../lib/import/plan';
import { type ReportWords, reportTable } from '../../../lib/import/report';
import type { ImportRow } from '../../../lib/import/rows';
import { importWrites } from '../../../lib/import/writes';
import type { ImportSummary } from '../../../lib/messaging/import-port';
import { customerInput, freshBook } from '../../support/book';

type CustomerSummary = Extract<ImportSummary, { kind: 'customers' }>;

const badTaxId = finding('taxId.checksum', 'taxId', 'error', '税号校验位不对', 'tax ID check digit wrong');

const WORDS: ReportWords = {
  headers: ['行', '名称', '税号', '结果', '原因'],
  result: { added: '新增', updated: '更新', unchanged: '无变化', skipped: '跳过', refused: '被拒绝' },
  refused: { duplicateTaxId: '税号已被占用', notFound: '客户已删除' },
  notes: (row) =>
    [...row.findings.map((f) => f.message['zh-CN']), row.duplicate ? `重复（${row.duplicate.by}）` : '']
      .filter(Boolean)
      .join('；'),
};

const row = (n: number, input: Partial<CustomerInput>, findings = [] as ImportRow['findings']): ImportRow => {
  const full = customerInput({ entries: [{ id: 'main' }], source: 'import', ...input });
  return { row: n, input: full, draft: normalizeDraft(CustomerInputSchema.parse(full)), findings };
};

const summary = (over: Partial<CustomerSummary>): CustomerSummary => ({
  kind: 'customers',
  batch: 'b-1',
  added: 0,
  updated: 0,
  unchanged: [],
  refused: [],
  changed: [],
  ...over,
});

describe('reportTable', () => {
  const BOOK: BookKeys = {
    byTaxId: new Map([['91110000600037341L', 'xiaomi']]),
    byName: new Map([['上海大华纺织品进出口有限公司', 'dahua']]),
  };
  const planned = planImport(
    [
      row(2, { name: '宁波港湾物流有限公司', taxId: '91330206MA2H3K5P7L' }),
      row(3, { name: '北京小米科技有限责任公司', taxId: '91110000600037341L' }),
      row(4, { name: '上海大华纺织品进出口有限公司', taxId: '' }),
      row(5, { name: '杭州西湖龙井茶业有限公司', taxId: '91330106MA27X8Y63F' }),
      row(6, { name: '坏数据公司', taxId: '91330106MA27X8Y630' }, [badTaxId]),
      row(7, { name: '上海大华纺织品进出口有限公司', taxId: '31010413245678X' }),
      row(8, { name: '上海大华纺织品进出口有限公司', taxId: undefined }),
    ],
    BOOK,
  );
  const rows = decide(planned, {
    byKind: { bookTaxId: 'update' },
    byRow: new Map([
      [4, 'update'],
      [8, 'update'],
    ]),
  });

  it('says for each row of the file what became of it, and why', () => {
    const table = reportTable(
      rows,
      summary({
        added: 3,
        updated: 1,
        unchanged: [4],
        refused: [
          { row: 5, reason: 'duplicateTaxId' },
          { row: 8, reason: 'notFound' },
        ],
      }),
      WORDS,
    );
    expect(table).toEqual({
      name: 'report',
      header: 0,
      rows: [
        ['行', '名称', '税号', '结果', '原因'],
        ['2', '宁波港湾物流有限公司', '91330206MA2H3K5P7L', '新增', ''],
        ['3', '北京小米科技有限责任公司', '91110000600037341L', '更新', '重复（taxId）'],
        ['4', '上海大华纺织品进出口有限公司', '', '无变化', '重复（name）'],
        // A refusal is the reason, whatever the preview said of the row.
        ['5', '杭州西湖龙井茶业有限公司', '91330106MA27X8Y63F', '被拒绝', '税号已被占用'],
        ['6', '坏数据公司', '91330106MA27X8Y630', '跳过', '税号校验位不对'],
        ['7', '上海大华纺织品进出口有限公司', '31010413245678X', '新增', '重复（name）'],
        ['8', '上海大华纺织品进出口有限公司', '', '被拒绝', '客户已删除'],
      ],
    });
  });

  it('reports a row the clerk skipped as skipped, even when the summary names it', () => {
    const skipped = rows.map((r): PlannedRow => (r.row === 3 ? { ...r, decision: 'skip' } : r));
    const table = reportTable(skipped, summary({ unchanged: [3] }), WORDS);
    expect(table.rows[2]?.slice(3)).toEqual(['跳过', '重复（taxId）']);
  });

  it('has only the header for an empty file', () => {
    expect(reportTable([], summary({}), WORDS).rows).toEqual([['行', '名称', '税号', '结果', '原因']]);
  });

  it('tells apart what a real import did to each row', async () => {
    const db = await freshBook();
    const dahua = await createCustomer(db, customerInput({ name: '上海大华纺织品进出口有限公司', taxId: '' }));
    const xiaomi = await createCustomer(db, customerInput());
    if (!dahua.ok || !xiaomi.ok) throw new Error('create failed');
    const book: BookKeys = {
      byTaxId: new Map([['91110000600037341L', xiaomi.value.id]]),
      byName: new Map([['上海大华纺织品进出口有限公司', dahua.value.id]]),
    };
    const file = decide(
      planImport(
        [
          row(2, { name: '宁波港湾物流有限公司', taxId: '91330206MA2H3K5P7L' }),
          row(3, {
            name: '北京小米科技有限责任公司',
            entries: [{ id: 'main', address: '北京市海淀区西二旗中路33号' }],
          }),
          // The same as the book has it.
          row(4, customerInput({ name: '上海大华纺织品进出口有限公司', taxId: '' })),
          row(5, { name: '杭州西湖龙井茶业有限公司', taxId: '91330106MA27X8Y63F' }),
        ],
        book,
      ),
      { byKind: { bookTaxId: 'update', bookName: 'update' }, byRow: new Map() },
    );
    // Someone added Hangzhou's tax ID while the clerk looked at the preview.
    await createCustomer(db, customerInput({ name: '杭州西湖（新）', taxId: '91330106MA27X8Y63F' }));
    const outcome = await commitImport(db, importWrites(file));
    const table = reportTable(
      file,
      summary({
        added: outcome.added.length,
        updated: outcome.updated.length,
        unchanged: outcome.unchanged,
        refused: outcome.refused,
      }),
      WORDS,
    );
    expect(table.rows.slice(1).map((r) => [r[0], r[3], r[4]])).toEqual([
      ['2', '新增', ''],
      ['3', '更新', '重复（taxId）'],
      ['4', '无变化', '重复（name）'],
      ['5', '被拒绝', '税号已被占用'],
    ]);
  });
});
