import { describe, expect, it } from 'vitest';
import {
  enabledSites,
  isPortal,
  SITE_SCRIPT_ID,
  type SiteApis,
  type SiteScript,
  sitePattern,
  syncSiteScript,
} from '../../../lib/portals/sites';

describe('sitePattern', () => {
  it.each([
    ['https://erp.example.com/invoice/new?id=3#top', 'https://erp.example.com/*'],
    ['http://192.168.1.20:8080/fp/kj.jsp', 'http://192.168.1.20/*'],
    ['chrome://extensions/', null],
    ['chrome-extension://abc/popup.html', null],
    ['file:///C:/invoice.html', null],
    ['not a url', null],
    [undefined, null],
  ])('%s → %s', (url, pattern) => {
    expect(sitePattern(url)).toBe(pattern);
  });
});

describe('portals and enabled sites', () => {
  it('knows every province host of the national platform as a portal, and nothing else', () => {
    expect(isPortal('https://dppt.guangdong.chinatax.gov.cn/*')).toBe(true);
    expect(isPortal('https://chinatax.gov.cn/*')).toBe(true);
    expect(isPortal('https://chinatax.gov.cn.example.com/*')).toBe(false);
    expect(isPortal('https://fakechinatax.gov.cn/*')).toBe(false);
  });

  it('keeps single sites and the all-sites grant, drops portals, duplicates and anything else', () => {
    expect(
      enabledSites([
        'https://erp.example.com/*',
        '*://*.chinatax.gov.cn/*',
        'https://dppt.shanghai.chinatax.gov.cn/*',
        'https://erp.example.com/*',
        'http://192.168.1.20/*',
        'https://erp.example.com/fp/*',
      ]),
    ).toEqual(['http://192.168.1.20/*', 'https://erp.example.com/*']);
    expect(enabledSites(['*://*/*'])).toEqual(['*://*/*']);
  });
});

/** Chrome's registry of dynamic content scripts and its granted origins, kept in memory: the grant itself needs the
 * browser's own permission prompt, which no automated Chromium can answer. */
function registry(granted: string[]) {
  const scripts = new Map<string, SiteScript>();
  const calls: string[] = [];
  const apis: SiteApis = {
    grantedOrigins: async () => granted,
    registered: async () => [...scripts.values()],
    register: async (s) => {
      if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
      calls.push(`register ${s.matches.join(' ')}`);
      scripts.set(s.id, s);
    },
    unregister: async (id) => {
      calls.push(`unregister ${id}`);
      scripts.delete(id);
    },
  };
  return { apis, scripts, calls, granted };
}

describe('syncSiteScript', () => {
  it('registers the content script for the enabled sites, in every frame', async () => {
    const r = registry(['https://erp.example.com/*', '*://*.chinatax.gov.cn/*']);
    expect(await syncSiteScript(r.apis, '/content-scripts/portal.js')).toEqual(['https://erp.example.com/*']);
    expect(r.scripts.get(SITE_SCRIPT_ID)).toMatchObject({
      matches: ['https://erp.example.com/*'],
      js: ['/content-scripts/portal.js'],
      allFrames: true,
    });
  });

  it('follows grants and removals, and does nothing when nothing changed', async () => {
    const r = registry(['https://erp.example.com/*']);
    await syncSiteScript(r.apis, 'cs.js');
    r.granted.push('http://192.168.1.20/*');
    await syncSiteScript(r.apis, 'cs.js');
    await syncSiteScript(r.apis, 'cs.js');
    r.granted.splice(0, r.granted.length);
    await syncSiteScript(r.apis, 'cs.js');
    expect(r.calls).toEqual([
      'register https://erp.example.com/*',
      `unregister ${SITE_SCRIPT_ID}`,
      'register http://192.168.1.20/* https://erp.example.com/*',
      `unregister ${SITE_SCRIPT_ID}`,
    ]);
    expect(r.scripts.size).toBe(0);
  });
});
