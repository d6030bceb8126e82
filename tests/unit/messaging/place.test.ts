import { describe, expect, it } from 'vitest';
import { EMBEDDED_MESSAGES } from '../../../lib/messaging/embedded';
import { type MessageName, PROTOCOL } from '../../../lib/messaging/protocol';
import { serves } from '../../../lib/messaging/reach';
import { admit, RefusedMessage } from '../../../lib/messaging/router';
import { embeddedPage, frameOrigin, type SenderInfo } from '../../../lib/messaging/sender';

const self = { id: 'abcdefghijklmnop', origin: 'chrome-extension://abcdefghijklmnop/' };
const PORTAL = 'https://dppt.guangdong.chinatax.gov.cn:8443/blue-invoice-makeout?x=1#/form';
const ENABLED = 'https://erp.example.com/invoices/new';

/**
 * The browser's side of permissions.contains: the host patterns granted now, matched as Chrome matches a request for
 * one site (a pattern for its scheme and host, `*://` for both schemes, or the all-sites grant). Counts its calls.
 */
function browserPermissions(granted: string[] = []) {
  const set = new Set(granted);
  const calls: string[] = [];
  return {
    calls,
    grant: (pattern: string) => set.add(pattern),
    revoke: (pattern: string) => set.delete(pattern),
    reach: {
      allows: async (pattern: string) => {
        calls.push(pattern);
        const m = /^(https?):\/\/([^/]+)\/\*$/.exec(pattern);
        if (!m) throw new Error(`Invalid pattern ${pattern}`);
        return set.has(pattern) || set.has(`*://${m[2]}/*`) || set.has('*://*/*');
      },
    },
  };
}

const contentScript = (url: string | undefined, origin?: string): SenderInfo => ({
  id: self.id,
  url,
  ...(origin === undefined ? {} : { origin }),
  tab: { id: 7, url: PORTAL },
  frameId: 0,
});

/** A valid payload for every message a content script sends; a new cs: message must add one. */
const CS_PAYLOADS = {
  'cs:menu': { event: 'query', query: 'hzxh' },
  'cs:capture': {
    name: '杭州西湖龙井茶业有限公司',
    taxId: '91330106MA2B2C3D4E',
    address: '',
    phone: '',
    bankName: '',
    bankAccount: '',
  },
  'cs:issued': {
    buyerName: '杭州西湖龙井茶业有限公司',
    buyerTaxId: '91330106MA2B2C3D4E',
    number: '24332000000000000001',
    items: [{ name: '*茶*龙井', amount: 100_000, taxRate: '13%', tax: 13_000 }],
  },
  'cs:warm': {},
} satisfies Record<Extract<MessageName, `cs:${string}`>, unknown>;
const CS = Object.keys(CS_PAYLOADS) as (keyof typeof CS_PAYLOADS)[];

const accepted = (name: keyof typeof CS_PAYLOADS, sender: SenderInfo, reach = browserPermissions().reach) =>
  admit(name, CS_PAYLOADS[name], sender, self, reach);

