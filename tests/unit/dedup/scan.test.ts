import { describe, expect, it } from 'vitest';
import { addToBlocks, BLOCK_CAP, buildBlocks, candidatePairs, removeFromBlocks } from '../../../lib/dedup/candidates';
import { checkOne, scan, scanBlocks } from '../../../lib/dedup/scan';
import { completeness, suggestSurvivor } from '../../../lib/dedup/survivor';
import type { Customer } from '../../../lib/domain/customer';
import { searchKeys } from '../../../lib/search/keys';
import { entry } from '../../support/customer';
import { generateCustomers } from '../../support/generate';
import { customer } from './records';

const XIAOMI = '91110108551385082Q';
const OTHER_BJ = '91110108MA01ABCD5T';
const SHANGHAI = '91310104MA1FL5LX3J';

const c = (id: string, name: string, taxId = '', fields: Partial<Customer> = {}) =>
  customer(id, { ...fields, name, taxId });
const full = (id: string, name: string, taxId = '', fields: Partial<Customer> = {}) =>
  c(id, name, taxId, {
    ...fields,
    entries: [
      {
        id: `${id}-1`,
        label: '',
        address: '北京市海淀区清河中街68号',
        phone: '010-62345678',
        bankName: '招商银行北京清河支行',
        bankAccount: '6222021234567890',
      },
    ],
  });

describe('the scan', () => {
  it('groups the copies of one customer, ranks the surest first, and leaves the others alone', () => {
    const book = [
      c('x1', '北京小米科技有限公司', XIAOMI),
      c('x2', '小米科技（北京）有限责任公司', XIAOMI),
      c('u1', '上海大华纺织品进出口有限公司'),
      c('u2', '上海大華纺织品进出口有限公司'),
      c('lone', '杭州西子湖茶业有限公司', '91330106MA27Y8RL06'),
      c('p', '北京小米电子产品有限公司', OTHER_BJ),
    ];
    const { clusters, stats } = scan(book);
    expect(clusters.map((k) => [...k.ids].sort())).toEqual([
      ['x1', 'x2'],
      ['u1', 'u2'],
    ]);
    expect(clusters[0]).toMatchObject({ kinds: ['sameTaxId'], autoMerge: true, confidence: 1 });
    expect(clusters[1]?.autoMerge).toBe(false);
    expect(clusters[1]?.confidence).toBeLessThan(1);
    expect(clusters[1]?.pairs[0]?.reasons.map((r) => r.code)).toContain('name.typo');
    expect(stats.customers).toBe(6);
    expect(stats.pairs).toBeLessThan(15);
  });

  it('joins a chain of copies into one cluster at the confidence of its weakest link', () => {
    const book = [
      c('a', '北京小米科技有限公司', XIAOMI),
      c('b', '北京小米科技有限公司', XIAOMI),
      c('d', '小米科技有限公司'),
    ];
    const [cluster] = scan(book).clusters;
    expect(cluster?.ids.sort()).toEqual(['a', 'b', 'd']);
    expect(cluster?.autoMerge).toBe(false);
    expect(cluster?.confidence).toBeLessThan(0.9);
    expect(cluster?.kinds).toContain('sameTaxId');
  });

  it('never puts a branch with its head office, even through a copy both resemble', () => {
    const book = [
      c('head', '北京小米科技有限公司', XIAOMI),
      c('copy', '小米科技', ''),
      c('branch', '北京小米科技有限公司上海分公司', SHANGHAI),
    ];
    for (const cluster of scan(book).clusters) {
      expect(cluster.ids.includes('head') && cluster.ids.includes('branch')).toBe(false);
    }
  });

  it('does not chain companies with different tax IDs through one name without a tax ID', () => {
    const book = [
      c('a', '北京华信科技有限公司', XIAOMI),
      c('b', '北京华新科技有限公司', OTHER_BJ),
      c('loose', '华欣科技有限公司'),
    ];
    for (const cluster of scan(book).clusters) {
      expect(cluster.ids.includes('a') && cluster.ids.includes('b')).toBe(false);
    }
  });

  it('still shows the same name under two tax IDs as one cluster, for the clerk to judge', () => {
    const [cluster] = scan([
      c('a', '北京小米科技有限公司', XIAOMI),
      c('b', '北京小米科技有限责任公司', OTHER_BJ),
    ]).clusters;
    expect(cluster).toMatchObject({ kinds: ['sameNameOtherTaxId'], autoMerge: false });
  });

  it('suggests the most complete member as the survivor, then the one verified last', () => {
    const book = [
      c('bare', '北京小米科技有限公司', XIAOMI),
      full('complete', '北京小米科技有限公司', XIAOMI),
      full('verified', '北京小米科技有限公司', XIAOMI, { review: { status: 'verified', by: '王会计', at: 5 } }),
    ];
    const [cluster] = scan(book).clusters;
    expect(cluster?.survivorId).toBe('verified');
    expect(cluster?.ids[0]).toBe('verified');
    expect(suggestSurvivor(book.slice(0, 2))?.id).toBe('complete');
    expect(completeness(book[1] as Customer)).toBeGreaterThan(completeness(book[0] as Customer));
  });
});

