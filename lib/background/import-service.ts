import { commitImport } from '../db/import';
import type { TaitouDB } from '../db/open';
import { normalizeDraft } from '../domain/validate';
import type { ImportWrite } from '../import/writes';
import { type ImportReply, ImportRequestSchema } from '../messaging/import-port';
import type { bookIndex } from './book-index';

/** The parts of runtime.Port an import uses. */
export interface ImportPort {
  postMessage(message: ImportReply): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
  disconnect(): void;
}

export interface ImportBook {
  db: TaitouDB;
  index: ReturnType<typeof bookIndex>;
}

/**
 * One import over one port: collects the page's rows (each checked against the customer schema), writes them in one
 * transaction on `commit`, and reports progress. A cancel or a disconnected port (the page closed) rolls it back.
 * Listens at once, so that nothing the page sends while the book opens is lost.
 */
export function serveImport(port: ImportPort, book: Promise<ImportBook>): void {
  const writes: ImportWrite[] = [];
  const cancel = new AbortController();
  let state: 'receiving' | 'writing' | 'over' = 'receiving';
  const reply = (message: ImportReply) => {
    try {
      port.postMessage(message);
    } catch {
      // the page is gone; the cancel below has rolled the import back
    }
  };
  const end = (message: ImportReply) => {
    state = 'over';
    reply(message);
  };
  port.onDisconnect.addListener(() => cancel.abort());
  port.onMessage.addListener((message) => {
    if (state === 'over') return;
    const parsed = ImportRequestSchema.safeParse(message);
    if (!parsed.success) {
      cancel.abort();
      end({ type: 'failed', reason: `invalid message: ${parsed.error.issues[0]?.message}` });
      return;
    }
    const request = parsed.data;
    if (request.type === 'cancel') {
      cancel.abort();
      if (state === 'receiving') end({ type: 'cancelled' });
    } else if (request.type === 'rows' && state === 'receiving') {
      for (const w of request.writes) writes.push({ ...w, draft: normalizeDraft(w.draft) });
    } else if (request.type === 'commit' && state === 'receiving') {
      state = 'writing';
      write().then(
        (summary) => end({ type: 'done', summary }),
        (error: Error) =>
          end(cancel.signal.aborted ? { type: 'cancelled' } : { type: 'failed', reason: error.message }),
      );
    }
  });

  const write = async () => {
    const { db, index } = await book;
    const total = writes.length;
    const outcome = await index.write(
      () =>
        commitImport(db, writes, {
          signal: cancel.signal,
          onProgress: (done) => reply({ type: 'progress', done, total }),
        }),
      (o) => [...o.added, ...o.updated],
    );
    const { batch, added, updated, unchanged, refused } = outcome;
    const changed = [...added, ...updated].map((c) => c.id);
    return { batch, added: added.length, updated: updated.length, unchanged, refused, changed };
  };
}
