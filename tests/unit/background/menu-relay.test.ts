import { describe, expect, it } from 'vitest';
import { menuRelay } from '../../../lib/background/menu-relay';
import type { MenuBroadcast } from '../../../lib/messaging/protocol';

describe('menuRelay', () => {
  it("passes each field event to the menus of the sender's tab and remembers the query for a menu that loads late", async () => {
    const heard: MenuBroadcast[] = [];
    const relay = menuRelay(async (m) => {
      if (m.type === 'taitou:menu') heard.push(m);
    });
    await relay['cs:menu']({ event: 'open', query: '小' }, { tabId: 4, frameId: 2 });
    await relay['cs:menu']({ event: 'query', query: '小米' }, { tabId: 4, frameId: 2 });
    await relay['cs:menu']({ event: 'down', query: '' }, { tabId: 4, frameId: 2 });
    expect(heard.map((m) => [m.tabId, m.event, m.query])).toEqual([
      [4, 'open', '小'],
      [4, 'query', '小米'],
      [4, 'down', ''],
    ]);
    expect(await relay['page:menuState']({ tabId: 4 })).toEqual({ query: '小米', open: true });
    expect(await relay['page:menuState']({ tabId: 5 })).toEqual({ query: '', open: false });
    await relay['cs:menu']({ event: 'close', query: '' }, { tabId: 4 });
    expect(await relay['page:menuState']({ tabId: 4 })).toEqual({ query: '小米', open: false });
  });

  it('ignores events that come from no tab', async () => {
    const heard: MenuBroadcast[] = [];
    const relay = menuRelay(async (m) => {
      if (m.type === 'taitou:menu') heard.push(m);
    });
    await relay['cs:menu']({ event: 'enter', query: '' }, {});
    expect(heard).toEqual([]);
  });
});
