import { describe, expect, it } from 'vitest';
import type { Customer } from '../../../lib/domain/customer';
import { matches, NO_FILTER, type Row, sortRows, toRow } from '../../../lib/manager/rows';
import { entry, NOW, customer as record } from '../../support/customer';

const MONTH = 30 * 86_400_000;

/** A customer added ten months ago; each test row says what happened since. */
const customer = (id: string, name: string, over: Partial<Customer> = {}): Customer =>
  record(id, name, { createdAt: NOW - 10 * MONTH, updatedAt: NOW - 10 * MONTH, ...over });

const full = {
  address: '北京市海淀区清河中街68号',
  phone: '010-60606666',
  bankName: '工商银行',
  bankAccount: '0200049619200088888',
};
const ROWS: Row[] = [
  customer('a', '北京小米科技有限责任公司', {
    taxId: '91110000600037341L',
    tier: 'vip',
    tags: ['长期'],
    entries: [entry('a-1', full)],
    review: { status: 'verified', by: '王会计', at: NOW - MONTH },
    updatedAt: NOW - 2 * MONTH,
  }),
  customer('b', '重庆银行股份有限公司', { taxId: '91500000202869177X', source: 'import', updatedAt: NOW - MONTH }),
  customer('c', '安徽江淮汽车集团股份有限公司', { lastUsedAt: NOW - 2 * MONTH, source: 'capture', updatedAt: NOW }),
].map(toRow);
const ids = (rows: Row[]) => rows.map((r) => r.customer.id);

describe('manager rows', () => {
  it('flags what is incomplete for 专票 and what is wrong', () => {
    expect(ROWS.map((r) => [r.incomplete, r.invalid])).toEqual([
      [false, false],
      [true, true], // 91500000202869177X has the wrong check character
      [true, false],
    ]);
  });

  it.each([
    [{ text: 'xiaomi' }, ['a']],
    [{ text: 'CQ' }, ['b']],
    [{ text: '9150' }, ['b']],
    [{ tier: 'vip' }, ['a']],
    [{ tag: '长期' }, ['a']],
    [{ source: 'capture' as const }, ['c']],
    [{ review: 'pending' as const }, ['b', 'c']],
    [{ incomplete: true }, ['b', 'c']],
    [{ invalid: true }, ['b']],
    // Not used and not verified for 3 months: c was used 2 months ago, a verified 1 month ago.
    [{ idleMonths: 3 }, ['b']],
    [{ idleMonths: 1 }, ['b', 'c']],
  ])('filters by %j', (filter, expected) => {
    expect(ids(ROWS.filter((r) => matches(r, { ...NO_FILTER, ...filter }, NOW)))).toEqual(expected);
  });

  it('sorts names by pinyin, dates by time, either way', () => {
    expect(ids(sortRows(ROWS, { key: 'name', descending: false }))).toEqual(['c', 'a', 'b']);
    expect(ids(sortRows(ROWS, { key: 'updatedAt', descending: true }))).toEqual(['c', 'b', 'a']);
    expect(ids(sortRows(ROWS, { key: 'lastUsedAt', descending: true }))).toEqual(['c', 'a', 'b']);
  });
});
