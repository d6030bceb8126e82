import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '../../lib/i18n/messages';
import { isPortal, sitePattern } from '../../lib/portals/sites';

interface Site {
  pattern: string;
  host: string;
  enabled: boolean;
}

/**
 * 在此网站启用 Taitou: on a site that is not a known portal, the clerk grants Taitou that one site (Chrome asks) and
 * the background starts the content script there (see syncSiteScript); or takes the grant back.
 */
export function SiteAccess({ t, onNotice }: { t: Translate; onNotice(text: string): void }) {
  const [site, setSite] = useState<Site | null>(null);

  useEffect(() => {
    (async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      const pattern = sitePattern(tab?.url);
      if (!tab?.url || !pattern || isPortal(pattern)) return;
      const enabled = await browser.permissions.contains({ origins: [pattern] });
      setSite({ pattern, host: new URL(tab.url).hostname, enabled });
    })().catch(() => undefined);
  }, []);

  if (!site) return null;
  // permissions.request must run in the click itself (a user gesture), before anything is awaited.
  const toggle = () => {
    const origins = [site.pattern];
    const change = site.enabled ? browser.permissions.remove({ origins }) : browser.permissions.request({ origins });
    change.then((done) => {
      if (done) setSite({ ...site, enabled: !site.enabled });
      onNotice(t(!done ? 'siteRefused' : site.enabled ? 'siteDisabled' : 'siteEnabled', { host: site.host }));
    });
  };
  return (
    <button type="button" class="site-access" onClick={toggle}>
      {t(site.enabled ? 'siteDisable' : 'siteEnable')}
    </button>
  );
}
