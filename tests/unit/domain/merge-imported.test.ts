import { describe, expect, it } from 'vitest';
import { type Customer, type CustomerInput, CustomerInputSchema } from '../../../lib/domain/customer';
import { mergeImported } from '../../../lib/domain/merge-imported';
import { normalizeDraft } from '../../../lib/domain/validate';
import { customer, entry } from '../../support/customer';

/** Xiaomi as the book has it: two entries, the second the default, contact fields and tags filled in. */
function xiaomi(over: Partial<Customer> = {}): Customer {
  return customer('xiaomi', '北京小米科技有限责任公司', {
    taxId: '91110000600037341L',
    entries: [
      entry('old', { label: '旧址', address: '北京市海淀区清河中街68号', phone: '010-60606666' }),
      entry('main', {
        address: '北京市海淀区西二旗中路33号',
        phone: '010-60606888',
        bankName: '中国工商银行北京海淀支行',
        bankAccount: '0200049619200088888',
      }),
    ],
    defaultEntryId: 'main',
    email: 'fp@xiaomi.example',
    mobile: '13800138000',
    contact: '王会计',
    tags: ['大客户', '北京'],
    notes: '月底开票',
    ...over,
  });
}

/** An imported row as the page sends it: checked and normalised, one entry. */
function row(
  input: Partial<CustomerInput> & { entry?: CustomerInput['entries'][number] },
): ReturnType<typeof normalizeDraft> {
  const { entry: only = { id: 'main' }, ...rest } = input;
  return normalizeDraft(
    CustomerInputSchema.parse({
      name: '北京小米科技有限责任公司',
      entries: [only],
      defaultEntryId: only.id,
      source: 'import',
      ...rest,
    }),
  );
}

describe('mergeImported', () => {
  it('puts what the row has into the default entry, and keeps what it leaves empty and the other entries', () => {
    const current = xiaomi();
    const merged = mergeImported(
      current,
      row({ entry: { id: 'r1', address: '北京市昌平区小米科技园', bankAccount: '0200049619200099999' } }),
    );
    expect(merged?.entries).toEqual([
      current.entries[0],
      {
        id: 'main',
        label: '',
        address: '北京市昌平区小米科技园',
        phone: '010-60606888',
        bankName: '中国工商银行北京海淀支行',
        bankAccount: '0200049619200099999',
      },
    ]);
    expect(merged).toMatchObject({ taxId: '91110000600037341L', email: 'fp@xiaomi.example', contact: '王会计' });
  });

  it('takes the name, and the tax ID and contact fields the row has', () => {
    const merged = mergeImported(
      xiaomi(),
      row({
        name: '小米科技有限责任公司',
        taxId: '91110108551385082Q',
        email: 'invoice@xiaomi.example',
        mobile: '13900139000',
        contact: '李出纳',
      }),
    );
    expect(merged).toMatchObject({
      name: '小米科技有限责任公司',
      taxId: '91110108551385082Q',
      email: 'invoice@xiaomi.example',
      mobile: '13900139000',
      contact: '李出纳',
    });
  });

  it('adds the tags the row brings to those the customer had, once each', () => {
    expect(mergeImported(xiaomi(), row({ tags: ['北京', '月结', '月结'] }))?.tags).toEqual(['大客户', '北京', '月结']);
  });

  it('leaves alone what an import does not set: notes, kind, tier, review, source, ids, times and revision', () => {
    const current = xiaomi({ review: { status: 'verified', by: '王会计', at: 1 }, tier: 'vip' });
    const merged = mergeImported(
      current,
      row({
        contact: '李出纳',
        notes: '导入的备注',
        kind: 'individualBusiness',
        tier: 'normal',
        review: { status: 'pending' },
        invoiceDefaults: { type: 'special', remarks: '导入' },
      }),
    );
    if (!merged) throw new Error('the contact changed: expected a merge');
    const { contact, ...rest } = merged;
    const { contact: before, ...kept } = current;
    expect([before, contact]).toEqual(['王会计', '李出纳']);
    expect(rest).toEqual(kept);
  });

  it('gives null when the row changes nothing', () => {
    const current = xiaomi();
    expect(mergeImported(current, row({}))).toBeNull();
    expect(mergeImported(current, row({ tags: ['北京'], notes: '别的备注', contact: '王会计' }))).toBeNull();
    expect(
      mergeImported(
        current,
        row({ taxId: '91110000600037341L', entry: { id: 'x', address: '北京市海淀区西二旗中路33号' } }),
      ),
    ).toBeNull();
  });

  it('does not change the customer it is given', () => {
    const current = xiaomi();
    const copy = structuredClone(current);
    mergeImported(current, row({ name: '小米', tags: ['新'], entry: { id: 'main', address: '上海' } }));
    expect(current).toEqual(copy);
  });
});
