import { describe, expect, it } from 'vitest';
import type { Customer } from '../../../lib/domain/customer';
import { reviewQueue } from '../../../lib/manager/review';
import { toRow } from '../../../lib/manager/rows';
import { customer, entry, NOW } from '../../support/customer';

const DAY = 86_400_000;
const FULL = entry('e', {
  address: '北京市海淀区清河中街68号',
  phone: '010-60606666',
  bankName: '中国工商银行北京海淀支行',
  bankAccount: '0200049619200088888',
});
/** A customer complete for a 专票, verified `daysAgo` days before NOW unless said otherwise. */
const made = (id: string, over: Partial<Customer> = {}, daysAgo = 10) =>
  customer(id, `客户${id}有限公司`, {
    taxId: '91110000600037341L',
    entries: [FULL],
    defaultEntryId: 'e',
    review: { status: 'verified', by: '张敏', at: NOW - daysAgo * DAY },
    ...over,
  });

describe('the review queue', () => {
  it('lists what is wrong before what is only old, each with its reasons', () => {
    const rows = [
      made('fresh'),
      made('old', {}, 400),
      made('pending', { review: { status: 'pending', by: '', at: null } }),
      made('badTax', { taxId: '91110000600037341X' }),
      made('bare', { entries: [entry('e', { address: '北京' })] }, 400),
    ].map(toRow);
    const queue = reviewQueue(rows, NOW, 12);
    expect(queue.map((i) => [i.row.customer.id, i.reasons])).toEqual([
      ['badTax', ['findings']],
      ['bare', ['incomplete', 'stale']],
      ['pending', ['neverVerified']],
      ['old', ['stale']],
    ]);
  });

  it('counts a verification as stale only past the months asked, and puts the most used first', () => {
    const rows = [
      made('a', { lastUsedAt: NOW - 5 * DAY }, 200),
      made('b', { lastUsedAt: NOW - DAY }, 200),
      made('c', { lastUsedAt: null }, 200),
    ].map(toRow);
    expect(reviewQueue(rows, NOW, 12)).toEqual([]);
    expect(reviewQueue(rows, NOW, 6).map((i) => i.row.customer.id)).toEqual(['b', 'a', 'c']);
  });
});
