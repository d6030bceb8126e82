import { canHostShadow } from '../../lib/fill/collect';
import { fillBuyer, findBuyerFields } from '../../lib/fill/fill';
import { preparePage } from '../../lib/fill/prepare';
import { type FillReport, isFillRequest } from '../../lib/messaging/tab';
import { adapterFor, PORTAL_MATCHES } from '../../lib/portals';

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
    // Every frame runs its own copy; a frame without buyer fields stays silent so that the one with them answers.
    const listener = (message: unknown, sender: { id?: string }): Promise<FillReport> | undefined => {
      if (sender.id !== browser.runtime.id) return undefined;
      if (!isFillRequest(message)) return undefined;
      const fields = findBuyerFields(document, openShadow);
      if (fields.length === 0) return undefined;
      const adapter = adapterFor(location.hostname);
      return preparePage(
        document,
        adapter,
        fields.map((f) => f.element),
      ).then(() => ({
        url: location.href,
        results: fillBuyer(document, message.values, openShadow),
      }));
    };
    browser.runtime.onMessage.addListener(listener);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
  },
});
