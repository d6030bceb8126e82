import { describe, expect, it } from 'vitest';
import type { FieldResult } from '../../../lib/fill/fill';
import { describeFill } from '../../../lib/fill/summary';
import { translator } from '../../../lib/i18n/messages';

const zh = translator('zh-CN');
const en = translator('en');

const ok = (results: FieldResult[], notes = {}) => ({ ok: true as const, report: { url: '', results, notes } });
const verified = (role: FieldResult['role']): FieldResult => ({ role, label: '', status: 'verified' });

describe('describeFill with invoice defaults and credit', () => {
  it('counts the defaults it set, says nothing of those that did not apply, and names a kept remark', () => {
    const lines = describeFill(
      ok([
        verified('name'),
        verified('invoiceType'),
        verified('showAddressPhone'),
        { role: 'showBankAccount', label: '', status: 'skipped', reason: 'noDefault' },
        { role: 'remarks', label: '备注', status: 'skipped', reason: 'kept' },
      ]),
      zh,
    );
    expect(lines).toEqual(['已填入 3 项', '未填：备注（已有内容，未覆盖）']);
  });

  it('names the placeholders left in remarks it wrote, and how much it cut', () => {
    const notes = { remarksUnfilled: ['{合同号}', '{项目}'], remarksCut: 4 };
    expect(describeFill(ok([verified('remarks')], notes), zh)).toEqual([
      '已填入 1 项',
      '备注中的 {合同号}、{项目} 需手动填写',
      '备注超出 230 字，末尾 4 字未填入',
    ]);
    // Remarks it did not write have nothing of Taitou's to complete.
    expect(describeFill(ok([{ role: 'remarks', label: '', status: 'skipped', reason: 'kept' }], notes), zh)).toEqual([
      '已填入 0 项',
      '未填：备注（已有内容，未覆盖）',
    ]);
  });

  it('warns near, at and over the limit, in yuan, and says the clerk may go on', () => {
    const credit = { period: 'month' as const, limit: 20_000_000, used: 17_000_000, remaining: 3_000_000, percent: 85 };
    expect(describeFill(ok([verified('name')], { credit: { ...credit, level: 'near' } }), zh)).toEqual([
      '已填入 1 项',
      '接近开票额度：本月已用 85%，剩余 30000.00 元',
      '仍可继续开票',
    ]);
    expect(
      describeFill(ok([], { credit: { ...credit, level: 'at', used: 20_000_000, remaining: 0, percent: 100 } }), zh),
    ).toContain('开票额度已用完（200000.00 元），再开将超出');
    const over = { ...credit, level: 'over' as const, period: 'total' as const, remaining: -12_345, percent: 100 };
    expect(describeFill(ok([], { credit: over }), zh)).toContain('已超出开票额度 123.45 元（额度 200000.00 元）');
    expect(describeFill(ok([], { credit: { ...credit, level: 'near' } }), en)).toEqual([
      'Filled 0 fields',
      'Near the credit limit: 85% used this month; 30000.00 CNY left',
      'You can still issue the invoice',
    ]);
  });
});
