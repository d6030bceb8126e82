import { type Locale, portalTranslator } from '../i18n/messages';
import type { sendMessage as SendMessage } from '../messaging/client';
import type { MenuEvent } from '../messaging/protocol';
import { type FillReport, isFillRequest } from '../messaging/tab';
import { adapterFor } from '../portals';
import { captureBuyer } from './capture';
import { classify } from './classify';
import { factsOf, type ShadowOpener } from './collect';
import { extensionFrame } from './extension-frame';
import { type FieldResult, fillBuyer, findBuyerFields } from './fill';
import { InlineMenu } from './inline-menu';
import { issueWatcher } from './issued';
import { confirmDialogOf, preparePage, waitUntil } from './prepare';
import { describeFill } from './summary';
import { showToast } from './toast';
import type { FillValues } from './values';
import { isEditable, isVisible } from './visible';

const ISSUE_BUTTONS = 'button, input[type="submit"], [role="button"]';
/** Buttons that issue or save an invoice: 发票开具, 保存并开具, 提交, 确定开具. */
const ISSUE_WORDS = /开具|保存|提交/;
const CAPTURE_SIZE = { width: 360, height: 230 };
/** How long the form may take to open after the invoice-type dialog is confirmed (the platform loads it). */
const FORM_AFTER_DIALOG_MS = 5000;

type FillListener = (message: unknown, sender: { id?: string }) => Promise<FillReport> | undefined;

/** What the agent needs from the extension around it; the content script passes the real browser APIs. */
export interface AgentEnv {
  doc: Document;
  /** Aborted when the content script is invalidated (extension reloaded or updated): every listener goes with it. */
  signal: AbortSignal;
  extensionId: string;
  pageUrl(path: '/menu.html' | '/capture.html'): string;
  onMessage: { addListener(l: FillListener): void; removeListener(l: FillListener): void };
  sendMessage: typeof SendMessage;
  openShadow: ShadowOpener;
  /** The clerk's language, for the confirmation toast. */
  locale(): Promise<Locale>;
}

/** The field the inline menu serves: the buyer's name or tax ID, visible and editable. */
function menuAnchor(target: EventTarget | undefined): HTMLInputElement | null {
  if (!(target instanceof HTMLInputElement)) return null;
  const role = classify(factsOf(target));
  return (role === 'name' || role === 'taxId') && isVisible(target) && isEditable(target) ? target : null;
}

/**
 * The fill engine for one frame: answers fill requests, drives the inline list from the clerk's keys, and offers
 * reverse add when an invoice is issued. Only trusted events count: a page script can dispatch events, not trusted
 * ones, and cannot send runtime messages.
 */
export function startAgent(env: AgentEnv): void {
  const { doc, signal, sendMessage, openShadow } = env;
  const on = <K extends keyof DocumentEventMap>(type: K, handler: (e: DocumentEventMap[K]) => void, capture = false) =>
    doc.addEventListener(type, handler, { signal, capture });
  const path = (event: Event) => event.composedPath()[0];

  const menu = new InlineMenu(doc, env.pageUrl('/menu.html'));
  let inList = false;
  const tell = (event: MenuEvent, query = '') => sendMessage('cs:menu', { event, query }).catch(() => undefined);
  const close = () => {
    if (!menu.isOpen) return;
    menu.close();
    inList = false;
    tell('close');
  };

  // Every frame runs its own agent; a frame without buyer fields stays silent so that the one with them answers.
  const onFill: FillListener = (message, sender) => {
    if (sender.id !== env.extensionId || !isFillRequest(message)) return undefined;
    const fields = findBuyerFields(doc, openShadow);
    if (fields.length === 0) return undefined;
    // Only the invoice-type choice of a dialog (选择票类) is open: with no type to choose, the clerk chooses first.
    const typeOnly = fields.every((f) => f.role === 'invoiceType');
    if (typeOnly && !message.values.invoiceType) return undefined;
    close();
    const adapter = adapterFor(doc.location.hostname);
    const fillForm = async (): Promise<FieldResult[]> => {
      // The buyer's own fields say when the form is uncovered: 备注 further down may be out of view, not covered.
      const found = findBuyerFields(doc, openShadow);
      const buyer = found.filter((f) => f.role === 'name' || f.role === 'taxId');
      await preparePage(
        doc,
        adapter,
        (buyer.length > 0 ? buyer : found).map((f) => f.element),
      );
      // fillBuyer scans again on purpose: opening 更多 may have shown or rendered fields the first scan saw hidden.
      return fillBuyer(doc, message.values, openShadow);
    };
    const run = typeOnly ? chooseTypeThenFill(doc, message.values, adapter.typeConfirmButtons, fillForm) : fillForm();
    return run.then(async (results) => {
      const report: FillReport = {
        url: doc.location.href,
        results,
        ...(message.notes ? { notes: message.notes } : {}),
      };
      const t = portalTranslator(await env.locale().catch(() => 'zh-CN' as const));
      showToast(doc, describeFill({ ok: true, report }, t), t('close'));
      return report;
    });
  };
  env.onMessage.addListener(onFill);
  signal.addEventListener('abort', () => env.onMessage.removeListener(onFill));

  const openAt = (event: Event) => {
    const anchor = event.isTrusted ? menuAnchor(path(event)) : null;
    if (!anchor) {
      // Focus went to another field of the page: the list under the previous one goes at once.
      if (event.isTrusted && event.type === 'focusin' && !menu.owns(path(event) as Element)) close();
      return;
    }
    menu.open(anchor);
    inList = false;
    tell('open', anchor.value);
  };
  on('focusin', openAt);
  on('input', (event) => {
    // Typing again after Esc reopens the list, as the browser's own autofill does.
    if (!menu.isOpen) openAt(event);
    else if (path(event) === menu.anchor) tell('query', menu.anchor?.value ?? '');
  });
  on(
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
    true,
  );
  on('focusout', () => {
    // A click in the list moves focus into its frame; only close when focus went elsewhere in the page.
    doc.defaultView?.setTimeout(() => {
      if (!signal.aborted && !menu.owns(doc.activeElement) && doc.activeElement !== menu.anchor) close();
    }, 150);
  });

  // A worker that Chrome stopped has to load its index again: start that now, not on the clerk's first keystroke.
  const warm = () => sendMessage('cs:warm', {}).catch(() => undefined);
  warm();
  on('visibilitychange', () => doc.visibilityState === 'visible' && warm());

  startReverseAdd(env, on, path);
}

