import { PORTAL_MATCHES } from '.';

/** The registered content script that serves the sites the clerk enabled, besides the portals in the manifest. */
export const SITE_SCRIPT_ID = 'taitou-sites';

/** The match pattern that enables one site: its scheme and host, any path. Null for pages no script may run on. */
export function sitePattern(url: string | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return `${parsed.protocol}//${parsed.hostname}/*`;
}

const hostOf = (pattern: string) => /^[^:]+:\/\/([^/]+)\//.exec(pattern)?.[1] ?? '';

/** Whether the manifest already runs Taitou on this pattern's host (a `*.` pattern covers the domain too). */
export function isPortal(pattern: string): boolean {
  const host = hostOf(pattern);
  return PORTAL_MATCHES.some((portal) => {
    const p = hostOf(portal);
    if (!p.startsWith('*.')) return p === host;
    const domain = p.slice(2);
    return host === domain || host.endsWith(`.${domain}`);
  });
}

const SITE = /^(https?|\*):\/\/[^/]+\/\*$/;

/**
 * Of the host patterns Chrome has granted, the sites the clerk enabled, never the portals (the manifest has them).
 * A clerk who gave Taitou every site in Chrome's settings has the all-sites pattern here, and that is honoured too.
 */
export function enabledSites(granted: readonly string[]): string[] {
  return [...new Set(granted.filter((o) => SITE.test(o) && !isPortal(o)))].sort();
}

/** What the background needs from chrome.scripting and chrome.permissions (both promise-based in MV3). */
export interface SiteApis {
  grantedOrigins(): Promise<string[]>;
  registered(): Promise<{ id: string; matches?: string[] }[]>;
  register(script: SiteScript): Promise<void>;
  unregister(id: string): Promise<void>;
}

export interface SiteScript {
  id: string;
  matches: string[];
  js: string[];
  allFrames: true;
  runAt: 'document_idle';
  persistAcrossSessions: true;
}

/**
 * Makes the registered content script cover exactly the enabled sites: after a grant in the popup, after the clerk
 * removes a site in Chrome's own settings, and when the browser starts. Returns the sites now covered.
 */
export async function syncSiteScript(apis: SiteApis, contentScript: string): Promise<string[]> {
  const sites = enabledSites(await apis.grantedOrigins());
  const current = (await apis.registered()).find((s) => s.id === SITE_SCRIPT_ID);
  if (current && [...(current.matches ?? [])].sort().join() === sites.join()) return sites;
  if (current) await apis.unregister(SITE_SCRIPT_ID);
  if (sites.length > 0) {
    await apis.register({
      id: SITE_SCRIPT_ID,
      matches: sites,
      js: [contentScript],
      allFrames: true,
      runAt: 'document_idle',
      persistAcrossSessions: true,
    });
  }
  return sites;
}
