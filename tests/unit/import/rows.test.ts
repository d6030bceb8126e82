import { describe, expect, it } from 'vitest';
import type { ColumnTarget } from '../../../lib/import/columns';
import { importRows, type SheetCell } from '../../../lib/import/rows';

const text = (...cells: string[]): SheetCell[] => cells.map((t) => ({ text: t }));
const codes = (row: { findings: { code: string }[] }) => row.findings.map((f) => f.code);

describe('rows of a sheet as customers', () => {
  const columns: ColumnTarget[] = [null, 'name', 'taxId', 'addressPhone', 'bankNameAccount'];

  it('splits the combined columns and marks the source', () => {
    const [row] = importRows(
      [
        text('序号', '客户名称', '税号', '地址、电话', '开户行及账号'),
        text(
          '1',
          '北京小米科技有限责任公司',
          '91110000600037341L',
          '北京市海淀区清河中街68号 010-60606666',
          '中国工商银行北京海淀支行 0200 0496 1920 0088 888',
        ),
      ],
      0,
      columns,
    );
    expect(row).toMatchObject({
      row: 2,
      input: {
        name: '北京小米科技有限责任公司',
        taxId: '91110000600037341L',
        entries: [
          {
            address: '北京市海淀区清河中街68号',
            phone: '010-60606666',
            bankName: '中国工商银行北京海淀支行',
            bankAccount: '0200049619200088888',
          },
        ],
        source: 'import',
      },
    });
    expect(row?.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('skips blank rows and numbers rows as the spreadsheet does', () => {
    const rows = importRows([text('标题'), text('名称', '税号'), text('', ''), text('张三', ''), text('  ', ' ')], 1, [
      'name',
      'taxId',
    ]);
    expect(rows.map((r) => [r.row, r.input.name])).toEqual([[4, '张三']]);
  });

  it('makes digits a spreadsheet stored as a number an error on that row, never the rounded digits', () => {
    const rows = importRows(
      [
        text('名称', '银行账号', '电话'),
        [{ text: '甲公司' }, { text: '6.22E+18', number: 6.22e18 }, { text: '01060606666' }],
        [{ text: '乙公司' }, { text: '6222020200112233445', number: 6222020200112233000 }, { text: '' }],
        [{ text: '丙公司' }, { text: '123456789012', number: 123456789012 }, { text: '' }],
      ],
      0,
      ['name', 'bankAccount', 'phone'],
    );
    expect(codes(rows[0] ?? { findings: [] })).toContain('import.digitsLost');
    expect(rows[0]?.input.entries[0]?.bankAccount).toBe('');
    expect(codes(rows[1] ?? { findings: [] })).toContain('import.digitsLost');
    expect(rows[1]?.input.entries[0]?.bankAccount).toBe('');
    // Twelve digits fit a spreadsheet number exactly.
    expect(codes(rows[2] ?? { findings: [] })).not.toContain('import.digitsLost');
    expect(rows[2]?.input.entries[0]?.bankAccount).toBe('123456789012');
  });

  it('reports a row without a name, and validation findings such as a wrong check character', () => {
    const rows = importRows(
      [text('名称', '税号'), text('', '91110000600037341L'), text('甲公司', '91110000600037341A')],
      0,
      ['name', 'taxId'],
    );
    expect(codes(rows[0] ?? { findings: [] })).toEqual(['name.missing']);
    expect(codes(rows[1] ?? { findings: [] })).toContain('taxId.checksum');
  });

  it('prefers a separate address column to the combined one', () => {
    const [row] = importRows([text('名称', '地址电话', '地址'), text('甲公司', '旧地址 010-12345678', '新地址')], 0, [
      'name',
      'addressPhone',
      'address',
    ]);
    expect(row?.input.entries[0]).toMatchObject({ address: '新地址', phone: '010-12345678' });
  });
});