/**
 * The invoice type is chosen in a dialog before the form opens (the platform's 选择票类): picks the customer's type
 * there, confirms the dialog as the clerk would, waits for the form and fills it. The type's result comes first; the
 * form's own scan no longer sees the closed dialog's radios.
 */
async function chooseTypeThenFill(
  doc: Document,
  values: FillValues,
  confirmButtons: string[],
  fillForm: () => Promise<FieldResult[]>,
): Promise<FieldResult[]> {
  const chosen = fillBuyer(doc, values);
  const radio = findBuyerFields(doc).find((f) => f.role === 'invoiceType')?.element;
  const picked = chosen.some((r) => r.role === 'invoiceType' && r.status === 'verified');
  if (!picked || !radio || !confirmDialogOf(radio, confirmButtons)) return chosen;
  const formOpen = () => findBuyerFields(doc).some((f) => f.role !== 'invoiceType');
  await waitUntil(doc, formOpen, FORM_AFTER_DIALOG_MS);
  if (!formOpen()) return chosen;
  // The dialog fades out over the form; until it has gone it covers the fields.
  await waitUntil(doc, () => !isVisible(radio), 1000);
  const rest = await fillForm();
  return [...chosen.filter((r) => r.role === 'invoiceType'), ...rest.filter((r) => r.role !== 'invoiceType')];
}

/** Reverse add: when the clerk issues or saves the invoice, offer to keep a buyer the book lacks or has otherwise. */
function startReverseAdd(
  env: AgentEnv,
  on: <K extends keyof DocumentEventMap>(type: K, h: (e: DocumentEventMap[K]) => void, capture?: boolean) => void,
  path: (event: Event) => EventTarget | undefined,
): void {
  const { doc, signal } = env;
  let lastCapture = '';
  let prompt: ReturnType<typeof extensionFrame> | null = null;
  const watchIssue = issueWatcher(doc, signal, (issued) => {
    env.sendMessage('cs:issued', issued).catch(() => undefined);
  });
  const capture = () => {
    const typed = findBuyerFields(doc, env.openShadow).filter((f) => f.fillable && f.facts.kind === 'input');
    const captured = captureBuyer(typed.map((f) => ({ role: f.role, value: f.element.value })));
    // Every issue is an invoice for the history, even to the buyer just captured.
    if (captured) watchIssue(captured);
    if (!captured || JSON.stringify(captured) === lastCapture) return;
    lastCapture = JSON.stringify(captured);
    env
      .sendMessage('cs:capture', captured)
      .then(({ prompt: ask }) => {
        if (!ask || signal.aborted) return;
        prompt?.host.remove();
        prompt = extensionFrame(doc, 'taitou-capture', env.pageUrl('/capture.html'), CAPTURE_SIZE);
        prompt.place(['position:fixed', 'top:16px', 'right:16px']);
        doc.documentElement.append(prompt.host);
      })
      .catch(() => undefined);
  };
  on(
    'click',
    (event) => {
      const button = event.isTrusted ? (path(event) as Element).closest?.(ISSUE_BUTTONS) : null;
      const text = button ? `${button.textContent ?? ''}${(button as HTMLInputElement).value ?? ''}` : '';
      if (ISSUE_WORDS.test(text.replace(/\s/g, ''))) capture();
    },
    true,
  );
  on('submit', (event) => event.isTrusted && capture(), true);
  // The prompt closes itself by posting to this window; only its own frame is listened to.
  doc.defaultView?.addEventListener(
    'message',
    (event) => {
      if (prompt && event.source === prompt.frame.contentWindow && event.data === 'taitou:close-capture') {
        prompt.host.remove();
        prompt = null;
      }
    },
    { signal },
  );
}
