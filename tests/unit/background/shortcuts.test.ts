import { describe, expect, it } from 'vitest';
import {
  customerOfMenuItem,
  FILL_MENU_ID,
  fillMenuItems,
  notifyingChanges,
  serialized,
} from '../../../lib/background/shortcuts';
import type { Handlers } from '../../../lib/messaging/protocol';

describe('fill context menu', () => {
  it('lists recent customers under one parent and maps an item back to its customer', () => {
    const items = fillMenuItems(
      [
        { id: 'a', name: '杭州西湖龙井茶业有限公司', taxId: '913301061430725976' },
        { id: 'b', name: '王小明', taxId: '' },
        { id: 'c', name: '很'.repeat(60), taxId: '' },
      ],
      '用 Taitou 填入购买方',
    );
    expect(items.map((i) => [i.parentId ?? null, i.title])).toEqual([
      [null, '用 Taitou 填入购买方'],
      [FILL_MENU_ID, '杭州西湖龙井茶业有限公司  913301061430725976'],
      [FILL_MENU_ID, '王小明'],
      [FILL_MENU_ID, `${'很'.repeat(39)}…`],
    ]);
    expect(items.slice(1).map((i) => customerOfMenuItem(i.id))).toEqual(['a', 'b', 'c']);
    expect(customerOfMenuItem(FILL_MENU_ID)).toBeNull();
  });
});

describe('notifyingChanges', () => {
  it('tells after writes and fills, not after reads', async () => {
    const calls: string[] = [];
    const base = {
      'page:fill': async () => ({ ok: false, reason: 'noFields' }),
      'page:search': async () => [],
    } as unknown as Handlers;
    const wrapped = notifyingChanges(base, () => calls.push('changed'));
    await wrapped['page:search']({ query: 'x', limit: 1 });
    expect(calls).toEqual([]);
    expect(await wrapped['page:fill']({ tabId: 1, id: 'a' })).toEqual({ ok: false, reason: 'noFields' });
    expect(calls).toEqual(['changed']);
  });
});

describe('serialized', () => {
  it('never runs the task twice at once and reruns once for calls made meanwhile', async () => {
    let active = 0;
    let most = 0;
    let runs = 0;
    let release: () => void = () => {};
    const run = serialized(async () => {
      active++;
      runs++;
      most = Math.max(most, active);
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      active--;
    });
    run();
    run();
    run();
    release();
    await new Promise((r) => setTimeout(r, 0));
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect({ runs, most }).toEqual({ runs: 2, most: 1 });
  });
});
