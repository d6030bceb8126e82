import { commitImport } from '../db/import';
import { importInvoices } from '../db/invoices';
import type { TaitouDB } from '../db/open';
import { normalizeDraft } from '../domain/validate';
import type { ImportWrite } from '../import/writes';
import { type ImportReply, ImportRequestSchema, type ImportSummary } from '../messaging/import-port';
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
  const invoices: unknown[] = [];
  let file = '';
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
    } else if (request.type === 'invoices' && state === 'receiving') {
      invoices.push(...request.invoices);
      file = request.file;
    } else if (request.type === 'commit' && state === 'receiving') {
      state = 'writing';
      (invoices.length > 0 ? writeInvoices() : write()).then(
        (summary) => end({ type: 'done', summary }),
        (error: Error) =>
          end(cancel.signal.aborted ? { type: 'cancelled' } : { type: 'failed', reason: error.message }),
      );
    }
  });

  // Invoice history lands whole or not at all, like customers; it is one transaction with no chunks to report.
  const writeInvoices = async (): Promise<ImportSummary> => {
    const { db, index } = await book;
    if (cancel.signal.aborted) throw new Error('cancelled');
    reply({ type: 'progress', done: 0, total: invoices.length });
    const result = await index.write(
      () => importInvoices(db, invoices, { file }),
      (r) => r.customersCreated,
    );
    const { batch, added, updated, unchanged, refused, customersCreated } = result;
    return {
      batch,
      added: customersCreated.length,
      updated: 0,
      unchanged: [],
      refused: [],
      changed: customersCreated,
      invoices: { added, updated, unchanged, refused: refused.length },
    };
  };

  const write = async (): Promise<ImportSummary> => {
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
