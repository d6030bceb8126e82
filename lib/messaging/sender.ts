import type { SenderKind } from './protocol';

/** The parts of runtime.MessageSender the checks use. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: unknown;
}

/**
 * Classifies a sender: one of this extension's own pages (by URL origin), a content script of this extension in a
 * tab, or nothing we answer (another extension, a web page through externally_connectable, a missing id).
 */
export function senderKind(sender: SenderInfo, extensionId: string, extensionOrigin: string): SenderKind | null {
  if (sender.id !== extensionId) return null;
  // A prefix test on `chrome-extension://<id>/`: URL.origin is "null" for such URLs outside the browser.
  const base = extensionOrigin.endsWith('/') ? extensionOrigin : `${extensionOrigin}/`;
  if (sender.url?.startsWith(base)) return 'extensionPage';
  if (sender.tab) return 'contentScript';
  return null;
}
