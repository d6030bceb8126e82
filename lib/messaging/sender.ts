import type { SenderKind } from './protocol';

/** The parts of runtime.MessageSender the checks use. */
export interface SenderInfo {
  id?: string;
  url?: string;
  /** Chrome only: the sending frame's origin (an about:blank or srcdoc frame has its parent's, a sandboxed one "null"). */
  origin?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

const baseOf = (extensionOrigin: string) => (extensionOrigin.endsWith('/') ? extensionOrigin : `${extensionOrigin}/`);

/**
 * Classifies a sender: one of this extension's own pages (by URL origin), a content script of this extension in a
 * tab, or nothing we answer (another extension, a web page through externally_connectable, a missing id).
 */
export function senderKind(sender: SenderInfo, extensionId: string, extensionOrigin: string): SenderKind | null {
  if (sender.id !== extensionId) return null;
  // A prefix test on `chrome-extension://<id>/`: URL.origin is "null" for such URLs outside the browser.
  if (sender.url?.startsWith(baseOf(extensionOrigin))) return 'extensionPage';
  if (sender.tab) return 'contentScript';
  return null;
}

/**
 * The page of ours (its path, 'menu.html') when it is shown inside a tab's frame rather than being the tab or the
 * popup: the inline list and the save prompt on a portal. Null for the popup, the manager and any page of ours that
 * is the top of its tab (tests open capture.html so to send messages). Only the extension's own pages are asked.
 */
export function embeddedPage(sender: SenderInfo, extensionOrigin: string): string | null {
  const base = baseOf(extensionOrigin);
  if (!sender.url?.startsWith(base) || !sender.tab || sender.frameId === 0) return null;
  return sender.url.slice(base.length).split(/[?#]/)[0] ?? '';
}

const webOriginOf = (text: string | undefined): string | null => {
  if (!text) return null;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
};

/**
 * The web origin (http or https) of the frame a content script runs in, or null when it has none: a data:, file: or
 * blob: document, a sandboxed frame (origin "null"), or a sender whose origin and URL disagree. Chrome's
 * `sender.origin` wins, so that an about:blank frame counts as the page that made it; Firefox gives the URL only.
 */
export function frameOrigin(sender: Pick<SenderInfo, 'url' | 'origin'>): string | null {
  const fromUrl = webOriginOf(sender.url);
  if (sender.origin === undefined) return fromUrl;
  const origin = webOriginOf(sender.origin);
  if (origin === null || origin !== sender.origin) return null;
  // An http(s) URL always has the frame's origin; any other URL (about:blank, about:srcdoc) inherits it.
  if (fromUrl !== null && fromUrl !== origin) return null;
  if (fromUrl === null && !/^about:(blank|srcdoc)([?#]|$)/.test(sender.url ?? '')) return null;
  return origin;
}
