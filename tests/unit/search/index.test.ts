import { describe, expect, it } from 'vitest';
import { normalizeQuery, type SearchHit, SearchIndex, type SearchRecord } from '../../../lib/search/index';
import { searchKeys } from '../../../lib/search/keys';
import { compareRank, frecency } from '../../../lib/search/rank';
import { generateCustomers } from '../../support/generate';

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 5, 1);

function record(
  id: string,
  name: string,
  options: { taxId?: string; tags?: string[]; lastUsedAt?: number | null; useCount?: number } = {},
): SearchRecord {
  return {
    id,
    name,
    keys: searchKeys(name, options.taxId ?? ''),
    tags: options.tags ?? [],
    lastUsedAt: options.lastUsedAt ?? null,
    useCount: options.useCount ?? 0,
  };
}

const BOOK = [
  record('xiaomi', '北京小米科技有限责任公司', { taxId: '91110108MA01ABCD5X', tags: ['VIP'] }),
  record('cqbank', '重庆银行股份有限公司', { taxId: '91500000202869177Y', tags: ['长期合作'] }),
  record('xmair', '厦门航空有限公司', { taxId: '913502001550054395' }),
  record('person', '张三'),
];

const ids = (hits: SearchHit[]) => hits.map((h) => h.id);

describe('SearchIndex: what it finds', () => {
  const index = new SearchIndex(BOOK);

  it.each([
    ['小米', 'substring', 'name'],
    ['xiaomi', 'substring', 'pinyin'],
    ['XiaoMi', 'substring', 'pinyin'],
    ['ｘｉａｏｍｉ', 'substring', 'pinyin'],
    [' xiao mi ', 'substring', 'pinyin'],
    ['beijingxiao', 'prefix', 'pinyin'],
    ['bjxm', 'prefix', 'initials'],
    ['北京小米', 'prefix', 'name'],
  ] as const)('finds 北京小米 by %j (%s in %s)', (query, match, field) => {
    expect(index.search(query)).toEqual([{ id: 'xiaomi', match, field }]);
  });

  it('reads polyphones as pinyin-pro does', () => {
    expect(index.search('chongqing')).toEqual([{ id: 'cqbank', match: 'prefix', field: 'pinyin' }]);
    expect(index.search('cq')).toEqual([{ id: 'cqbank', match: 'prefix', field: 'initials' }]);
    expect(index.search('yinhang')).toEqual([{ id: 'cqbank', match: 'substring', field: 'pinyin' }]);
    expect(index.search('xiamen')).toEqual([{ id: 'xmair', match: 'prefix', field: 'pinyin' }]);
    expect(index.search('zhongqing')).toEqual([]);
  });

  it('finds tax IDs by prefix, in any case', () => {
    expect(index.search('9111')).toEqual([{ id: 'xiaomi', match: 'prefix', field: 'taxId' }]);
    expect(index.search('ma01abcd')).toEqual([{ id: 'xiaomi', match: 'substring', field: 'taxId' }]);
    expect(index.search('91110108ma01abcd5x')).toEqual([{ id: 'xiaomi', match: 'exact', field: 'taxId' }]);
    expect(ids(index.search('9150'))).toEqual(['cqbank']);
  });

  it('finds tags, normalised like queries', () => {
    expect(index.search('vip')).toEqual([{ id: 'xiaomi', match: 'exact', field: 'tag' }]);
    expect(index.search('VI')).toEqual([{ id: 'xiaomi', match: 'prefix', field: 'tag' }]);
    expect(index.search('合作')).toEqual([{ id: 'cqbank', match: 'substring', field: 'tag' }]);
  });

  it('reports the best field of a record, the name first on a tie', () => {
    // 张三 is the name key, and its pinyin and initials do not match: exact in name.
    expect(index.search('张三')).toEqual([{ id: 'person', match: 'exact', field: 'name' }]);
    // zhangsan is the whole pinyin (exact) and zs the whole initials.
    expect(index.search('zhangsan')).toEqual([{ id: 'person', match: 'exact', field: 'pinyin' }]);
    expect(index.search('zs')).toEqual([{ id: 'person', match: 'exact', field: 'initials' }]);
  });

  it('returns nothing for an empty or blank query', () => {
    expect(index.search('')).toEqual([]);
    expect(index.search('  \t')).toEqual([]);
    expect(index.search('\u3000')).toEqual([]);
  });
});

