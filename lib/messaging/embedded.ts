import type { MessageName } from './protocol';

/**
 * What each extension page that sits in a web page's tab (see embeddedPage) may ask, and only for that tab: the
 * inline list searches, shows credit and fills; the save prompt reads, saves or drops its tab's capture. Neither runs
 * page scripts' code, but both are loaded by pages (web-accessible) and show text a page may have put in the book:
 * should either ever run a script, it still could not page through the book, write to it in bulk or delete.
 * A page that needs another message while embedded adds it here.
 */
export const EMBEDDED_MESSAGES: ReadonlyMap<string, readonly MessageName[]> = new Map([
  ['menu.html', ['page:menuState', 'page:search', 'page:recent', 'page:credit', 'page:fill']],
  ['capture.html', ['page:pendingCapture', 'page:saveCapture', 'page:dismissCapture']],
]);
