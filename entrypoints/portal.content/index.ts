import { startAgent } from '../../lib/fill/agent';
import { canHostShadow } from '../../lib/fill/collect';
import { storedLocale } from '../../lib/i18n/stored-locale';
import { sendMessage } from '../../lib/messaging/client';
import { PORTAL_MATCHES } from '../../lib/portals';

type ChromeDom = { openOrClosedShadowRoot?(e: Element): ShadowRoot | null };
const chromeDom = (globalThis as { chrome?: { dom?: ChromeDom } }).chrome?.dom;

/** Chrome lets content scripts open closed shadow roots too; elsewhere only open ones are reachable. */
function openShadow(host: Element): ShadowRoot | null {
  if (!canHostShadow(host)) return null;
  try {
    return chromeDom?.openOrClosedShadowRoot?.(host) ?? host.shadowRoot;
  } catch {
    return host.shadowRoot; // Chrome throws for elements it does not consider possible hosts
  }
}

export default defineContentScript({
  matches: PORTAL_MATCHES,
  allFrames: true,
  main(ctx) {
    // Injected again (a site just enabled, a portal tab open before install), WXT's context stops the older copy.
    startAgent({
      doc: document,
      signal: ctx.signal,
      extensionId: browser.runtime.id,
      pageUrl: (path) => browser.runtime.getURL(path),
      onMessage: browser.runtime.onMessage,
      sendMessage,
      openShadow,
      locale: storedLocale,
    });
  },
});
