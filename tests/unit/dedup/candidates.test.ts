import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addToBlocks,
  BLOCK_CAP,
  BLOCK_WINDOW,
  type Blocks,
  buildBlocks,
  buildBlocksInSteps,
  candidatePairs,
  removeFromBlocks,
} from '../../../lib/dedup/candidates';
import { blockKeys } from '../../../lib/dedup/keys';
import type { Customer } from '../../../lib/domain/customer';
import { generateCustomers } from '../../support/generate';
import { customer } from './records';

/*
 * The blocks keep their keys as one sorted array of numbers (built by a radix sort, and sorted again after adds and
 * removes). Whatever the sorting, the pairs must be those a plain reading of the keys gives: filed customers of one
 * key meet each other (only their next BLOCK_WINDOW neighbours, by slot, in a block over the cap), and those that
 * only look into the key meet its filed customers.
 */

/** The candidate pairs and block figures worked out from each live slot's keys with maps and sets. */
function expected(blocks: Blocks, cap: number) {
  const filed = new Map<number, Set<number>>();
  const looking = new Map<number, Set<number>>();
  blocks.profiles.forEach((profile, slot) => {
    if (!profile) return;
    blockKeys(profile, (key, probeOnly) => {
      const into = probeOnly ? looking : filed;
      into.set(key, (into.get(key) ?? new Set()).add(slot));
    });
  });
  const pairs = new Set<string>();
  const add = (i: number, j: number) => pairs.add(`${Math.min(i, j)} ${Math.max(i, j)}`);
  let largestBlock = 0;
  let oversized = 0;
  for (const [key, slots] of filed) {
    const members = [...slots].sort((x, y) => x - y);
    largestBlock = Math.max(largestBlock, members.length);
    if (members.length > cap) {
      oversized++;
      members.forEach((i, x) => {
        for (const j of members.slice(x + 1, x + 1 + BLOCK_WINDOW)) add(i, j);
      });
      continue;
    }
    members.forEach((i, x) => {
      for (const j of members.slice(x + 1)) add(i, j);
      for (const p of looking.get(key) ?? []) if (p !== i) add(i, p);
    });
  }
  const list = [...pairs].map((p) => p.split(' ').map(Number) as [number, number]);
  list.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  return { pairs: list, blocks: filed.size, largestBlock, oversized };
}

function sameAsExpected(blocks: Blocks, cap = BLOCK_CAP) {
  const want = expected(blocks, cap);
  const { pairs, stats } = candidatePairs(blocks, cap);
  expect(pairs).toEqual(want.pairs);
  expect(stats).toEqual({
    pairs: want.pairs.length,
    blocks: want.blocks,
    oversized: want.oversized,
    largestBlock: want.largestBlock,
  });
}

describe('candidate pairs from the sorted keys', () => {
  it('are the pairs that share a key in a generated book, a crowded phone block included', () => {
    const book: Customer[] = generateCustomers(3000, 21);
    // Sixty customers on one switchboard number: a block over the cap.
    for (const c of book.slice(0, 60)) {
      c.entries = c.entries.map((e) => ({ ...e, phone: '0571-88888888' }));
    }
    const blocks = buildBlocks(book);
    expect(blocks.sorted.every((value, x) => x === 0 || (blocks.sorted[x - 1] ?? 0) <= value)).toBe(true);
    sameAsExpected(blocks);
    expect(candidatePairs(blocks).stats.oversized).toBeGreaterThanOrEqual(1);
  });

  // Small pools of names, phones, accounts and tax IDs, so that customers share keys often and blocks overflow.
  const NAMES = [
    '北京小米科技有限公司',
    '小米科技（北京）有限责任公司',
    '北京小米科技有限公司上海分公司',
    '上海小米科技有限公司',
    '北京小米电子产品有限公司',
    '杭州西子湖茶业有限公司',
    '西子湖茶业',
    '张伟',
    '深圳华强电子有限公司',
    '华强电子',
    // A core with a repeated character files one key twice (乐乐玩具 less either 乐): one membership.
    '北京乐乐玩具有限公司',
    '乐乐玩具',
  ];
  const TAX_IDS = ['', '', '91110108551385082Q', '91110108MA01ABCD5T', '91310104MA1FL5LX3J', '110108551385082'];
  const PHONES = ['', '010-62345678', '13812345678', '0571-88888888'];
  const ACCOUNTS = ['', '6222021234567890', '1100123456789'];
  const arbitraryCustomer = fc.record({
    name: fc.constantFrom(...NAMES),
    taxId: fc.constantFrom(...TAX_IDS),
    phone: fc.constantFrom(...PHONES),
    bankAccount: fc.constantFrom(...ACCOUNTS),
  });
  const toCustomer = (id: string, c: { name: string; taxId: string; phone: string; bankAccount: string }) =>
    customer(id, {
      name: c.name,
      taxId: c.taxId,
      entries: [{ id: `${id}-1`, label: '', address: '', phone: c.phone, bankName: '', bankAccount: c.bankAccount }],
    });

  it('are the pairs that share a key for any small book and cap, built at once or kept in step', () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryCustomer, { minLength: 1, maxLength: 40 }),
        fc.array(fc.tuple(fc.boolean(), fc.nat(50), arbitraryCustomer), { maxLength: 15 }),
        fc.integer({ min: 1, max: 12 }),
        (initial, changes, cap) => {
          const blocks = buildBlocks(initial.map((c, n) => toCustomer(`c${n}`, c)));
          sameAsExpected(blocks, cap);
          // Adds (a new id, or an id already filed, which files it anew) and removes, then the same check.
          for (const [remove, n, c] of changes) {
            if (remove) removeFromBlocks(blocks, `c${n}`);
            else addToBlocks(blocks, toCustomer(`c${n}`, c));
          }
          sameAsExpected(blocks, cap);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('blocks built in steps', () => {
  it('are the blocks built at once, a slice of customers a step and the keys sorted last', () => {
    const book: Customer[] = generateCustomers(1000, 22);
    // A customer filed twice, in different slices: the later record counts, as when built at once.
    const again = { ...(book[10] as Customer), name: '杭州西子湖茶业有限公司' };
    const all = [...book, again];
    const steps = buildBlocksInSteps(all, 300);
    let count = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) count++;
    expect(count).toBe(Math.ceil(all.length / 300));
    const whole = buildBlocks(all);
    expect(step.value).toEqual(whole);
    expect(step.value.slotOf.get(again.id)).toBe(all.length - 1);
    expect(candidatePairs(step.value).pairs).toEqual(candidatePairs(whole).pairs);
  });
});
