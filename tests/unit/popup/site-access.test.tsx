// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SiteAccess } from '../../../entrypoints/popup/SiteAccess';
import { translator } from '../../../lib/i18n/messages';

// Chrome's permission prompt cannot be answered in an automated browser, so the popup's button is tested here with
// the prompt's answer given by the test: what it asks for, and what it shows after a yes or a no.

const t = translator('zh-CN');

function onTab(url: string, granted: string[], answer = true) {
  const asked: { request: string[][]; remove: string[][] } = { request: [], remove: [] };
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ url }] as never);
  Object.assign(fakeBrowser.permissions, {
    contains: async ({ origins = [] }) => origins.every((o: string) => granted.includes(o)),
    request: async ({ origins = [] }) => {
      asked.request.push(origins);
      return answer;
    },
    remove: async ({ origins = [] }) => {
      asked.remove.push(origins);
      return true;
    },
  } satisfies Partial<typeof fakeBrowser.permissions>);
  const notices: string[] = [];
  render(<SiteAccess t={t} onNotice={(n) => notices.push(n)} />);
  return { asked, notices };
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('在此网站启用 Taitou', () => {
  it('asks for exactly the current site and says when it is enabled', async () => {
    const { asked, notices } = onTab('https://erp.example.com/invoice/new?id=7', []);
    fireEvent.click(await screen.findByRole('button', { name: '在此网站启用 Taitou' }));
    expect(await screen.findByRole('button', { name: '在此网站停用 Taitou' })).toBeTruthy();
    expect(asked.request).toEqual([['https://erp.example.com/*']]);
    expect(notices).toEqual(['已在 erp.example.com 启用 Taitou']);
  });

  it('says so when the clerk refuses, and still offers to enable', async () => {
    const { notices } = onTab('https://erp.example.com/', [], false);
    fireEvent.click(await screen.findByRole('button', { name: '在此网站启用 Taitou' }));
    await vi.waitFor(() => expect(notices).toEqual(['未获得 erp.example.com 的访问权限']));
    expect(screen.getByRole('button', { name: '在此网站启用 Taitou' })).toBeTruthy();
  });

  it('offers to disable a site already enabled, and removes only that site', async () => {
    const { asked, notices } = onTab('http://192.168.1.20:8080/fp/kj.jsp', ['http://192.168.1.20/*']);
    fireEvent.click(await screen.findByRole('button', { name: '在此网站停用 Taitou' }));
    await vi.waitFor(() => expect(notices).toEqual(['已在 192.168.1.20 停用 Taitou']));
    expect(asked.remove).toEqual([['http://192.168.1.20/*']]);
  });

  it.each(['https://dppt.guangdong.chinatax.gov.cn/blue-invoice-makeout', 'chrome://extensions/'])(
    'shows nothing on %s (a portal, or a page no extension may enter)',
    async (url) => {
      onTab(url, []);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(screen.queryByRole('button')).toBeNull();
    },
  );
});
