import { describe, expect, it } from 'vitest';
import { admit, RefusedMessage } from '../../../lib/messaging/router';
import { senderKind } from '../../../lib/messaging/sender';

const self = { id: 'abcdefghijklmnop', origin: 'chrome-extension://abcdefghijklmnop/' };
// Only the platform: no site enabled (the platform's hosts need no question to the browser).
const reach = { allows: async () => false };
const popup = { id: self.id, url: 'chrome-extension://abcdefghijklmnop/popup.html' };
const contentScript = {
  id: self.id,
  url: 'https://dppt.guangdong.chinatax.gov.cn:8443/invoice-makeout',
  tab: { id: 3 },
};

describe('senderKind', () => {
  it('tells extension pages, content scripts and strangers apart', () => {
    expect(senderKind(popup, self.id, self.origin)).toBe('extensionPage');
    expect(senderKind({ ...popup, tab: { id: 1 } }, self.id, self.origin)).toBe('extensionPage');
    expect(senderKind(contentScript, self.id, self.origin)).toBe('contentScript');
    expect(senderKind({ ...popup, id: 'another-extension' }, self.id, self.origin)).toBeNull();
    expect(senderKind({ url: popup.url }, self.id, self.origin)).toBeNull();
    // A look-alike origin is not ours.
    expect(
      senderKind({ id: self.id, url: 'chrome-extension://abcdefghijklmnopq/popup.html' }, self.id, self.origin),
    ).toBeNull();
    expect(senderKind({ id: self.id }, self.id, self.origin)).toBeNull();
  });
});

describe('admit', () => {
  it('returns the parsed payload, with defaults, for an allowed sender', async () => {
    await expect(admit('page:search', { query: '小米' }, popup, self, reach)).resolves.toEqual({
      query: '小米',
      limit: 20,
    });
  });

  it('refuses page messages from content scripts and from other extensions', async () => {
    await expect(admit('page:search', { query: 'x' }, contentScript, self, reach)).rejects.toThrow(RefusedMessage);
    await expect(admit('page:delete', { id: 'a', revision: 1 }, { ...popup, id: 'evil' }, self, reach)).rejects.toThrow(
      /unknown sender/,
    );
  });

  it.each([
    ['page:search', { query: 42 }],
    ['page:search', { query: 'x'.repeat(201) }],
    ['page:search', { query: 'x', limit: 10_000 }],
    ['page:update', { id: 'a', revision: 0, input: {} }],
    ['page:delete', { id: '', revision: 1 }],
    ['page:undo', { seq: -1 }],
    ['page:get', null],
    ['page:get', 'a string'],
  ] as const)('refuses the malformed payload of %s: %j', async (name, data) => {
    await expect(admit(name, data, popup, self, reach)).rejects.toThrow(/invalid payload/);
  });
});
