import { bookHandlers } from '../lib/background/book-service';
import { openBook } from '../lib/db/open';
import { serve } from '../lib/messaging/router';

export default defineBackground(() => {
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  // Handlers are registered at once (a message may be what woke the worker); they wait for the book to open.
  const book = openBook();
  const handlers = bookHandlers(
    book,
    (tabId, request) => browser.tabs.sendMessage(tabId, request),
    // With no menu open nobody listens, and sendMessage rejects: that is fine.
    (message) => browser.runtime.sendMessage(message).catch(() => undefined),
  );
  serve(handlers, self);
});