describe('content-script messages and the frame they come from', () => {
  it('lists every cs: message of the protocol', () => {
    expect(CS.sort()).toEqual(
      Object.keys(PROTOCOL)
        .filter((n) => n.startsWith('cs:'))
        .sort(),
    );
  });

  it.each(CS)('%s: accepted from a frame on the platform, without asking the browser', async (name) => {
    const permissions = browserPermissions();
    for (const [url, origin] of [
      [PORTAL, 'https://dppt.guangdong.chinatax.gov.cn:8443'],
      [PORTAL, undefined], // Firefox gives no origin: the URL's
      ['http://dppt.shanghai.chinatax.gov.cn/', 'http://dppt.shanghai.chinatax.gov.cn'],
      ['https://chinatax.gov.cn/', undefined],
      // A frame the portal made itself (about:blank, srcdoc) is the portal's.
      ['about:blank', 'https://dppt.guangdong.chinatax.gov.cn'],
      ['about:srcdoc', 'https://dppt.guangdong.chinatax.gov.cn'],
    ] as const) {
      await expect(accepted(name, contentScript(url, origin), permissions.reach)).resolves.toBeTypeOf('object');
    }
    expect(permissions.calls).toEqual([]);
  });

  it.each(CS)('%s: refused from a frame on neither the platform nor an enabled site', async (name) => {
    const permissions = browserPermissions(['https://erp.example.com/*']);
    const strangers: [string | undefined, string?][] = [
      ['https://evil.example/', 'https://evil.example'],
      ['https://evil.example/'],
      ['http://127.0.0.1:8080/form.html', 'http://127.0.0.1:8080'],
      ['https://chinatax.gov.cn.evil.example/', 'https://chinatax.gov.cn.evil.example'],
      ['https://evilchinatax.gov.cn/'],
      // The enabled site's scheme only: its plain-http twin was never granted.
      ['http://erp.example.com/invoices/new'],
      ['https://erp.example.com.evil.example/'],
      // Neither a data:, file: or blob: document, nor a frame with no address at all.
      ['data:text/html,<input name=gmfmc>', 'null'],
      ['data:text/html,<input name=gmfmc>'],
      ['file:///C:/Users/clerk/invoice.html'],
      ['blob:https://dppt.guangdong.chinatax.gov.cn/0b7a', 'https://dppt.guangdong.chinatax.gov.cn'],
      [undefined],
      [undefined, 'https://evil.example'],
      // A sandboxed frame on the portal has no origin of its own: not the portal's.
      [PORTAL, 'null'],
      // about:blank without an origin (Firefox), or made by a stranger.
      ['about:blank'],
      ['about:blank', 'https://evil.example'],
      ['about:blankx', 'https://dppt.guangdong.chinatax.gov.cn'],
      // The URL and the origin disagree: neither is believed.
      [PORTAL, 'https://evil.example'],
      ['https://evil.example/', 'https://dppt.guangdong.chinatax.gov.cn'],
      [PORTAL, 'https://dppt.guangdong.chinatax.gov.cn:8443/'],
      ['chrome-extension://otherextensionidxx/page.html', 'chrome-extension://otherextensionidxx'],
    ];
    for (const [url, origin] of strangers) {
      await expect(accepted(name, contentScript(url, origin), permissions.reach), `${url} ${origin}`).rejects.toThrow(
        new RegExp(`^${name}: not accepted from a frame Taitou does not serve`),
      );
    }
  });

  it.each(CS)('%s: accepted from a site the clerk enabled, refused as soon as it is taken back', async (name) => {
    const permissions = browserPermissions();
    const sender = contentScript(ENABLED, 'https://erp.example.com');
    await expect(accepted(name, sender, permissions.reach)).rejects.toThrow(RefusedMessage);
    permissions.grant('https://erp.example.com/*');
    await expect(accepted(name, sender, permissions.reach)).resolves.toBeTypeOf('object');
    // An iframe the enabled site made, and a page on another path and port of it.
    await expect(
      accepted(name, contentScript('about:blank', 'https://erp.example.com'), permissions.reach),
    ).resolves.toBeTypeOf('object');
    await expect(
      accepted(
        name,
        contentScript('https://erp.example.com:444/a?b', 'https://erp.example.com:444'),
        permissions.reach,
      ),
    ).resolves.toBeTypeOf('object');
    permissions.revoke('https://erp.example.com/*');
    // The same running content script, the very next message: nothing is remembered.
    await expect(accepted(name, sender, permissions.reach)).rejects.toThrow(/does not serve/);
    expect(permissions.calls.every((p) => p === 'https://erp.example.com/*')).toBe(true);
  });

  it('honours a site granted for both schemes and the all-sites grant, never a document without a web origin', async () => {
    const permissions = browserPermissions(['*://intranet.corp/*']);
    await expect(accepted('cs:menu', contentScript('http://intranet.corp/x'), permissions.reach)).resolves.toEqual({
      event: 'query',
      query: 'hzxh',
    });
    await expect(accepted('cs:menu', contentScript('https://evil.example/'), permissions.reach)).rejects.toThrow();
    permissions.grant('*://*/*');
    await expect(accepted('cs:warm', contentScript('https://evil.example/'), permissions.reach)).resolves.toEqual({});
    await expect(accepted('cs:warm', contentScript('file:///tmp/a.html'), permissions.reach)).rejects.toThrow();
    await expect(accepted('cs:warm', contentScript(PORTAL, 'null'), permissions.reach)).rejects.toThrow();
  });

  it('refuses when the browser cannot answer (an error is no permission)', async () => {
    const reach = {
      allows: async () => {
        throw new Error('Extension context invalidated.');
      },
    };
    await expect(accepted('cs:capture', contentScript(ENABLED), reach)).rejects.toThrow(/does not serve/);
    await expect(accepted('cs:capture', contentScript(PORTAL), reach)).resolves.toMatchObject({
      taxId: expect.any(String),
    });
  });

  it('checks the frame before the payload: a stranger learns nothing of the schema', async () => {
    await expect(
      admit('cs:issued', { items: 'x' }, contentScript('https://evil.example/'), self, browserPermissions().reach),
    ).rejects.toThrow(/not accepted/);
    await expect(
      admit('cs:issued', { items: 'x' }, contentScript(PORTAL), self, browserPermissions().reach),
    ).rejects.toThrow(/invalid payload/);
  });
});