describe('SearchIndex: ranking', () => {
  it('puts exact before prefix before substring, whatever the use', () => {
    const index = new SearchIndex([
      record('substring', '北京小米科技有限责任公司', { lastUsedAt: NOW, useCount: 500 }),
      record('prefix', '小米科技有限公司', { lastUsedAt: NOW - 100 * DAY, useCount: 1 }),
      record('exact', '小米'),
    ]);
    expect(index.search('小米').map((h) => [h.id, h.match])).toEqual([
      ['exact', 'exact'],
      ['prefix', 'prefix'],
      ['substring', 'substring'],
    ]);
  });

  it('orders the same kind of match by recency and frequency', () => {
    const index = new SearchIndex([
      record('never', '上海华信贸易有限公司'),
      record('once-today', '深圳华信电子有限公司', { lastUsedAt: NOW, useCount: 1 }),
      record('often-3-weeks-ago', '广州华信物流有限公司', { lastUsedAt: NOW - 21 * DAY, useCount: 100 }),
      record('once-3-days-ago', '成都华信建材有限公司', { lastUsedAt: NOW - 3 * DAY, useCount: 1 }),
      record('twice-a-week-ago', '武汉华信食品有限公司', { lastUsedAt: NOW - 7 * DAY, useCount: 2 }),
    ]);
    expect(ids(index.search('华信'))).toEqual([
      'often-3-weeks-ago',
      'once-today',
      'twice-a-week-ago',
      'once-3-days-ago',
      'never',
    ]);
  });

  it('breaks remaining ties by shorter name, then pinyin', () => {
    const index = new SearchIndex([
      record('long', '北京华信科技股份有限公司'),
      record('shanghai', '上海华信科技有限公司'),
      record('beijing', '北京华信科技有限公司'),
    ]);
    expect(ids(index.search('华信科技'))).toEqual(['beijing', 'shanghai', 'long']);
  });

  it('scores frecency independently of the clock', () => {
    expect(frecency(null, 0)).toBeLessThan(frecency(1, 0));
    expect(frecency(NOW - 21 * DAY, 100)).toBeGreaterThan(frecency(NOW, 1));
  });
});

describe('SearchIndex: changes and limits', () => {
  it('replaces a record on upsert', () => {
    const index = new SearchIndex(BOOK);
    index.upsert(record('xiaomi', '小米通讯技术有限公司', { taxId: '91110108MA01ABCD5X' }));
    expect(index.size).toBe(4);
    expect(index.search('bjxm')).toEqual([]);
    expect(index.search('vip')).toEqual([]);
    expect(index.search('xiaomitongxun')).toEqual([{ id: 'xiaomi', match: 'prefix', field: 'pinyin' }]);
    expect(ids(index.search('9111'))).toEqual(['xiaomi']);
  });

  it('moves a record when it is used', () => {
    const a = record('a', '北京华信科技有限公司');
    const b = record('b', '上海华信科技有限公司');
    const index = new SearchIndex([a, b]);
    expect(ids(index.search('huaxin'))).toEqual(['a', 'b']);
    index.upsert({ ...b, lastUsedAt: NOW, useCount: 1 });
    expect(ids(index.search('huaxin'))).toEqual(['b', 'a']);
  });

  it('removes a record', () => {
    const index = new SearchIndex(BOOK);
    expect(index.remove('xiaomi')).toBe(true);
    expect(index.remove('xiaomi')).toBe(false);
    expect(index.size).toBe(3);
    expect(index.search('xiaomi')).toEqual([]);
    expect(ids(index.search('cq'))).toEqual(['cqbank']);
  });

  it.each([
    ['北京华信', 'name'],
    ['beijinghuaxin', 'pinyin'],
    ['bjhx', 'initials'],
    ['91110108ma01abcd5x', 'taxId'],
    ['vip', 'tag'],
  ] as const)('finds an exact hit (%s in %s) behind more prefix hits than the limit', (query, field) => {
    // The exact record is never used, so it comes last in the scan, after 25 used prefix hits.
    const prefixHits = Array.from({ length: 25 }, (_, i) =>
      record(`p${i}`, `北京华信科技${i}有限公司`, {
        taxId: `91110108MA01ABCD5X${i}`,
        tags: ['VIP客户'],
        lastUsedAt: NOW - i * DAY,
        useCount: 3,
      }),
    );
    const exact = record('exact', '北京华信', { taxId: '91110108MA01ABCD5X', tags: ['VIP'] });
    const hits = new SearchIndex([exact, ...prefixHits]).search(query, 20);
    expect(hits[0]).toEqual({ id: 'exact', match: 'exact', field });
    expect(hits).toHaveLength(20);
    expect(hits.slice(1).every((h) => h.match === 'prefix')).toBe(true);
  });

  it('respects the limit and keeps the best hits', () => {
    const records = Array.from({ length: 30 }, (_, i) =>
      record(`r${i}`, `北京华信科技${String(i).padStart(2, '0')}有限公司`, { lastUsedAt: NOW - i * DAY, useCount: 1 }),
    );
    const index = new SearchIndex([...records].reverse());
    expect(ids(index.search('huaxin', 5))).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
    expect(index.search('huaxin')).toHaveLength(20);
    expect(index.search('huaxin', 0)).toEqual([]);
  });
});

