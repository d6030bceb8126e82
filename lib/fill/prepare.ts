import type { PortalAdapter } from '../portals/adapter';
import { isVisible } from './visible';

function clickButtons(doc: Document, texts: string[]): number {
  if (texts.length === 0) return 0;
  let clicked = 0;
  for (const button of doc.querySelectorAll<HTMLElement>('button, [role="button"], a')) {
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
async function waitUntil(doc: Document, ready: () => boolean, ms: number): Promise<void> {
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