// --- extension pages shown inside a tab: the inline list and the save prompt ---

const page = (path: string, where: Partial<SenderInfo> = {}): SenderInfo => ({
  id: self.id,
  url: `${self.origin}${path}`,
  ...where,
});
/** `tabUrl` null: Chrome gives no address for a tab Taitou may not reach. */
const inPortalTab = (path: string, tabId = 7, tabUrl: string | null = PORTAL) =>
  page(path, { tab: { id: tabId, ...(tabUrl === null ? {} : { url: tabUrl }) }, frameId: 3 });

/** A valid payload for the messages the embedded pages use, with this tab id where one is asked. */
function payload(name: MessageName, tabId: number): unknown {
  const samples: Partial<Record<MessageName, unknown>> = {
    'page:menuState': { tabId },
    'page:search': { query: 'hzxh', limit: 8 },
    'page:recent': { limit: 8 },
    'page:credit': { ids: ['a', 'b'] },
    'page:fill': { tabId, id: 'a' },
    'page:pendingCapture': { tabId },
    'page:saveCapture': { tabId, into: 'a' },
    'page:dismissCapture': { tabId },
  };
  return samples[name];
}

/** Messages no page inside a tab needs, each a way to read or change the whole book. */
const BOOK_WIDE: [MessageName, unknown][] = [
  ['page:bulk', { ids: ['a'], action: { kind: 'delete' } }],
  ['page:delete', { id: 'a', revision: 1 }],
  ['page:update', { id: 'a', revision: 1, input: {} }],
  ['page:create', { input: {} }],
  ['page:pageOf', { after: null, limit: 5000 }],
  ['page:newest', { limit: 200 }],
  ['page:bookKeys', {}],
  ['page:get', { id: 'a' }],
  ['page:getMany', { ids: ['a'] }],
  ['page:history', { id: 'a' }],
  ['page:undoBatch', { batch: 'b' }],
  [
    'page:mergeMany',
    {
      groups: [
        {
          members: [
            { id: 'a', revision: 1 },
            { id: 'b', revision: 1 },
          ],
          survivorId: 'a',
        },
      ],
    },
  ],
  ['page:attachment', { id: 'a' }],
  ['page:analytics', {}],
  ['page:loadSamples', {}],
];

