import { isPortal, sitePattern } from '../portals/sites';

/** What the checks ask the browser: whether it lets Taitou reach a site pattern now (permissions.contains). */
export interface Reach {
  allows(pattern: string): Promise<boolean>;
}

/**
 * Whether Taitou serves pages of this web origin (or URL) now: the national platform's hosts, which the manifest
 * grants, or a site the clerk enabled and has not taken back. Asked at message time, so that revoking a site stops
 * the copies of the content script still running in its open tabs at once; the platform itself, where the clerk
 * types most, costs no question to the browser.
 */
export async function serves(reach: Reach, origin: string | null | undefined): Promise<boolean> {
  const pattern = sitePattern(origin ?? undefined);
  if (!pattern) return false;
  if (isPortal(pattern)) return true;
  try {
    return await reach.allows(pattern);
  } catch {
    return false;
  }
}