describe('candidate pairs', () => {
  it('caps a block: a phone a hundred customers share gives each only its next neighbours', () => {
    const shared = Array.from({ length: 100 }, (_, i) =>
      // Trade names that share no character, so that only the phone brings them together.
      c(`s${i}`, `杭州${String.fromCharCode(0x4e00 + i * 37, 0x5e00 + i * 53)}贸易有限公司`, '', {
        entries: [{ id: 'e', label: '', address: '', phone: '0571-88888888', bankName: '', bankAccount: '' }],
      }),
    );
    const { pairs, stats } = candidatePairs(buildBlocks(shared));
    expect(stats.oversized).toBeGreaterThanOrEqual(1);
    expect(stats.largestBlock).toBe(100);
    expect(pairs.length).toBeLessThan(100 * 5);
    expect(pairs.length).toBeGreaterThanOrEqual(99);
    const small = candidatePairs(buildBlocks(shared.slice(0, BLOCK_CAP)));
    expect(small.pairs.length).toBe((BLOCK_CAP * (BLOCK_CAP - 1)) / 2);
  });

  it('gives each pair once, lower slot first', () => {
    const { pairs } = candidatePairs(
      buildBlocks([c('a', '北京小米科技有限公司', XIAOMI), c('b', '北京小米科技有限公司', XIAOMI)]),
    );
    expect(pairs).toEqual([[0, 1]]);
  });
});

describe('planted duplicates in a generated book', () => {
  // A deterministic book, a copy of every fiftieth customer written as clerks write: another legal-form spelling,
  // spaces, the region dropped, full-width, two characters swapped; a third of the copies keep the tax ID.
  // DEDUP_DEBUG=1 lists the copies the scan misses.
  const book = generateCustomers(5000, 11);
  const variants: ((name: string) => string)[] = [
    (n) =>
      n
        .replace(/有限责任公司$/, '有限公司@')
        .replace(/(?<!股份)有限公司$/, '有限责任公司')
        .replace('@', ''),
    (n) => ` ${n.slice(0, 2)} ${n.slice(2)}\u3000`,
    (n) => n.replace(/^(北京|上海|深圳|广州|重庆|厦门|杭州|成都|长沙|武汉|南京|苏州|天津|西安|青岛)(?!市)/, ''),
    (n) => n.replace(/[A-Za-z0-9()（）]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)),
    // The trade name's first two characters swapped (after a two-character city, as most generated names begin).
    (n) => (/^..市/.test(n) ? ` ${n}` : n.slice(0, 2) + n.charAt(3) + n.charAt(2) + n.slice(4)),
  ];
  const planted: [string, string][] = [];
  const copies: Customer[] = [];
  book.forEach((source, i) => {
    if (i % 50 !== 0 || source.kind === 'naturalPerson') return;
    const name = variants[(i / 50) % variants.length]?.(source.name) ?? source.name;
    const taxId = i % 150 === 0 ? source.taxId : '';
    copies.push({ ...source, id: `copy-${i}`, name, taxId, keys: searchKeys(name, taxId) });
    planted.push([source.id, `copy-${i}`]);
  });
  const all = [...book, ...copies];

  it('finds at least 95% of them, comparing a few pairs per customer', () => {
    const started = performance.now();
    const { clusters, stats } = scan(all);
    const ms = performance.now() - started;
    const clusterOf = new Map<string, number>();
    clusters.forEach((k, n) => {
      for (const id of k.ids) clusterOf.set(id, n);
    });
    const found = planted.filter(([a, b]) => clusterOf.has(a) && clusterOf.get(a) === clusterOf.get(b)).length;
    const recall = found / planted.length;
    if (process.env.DEDUP_DEBUG) {
      for (const [a, b] of planted.filter(([x, y]) => !(clusterOf.has(x) && clusterOf.get(x) === clusterOf.get(y)))) {
        console.log(all.find((x) => x.id === a)?.name, '|', all.find((x) => x.id === b)?.name);
      }
    }
    console.log(
      `dedup scan: ${all.length} customers, ${planted.length} planted, recall ${(recall * 100).toFixed(1)}%, ` +
        `${stats.pairs} pairs compared, ${clusters.length} clusters, ${ms.toFixed(0)} ms`,
    );
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(stats.pairs).toBeLessThan(all.length * 3);
    expect(Math.max(...clusters.map((k) => k.ids.length))).toBeLessThanOrEqual(4);
  });

  it('answers the check on one add from blocks built once, and keeps them in step', () => {
    const blocks = buildBlocks(book);
    for (const [source, copy] of planted.slice(0, 20)) {
      const draft = copies.find((x) => x.id === copy) as Customer;
      const { id, ...withoutId } = draft;
      const { duplicates } = checkOne(withoutId, blocks);
      expect(duplicates.map((d) => d.id)).toContain(source);
    }
    const [source = '', copy = ''] = planted[0] ?? [];
    const draft = copies.find((x) => x.id === copy) as Customer;
    addToBlocks(blocks, draft);
    expect(checkOne(draft, blocks).duplicates.map((d) => d.id)).toEqual([source]);
    removeFromBlocks(blocks, source);
    expect(checkOne(draft, blocks).duplicates).toEqual([]);
    expect(checkOne({ ...draft, id: 'new' }, blocks).duplicates.map((d) => d.id)).toEqual([copy]);
    expect(scan(book.filter((x) => x.id !== source)).clusters.some((k) => k.ids.includes(copy))).toBe(false);
  });
});