/** The specification, written the slow and obvious way. */
function reference(records: SearchRecord[], query: string, limit: number): SearchHit[] {
  const q = normalizeQuery(query);
  if (!q) return [];
  const kinds = ['exact', 'prefix', 'substring'] as const;
  const kindOf = (text: string) => (text === q ? 0 : text.startsWith(q) ? 1 : text.includes(q) ? 2 : 3);
  const scored = records.flatMap((r) => {
    const fields: [SearchHit['field'], string][] = [
      ['name', r.keys.name],
      ['pinyin', r.keys.pinyin],
      ['initials', r.keys.initials],
      ['taxId', (r.keys.taxId ?? '').toLowerCase()],
      ...r.tags.map((t): [SearchHit['field'], string] => ['tag', normalizeQuery(t)]),
    ];
    let best = { kind: 3, field: 'name' as SearchHit['field'] };
    for (const [field, text] of fields) {
      const kind = text ? kindOf(text) : 3;
      if (kind < best.kind) best = { kind, field };
    }
    const rank = { id: r.id, score: frecency(r.lastUsedAt, r.useCount), name: r.keys.name, pinyin: r.keys.pinyin };
    return best.kind < 3 ? [{ ...best, rank }] : [];
  });
  scored.sort((a, b) => a.kind - b.kind || compareRank(a.rank, b.rank));
  return scored
    .slice(0, limit)
    .map((s) => ({ id: s.rank.id, match: kinds[s.kind] as SearchHit['match'], field: s.field }));
}

