import type { PortalAdapter } from '../portals/adapter';
import { isVisible } from './visible';

function clickButtons(scope: Document | Element, texts: string[]): number {
  if (texts.length === 0) return 0;
  let clicked = 0;
  for (const button of scope.querySelectorAll<HTMLElement>('button, [role="button"], a')) {
    if (texts.includes((button.textContent ?? '').trim()) && isVisible(button)) {
      button.click();
      clicked++;
    }
  }
  return clicked;
}

const nextFrame = (doc: Document) =>
  new Promise<void>((resolve) => (doc.defaultView ?? window).requestAnimationFrame(() => resolve()));

/** Resolves once `ready()` holds, checking each frame, or after `ms` whatever it says. */
export async function waitUntil(doc: Document, ready: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!ready() && Date.now() < end) await nextFrame(doc);
}

/**
 * Gets the form ready the way the clerk would: waits (briefly) for a closing dialog to stop covering the buyer
 * fields, closes tip dialogs that cover it, and opens toggles (更多) that hide buyer fields, then lets the page's
 * framework render once.
 */
export async function preparePage(doc: Document, adapter: PortalAdapter, buyerFields: Element[]): Promise<void> {
  await waitUntil(doc, () => buyerFields.some(isVisible), 1000);
  const clicked = clickButtons(doc, adapter.dismissButtons) + clickButtons(doc, adapter.revealButtons);
  if (clicked > 0) {
    await nextFrame(doc);
    await nextFrame(doc);
  }
}

const DIALOG = '[role="dialog"], .t-dialog, .el-dialog, .ant-modal, dialog';

/**
 * Confirms the dialog a control sits in (选择票类 → 确定) with its visible buttons whose text is one of `texts`;
 * false when the control is in no dialog or the dialog has no such button.
 */
export function confirmDialogOf(control: Element, texts: string[]): boolean {
  const dialog = control.closest(DIALOG);
  return dialog !== null && clickButtons(dialog, texts) > 0;
}