describe('the check on one add', () => {
  const book = [
    c('head', '北京小米科技有限公司', XIAOMI),
    c('sh', '北京小米科技有限公司上海分公司', SHANGHAI),
    c('far', '上海小米科技有限公司', '91310115MA1K3YJ12G'),
  ];
  const blocks = buildBlocks(book);

  it('finds the likely duplicates and says what else is related', () => {
    const result = checkOne(c('draft', '小米科技（北京）有限责任公司', XIAOMI.toLowerCase()), blocks);
    expect(result.duplicates.map((d) => [d.id, d.kind, d.auto])).toEqual([['head', 'sameTaxId', true]]);
    const branch = checkOne(c('draft', '北京小米科技有限公司广州分公司'), blocks);
    expect(branch.duplicates).toEqual([]);
    expect(branch.related.map((r) => [r.id, r.kind])).toEqual(
      expect.arrayContaining([
        ['head', 'branchOfHeadOffice'],
        ['sh', 'siblingBranch'],
      ]),
    );
  });

  it('passes over the customer being edited', () => {
    expect(checkOne(book[0] as Customer, blocks).duplicates).toEqual([]);
  });
});

describe('blocks kept in step', () => {
  it('build themselves again when most slots are empty, finding the same duplicates', () => {
    const blocks = buildBlocks([c('a', '北京小米科技有限公司', XIAOMI)]);
    for (let n = 0; n < 1500; n++) addToBlocks(blocks, c('b', `上海大华纺织品进出口有限公司${n % 2 ? '' : ' '}`));
    expect(blocks.profiles.length).toBeLessThan(1100);
    expect(blocks.slotOf.size).toBe(2);
    expect(checkOne(c('new', '小米科技（北京）有限公司', XIAOMI), blocks).duplicates.map((d) => d.id)).toEqual(['a']);
    expect(checkOne(c('new', '上海大华纺织品进出口有限公司'), blocks).duplicates.map((d) => d.id)).toEqual(['b']);
    expect(scanBlocks(blocks).clusters).toEqual([]);
  });
});

describe('the suggested survivor', () => {
  it('is the record with the credit code rather than the old tax ID, unless the old one is far more complete', () => {
    const full = {
      address: '北京市海淀区清河中街68号',
      phone: '010-60606666',
      bankName: '工行',
      bankAccount: '0200049619200088888',
    };
    const uscc = customer('new', { name: '北京小米科技有限责任公司', taxId: '91110000600037341L' });
    const legacy = customer('old', {
      name: '北京小米科技有限责任公司',
      taxId: '110108600037341',
      entries: [entry('old-1', { address: full.address })],
      defaultEntryId: 'old-1',
    });
    expect(suggestSurvivor([legacy, uscc])?.id).toBe('new');
    const richer = { ...legacy, entries: [entry('old-1', full)], contact: '王会计' };
    expect(suggestSurvivor([richer, uscc])?.id).toBe('old');
  });
});