describe('SearchIndex against the specification, on generated customers', () => {
  // Some customers get more tags than the index has tag bits (32), so that bits are shared.
  const customers = generateCustomers(1500, 7).map((c, i) =>
    i % 3 === 0 ? { ...c, tags: [...c.tags, `标签${i % 41}`, `T${i % 37}`] } : c,
  );
  // Queries cut from the records themselves, so that most of them match something.
  const queries = [
    ...customers.slice(0, 60).flatMap((c, i) => {
      const cut = (text: string, from: number, length: number) => text.slice(from, from + length);
      return [
        cut(c.keys.name, i % 4, 1 + (i % 5)),
        cut(c.keys.pinyin, i % 9, 1 + (i % 8)),
        cut(c.keys.pinyin, 0, 9 + (i % 6)),
        cut(c.keys.initials, 0, 1 + (i % 5)),
        cut(c.taxId, 0, 1 + (i % 10)),
        cut(c.taxId, 5, 6).toLowerCase(),
        c.tags[0] ?? '集团',
        c.name,
      ];
    }),
    ...['标签1', '标签', 't1', 'T3', 'vip', 'v', '(', '（北京）', '#', 'q', 'zzzz', '有限公司', 'gongsi', 'yxgs', '9'],
  ];

  it('gives the same hits, in the same order', () => {
    const index = new SearchIndex(customers);
    for (const q of queries) expect(index.search(q, 15), q).toEqual(reference(customers, q, 15));
  });

  it('gives the same hits when built one upsert at a time', () => {
    const index = new SearchIndex();
    for (const c of customers) index.upsert(c);
    expect(index.size).toBe(customers.length);
    for (const q of queries) expect(index.search(q, 15), q).toEqual(reference(customers, q, 15));
  });

  it.each([
    ['a few changes, one at a time', 20],
    ['many changes, by rebuilding', 700],
  ])('applies %s like an index built afresh', (_, count) => {
    const index = new SearchIndex(customers.slice(0, 1000));
    const removed = customers.slice(0, count / 2).map((c) => c.id);
    const renamed = customers.slice(count / 2, count).map((c) => ({ ...c, useCount: c.useCount + 5, lastUsedAt: NOW }));
    const added = customers.slice(1000, 1000 + count / 2);
    index.apply([...renamed, ...added], removed);
    const live = [...renamed, ...customers.slice(count, 1000), ...added];
    expect(index.size).toBe(live.length);
    for (const q of queries) expect(index.search(q, 15), q).toEqual(reference(live, q, 15));
    expect(index.keys().ids.sort()).toEqual(live.map((c) => c.id).sort());
  });

  it('stays right through upserts and removes', () => {
    const index = new SearchIndex(customers.slice(0, 1000));
    let live = customers.slice(0, 1000);
    for (let i = 0; i < 300; i++) {
      const c = customers[(i * 7919) % customers.length];
      if (!c) continue;
      if (i % 3 === 0) {
        index.remove(c.id);
        live = live.filter((r) => r.id !== c.id);
      } else {
        const used = { ...c, lastUsedAt: NOW + i * 1000, useCount: c.useCount + 1 };
        index.upsert(used);
        live = [...live.filter((r) => r.id !== c.id), used];
      }
    }
    expect(index.size).toBe(live.length);
    for (const q of queries) expect(index.search(q, 15), q).toEqual(reference(live, q, 15));
    // Every record, the last in rank order included, is still found by its own tax ID.
    for (const c of live.filter((r) => r.taxId)) {
      expect(index.search(c.taxId, 1), c.name).toEqual([{ id: c.id, match: 'exact', field: 'taxId' }]);
    }
  });

  it('restores from its snapshot to the same index, which then takes changes like the original', () => {
    const original = new SearchIndex(customers);
    // Through structuredClone, as IndexedDB stores it.
    const restored = SearchIndex.restore(structuredClone(original.snapshot()));
    if (!restored) throw new Error('refused its own snapshot');
    for (const q of queries) expect(restored.search(q, 15), q).toEqual(original.search(q, 15));
    const [first, second] = customers;
    if (!first || !second) throw new Error('no customers');
    for (const idx of [original, restored]) {
      idx.remove(first.id);
      idx.upsert({ ...second, tags: ['新标签'], lastUsedAt: NOW, useCount: 9 });
      idx.upsert(record('new', '宁波港湾物流有限公司', { taxId: '91330206MA2H3K5P7L', tags: ['VIP'] }));
    }
    for (const q of [...queries, '新标签', 'nbgw', '9133'])
      expect(restored.search(q, 15), q).toEqual(original.search(q, 15));
  });
});

describe('SearchIndex snapshots it cannot use', () => {
  const snapshot = new SearchIndex(BOOK).snapshot();
  it.each([
    ['another version', { ...snapshot, version: snapshot.version + 1 }],
    ['a column cut short', { ...snapshot, pinyins: snapshot.pinyins.slice(1) }],
    ['a table of another shape', { ...snapshot, table: new Uint32Array(7) }],
  ])('refuses %s', (_, damaged) => {
    expect(SearchIndex.restore(damaged)).toBeNull();
  });
});
