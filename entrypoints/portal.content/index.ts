import { captureBuyer } from '../../lib/fill/capture';
import { classify } from '../../lib/fill/classify';
import { canHostShadow, factsOf } from '../../lib/fill/collect';
import { extensionFrame } from '../../lib/fill/extension-frame';
import { fillBuyer, findBuyerFields } from '../../lib/fill/fill';
import { InlineMenu } from '../../lib/fill/inline-menu';
import { preparePage } from '../../lib/fill/prepare';
import { describeFill } from '../../lib/fill/summary';
import { showToast } from '../../lib/fill/toast';
import { isEditable, isVisible } from '../../lib/fill/visible';
import { translator } from '../../lib/i18n/messages';
import { sendMessage } from '../../lib/messaging/client';
import type { MenuEvent } from '../../lib/messaging/protocol';
import { type FillReport, isFillRequest } from '../../lib/messaging/tab';
import { adapterFor, PORTAL_MATCHES } from '../../lib/portals';

const t = translator('zh-CN');
const ISSUE_BUTTONS = 'button, input[type="submit"], [role="button"]';
/** Buttons that issue or save an invoice: 发票开具, 保存并开具, 提交, 确定开具. */
const ISSUE_WORDS = /开具|保存|提交/;
const CAPTURE_SIZE = { width: 360, height: 230 };

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

/** The field the inline menu serves: the buyer's name or tax ID, visible and editable. */
function menuAnchor(target: EventTarget | undefined): HTMLInputElement | null {
  if (!(target instanceof HTMLInputElement)) return null;
  const role = classify(factsOf(target));
  return (role === 'name' || role === 'taxId') && isVisible(target) && isEditable(target) ? target : null;
}

export default defineContentScript({
  matches: PORTAL_MATCHES,
  allFrames: true,
  main(ctx) {
    const menu = new InlineMenu(document, browser.runtime.getURL('/menu.html'));
    let inList = false;
    const tell = (event: MenuEvent, query = '') => sendMessage('cs:menu', { event, query }).catch(() => undefined);
    const close = () => {
      if (!menu.isOpen) return;
      menu.close();
      inList = false;
      tell('close');
    };

    // Every frame runs its own copy; a frame without buyer fields stays silent so that the one with them answers.
    const onFill = (message: unknown, sender: { id?: string }): Promise<FillReport> | undefined => {
      if (sender.id !== browser.runtime.id || !isFillRequest(message)) return undefined;
      const fields = findBuyerFields(document, openShadow);
      if (fields.length === 0) return undefined;
      close();
      const adapter = adapterFor(location.hostname);
      return preparePage(
        document,
        adapter,
        fields.map((f) => f.element),
      ).then(() => {
        const report = { url: location.href, results: fillBuyer(document, message.values, openShadow) };
        showToast(document, describeFill({ ok: true, report }, t), t('close'));
        return report;
      });
    };
    browser.runtime.onMessage.addListener(onFill);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onFill));

    // Only trusted events drive the menu: a page script can dispatch keys, but not trusted ones.
    const path = (event: Event) => event.composedPath()[0];
    ctx.addEventListener(document, 'focusin', (event) => {
      const anchor = event.isTrusted ? menuAnchor(path(event)) : null;
      if (!anchor) return;
      menu.open(anchor);
      inList = false;
      tell('open', anchor.value);
    });
    ctx.addEventListener(document, 'input', (event) => {
      if (menu.isOpen && path(event) === menu.anchor) tell('query', menu.anchor?.value ?? '');
    });
    ctx.addEventListener(
      document,
      'keydown',
      (event) => {
        if (!event.isTrusted || !menu.isOpen || path(event) !== menu.anchor) return;
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          inList = true;
          tell(event.key === 'ArrowDown' ? 'down' : 'up');
        } else if (event.key === 'Enter' && inList) tell('enter');
        else if (event.key === 'Escape') close();
        else return;
        event.preventDefault();
        event.stopPropagation();
      },
      { capture: true },
    );
    // Reverse add: when the clerk issues or saves the invoice, offer to keep a buyer the book lacks or has otherwise.
    let lastCapture = '';
    let prompt: ReturnType<typeof extensionFrame> | null = null;
    const capture = () => {
      const typed = findBuyerFields(document, openShadow).filter((f) => f.fillable && f.facts.kind === 'input');
      const captured = captureBuyer(typed.map((f) => ({ role: f.role, value: f.element.value })));
      if (!captured || JSON.stringify(captured) === lastCapture) return;
      lastCapture = JSON.stringify(captured);
      sendMessage('cs:capture', captured)
        .then(({ prompt: ask }) => {
          if (!ask) return;
          prompt?.host.remove();
          prompt = extensionFrame(document, 'taitou-capture', browser.runtime.getURL('/capture.html'), CAPTURE_SIZE);
          prompt.place(['position:fixed', 'top:16px', 'right:16px']);
          document.documentElement.append(prompt.host);
        })
        .catch(() => undefined);
    };
    ctx.addEventListener(
      document,
      'click',
      (event) => {
        const button = event.isTrusted ? (path(event) as Element).closest?.(ISSUE_BUTTONS) : null;
        const text = button ? `${button.textContent ?? ''}${(button as HTMLInputElement).value ?? ''}` : '';
        if (ISSUE_WORDS.test(text.replace(/\s/g, ''))) capture();
      },
      { capture: true },
    );
    ctx.addEventListener(document, 'submit', (event) => event.isTrusted && capture(), { capture: true });
    // The prompt closes itself by posting to this window; only its own frame is listened to.
    ctx.addEventListener(window, 'message', (event) => {
      if (prompt && event.source === prompt.frame.contentWindow && event.data === 'taitou:close-capture') {
        prompt.host.remove();
        prompt = null;
      }
    });

    ctx.addEventListener(document, 'focusout', () => {
      // A click in the list moves focus into its frame; only close when focus went elsewhere in the page.
      ctx.setTimeout(() => {
        if (!menu.owns(document.activeElement) && document.activeElement !== menu.anchor) close();
      }, 150);
    });
  },
});