describe('extension pages inside a tab', () => {
  it('tells a page inside a tab from the popup, a page that is its tab, and strangers', () => {
    expect(embeddedPage(inPortalTab('menu.html'), self.origin)).toBe('menu.html');
    expect(embeddedPage(inPortalTab('capture.html?x=1#y'), self.origin)).toBe('capture.html');
    // frameId missing in a tab: taken as inside (the narrower rights).
    expect(embeddedPage(page('menu.html', { tab: { id: 7 } }), self.origin)).toBe('menu.html');
    expect(embeddedPage(page('popup.html'), self.origin)).toBeNull();
    expect(
      embeddedPage(
        page('capture.html', { tab: { id: 9, url: `${self.origin}capture.html` }, frameId: 0 }),
        self.origin,
      ),
    ).toBeNull();
    expect(embeddedPage({ ...contentScript(PORTAL), frameId: 3 }, self.origin)).toBeNull();
  });

  it.each([...EMBEDDED_MESSAGES])(
    '%s may ask what it needs, for its own tab on the platform or an enabled site',
    async (path, names) => {
      const permissions = browserPermissions(['https://erp.example.com/*']);
      for (const name of names) {
        await expect(
          admit(name, payload(name, 7), inPortalTab(path), self, permissions.reach),
          name,
        ).resolves.toBeTypeOf('object');
        await expect(
          admit(name, payload(name, 8), inPortalTab(path, 8, ENABLED), self, permissions.reach),
          name,
        ).resolves.toBeTypeOf('object');
      }
    },
  );

  it.each([...EMBEDDED_MESSAGES])(
    '%s is refused for another tab, in a tab Taitou does not serve, or once the site is taken back',
    async (path, names) => {
      const permissions = browserPermissions(['https://erp.example.com/*']);
      for (const name of names) {
        if ((payload(name, 1) as { tabId?: number }).tabId !== undefined) {
          await expect(
            admit(name, payload(name, 8), inPortalTab(path, 7), self, permissions.reach),
            name,
          ).rejects.toThrow(/for another tab/);
        }
        // Chrome gives no address for a tab Taitou may not reach: a page that framed the list itself.
        for (const url of [null, 'https://evil.example/', 'file:///tmp/x.html', `${self.origin}manager.html`]) {
          await expect(
            admit(name, payload(name, 7), inPortalTab(path, 7, url), self, permissions.reach),
            name,
          ).rejects.toThrow(/in a tab Taitou does not serve/);
        }
      }
      permissions.revoke('https://erp.example.com/*');
      for (const name of names) {
        await expect(
          admit(name, payload(name, 8), inPortalTab(path, 8, ENABLED), self, permissions.reach),
        ).rejects.toThrow(RefusedMessage);
      }
    },
  );

  it("keeps the list and the prompt to their own messages: nothing book-wide, not each other's", async () => {
    const reach = browserPermissions().reach;
    for (const path of ['menu.html', 'capture.html', 'popup.html', 'manager.html']) {
      for (const [name, data] of BOOK_WIDE) {
        expect(PROTOCOL[name].data.safeParse(data).success, name).toBe(true);
        await expect(admit(name, data, inPortalTab(path), self, reach), `${path} ${name}`).rejects.toThrow(
          new RegExp(`^${name}: not accepted from ${path.replace('.', '\\.')} inside a tab`),
        );
      }
    }
    await expect(admit('page:saveCapture', { tabId: 7 }, inPortalTab('menu.html'), self, reach)).rejects.toThrow(
      RefusedMessage,
    );
    await expect(admit('page:fill', { tabId: 7, id: 'a' }, inPortalTab('capture.html'), self, reach)).rejects.toThrow(
      RefusedMessage,
    );
  });

  it('leaves the popup, the manager and a page that is its own tab every message', async () => {
    const reach = browserPermissions().reach;
    const tops = [
      page('popup.html'),
      page('manager.html', { tab: { id: 4, url: `${self.origin}manager.html` }, frameId: 0 }),
      page('capture.html', { tab: { id: 5, url: `${self.origin}capture.html` }, frameId: 0 }),
    ];
    for (const sender of tops) {
      for (const [name, data] of BOOK_WIDE) await expect(admit(name, data, sender, self, reach)).resolves.toBeDefined();
      await expect(admit('page:fill', { tabId: 99, id: 'a' }, sender, self, reach)).resolves.toEqual({
        tabId: 99,
        id: 'a',
      });
    }
  });
});

describe('frameOrigin and serves', () => {
  it('gives a frame its web origin only when URL and origin agree', () => {
    expect(frameOrigin({ url: PORTAL })).toBe('https://dppt.guangdong.chinatax.gov.cn:8443');
    expect(frameOrigin({ url: PORTAL, origin: 'https://dppt.guangdong.chinatax.gov.cn:8443' })).toBe(
      'https://dppt.guangdong.chinatax.gov.cn:8443',
    );
    expect(frameOrigin({ url: 'about:srcdoc', origin: 'https://erp.example.com' })).toBe('https://erp.example.com');
    expect(frameOrigin({ url: 'about:blank#x', origin: 'https://erp.example.com' })).toBe('https://erp.example.com');
    expect(frameOrigin({ url: 'about:blank' })).toBeNull();
    expect(frameOrigin({ url: 'javascript:alert(1)', origin: 'https://erp.example.com' })).toBeNull();
    expect(frameOrigin({ url: 'not a url' })).toBeNull();
    expect(frameOrigin({ url: PORTAL, origin: 'not an origin' })).toBeNull();
  });

  it('serves a tab on the platform or an enabled site, nothing without an address', async () => {
    const permissions = browserPermissions(['https://erp.example.com/*']);
    expect(await serves(permissions.reach, PORTAL)).toBe(true);
    expect(await serves(permissions.reach, ENABLED)).toBe(true);
    expect(await serves(permissions.reach, 'https://evil.example/')).toBe(false);
    expect(await serves(permissions.reach, undefined)).toBe(false);
    expect(await serves(permissions.reach, 'chrome://extensions/')).toBe(false);
    expect(await serves(permissions.reach, `${self.origin}menu.html`)).toBe(false);
  });
});
