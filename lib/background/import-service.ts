import { commitImport } from '../db/import';
import { importInvoices } from '../db/invoices';
import type { TaitouDB } from '../db/open';
import { isStorageFull, STORAGE_FULL } from '../db/quota';
import { normalizeDraft } from '../domain/validate';
import type { ImportWrite } from '../import/writes';
import { type ImportReply, ImportRequestSchema, type ImportSummary } from '../messaging/import-port';
import { type PortLike, postQuietly } from '../messaging/port';
import type { bookIndex } from './book-index';
import type { CreditService } from './credit-service';

export interface ImportBook {
  db: TaitouDB;
  index: ReturnType<typeof bookIndex>;
  /** The worker's credit reader, told which buyers got invoices (it keeps each buyer's period). */
  credit?: Pick<CreditService, 'forget'>;
}

/** The buyer tax IDs of an export's invoices, as sent (each is checked when written; a stray one costs nothing). */
const buyersOf = (invoices: readonly unknown[]) =>
  invoices.flatMap((i) => {
    const taxId = (i as { buyerTaxId?: unknown } | null)?.buyerTaxId;
    return typeof taxId === 'string' && taxId ? [taxId] : [];
  });

/**
 * One import over one port: collects the page's rows (each checked against the customer schema) or an invoice
 * export's invoices, writes them in one transaction on `commit`, and reports progress. A cancel or a disconnected port
 * (the page closed) rolls it back; exactly one of done, cancelled or failed ends it. Listens at once, so that nothing
 * the page sends while the book opens is lost.
 */
export function serveImport(port: PortLike<ImportReply, unknown>, book: Promise<ImportBook>, onChanged: () => void) {
  const writes: ImportWrite[] = [];
  const invoices: unknown[] = [];
  let file = '';
  const cancel = new AbortController();
  let state: 'receiving' | 'writing' | 'over' = 'receiving';
  const end = (message: ImportReply) => {
    if (state === 'over') return;
    state = 'over';
    postQuietly(port, message);
  };
  const refuse = (reason: string) => {
    cancel.abort();
    end({ type: 'failed', reason });
  };
  port.onDisconnect.addListener(() => cancel.abort());
  port.onMessage.addListener((message) => {
    if (state === 'over') return;
    const parsed = ImportRequestSchema.safeParse(message);
    const request = parsed.success ? parsed.data : null;
    if (request?.type === 'cancel') {
      cancel.abort();
      if (state === 'receiving') end({ type: 'cancelled' });
      return;
    }
    // Once writing, only a cancel counts: the write may have landed already, and a stray message must not make the
    // page believe otherwise.
    if (state === 'writing') return;
    if (!request) return refuse(`invalid message: ${parsed.error?.issues[0]?.message}`);
    if (request.type === 'rows') {
      if (invoices.length > 0) return refuse('customers and invoices in one import');
      for (const w of request.writes) writes.push({ ...w, draft: normalizeDraft(w.draft) });
    } else if (request.type === 'invoices') {
      if (writes.length > 0) return refuse('customers and invoices in one import');
      invoices.push(...request.invoices);
      file = request.file;
    } else {
      state = 'writing';
      (invoices.length > 0 ? writeInvoices() : writeCustomers()).then(
        (summary) => {
          onChanged();
          end({ type: 'done', summary });
        },
        (error: Error) =>
          end(
            cancel.signal.aborted
              ? { type: 'cancelled' }
              : // A full disk, which the page explains; the browser's own text for it is often empty.
                { type: 'failed', reason: isStorageFull(error) ? STORAGE_FULL : error.message },
          ),
      );
    }
  });

  const writeCustomers = async (): Promise<ImportSummary> => {
    const { db, index } = await book;
    const total = writes.length;
    const outcome = await index.write(
      () =>
        commitImport(db, writes, {
          signal: cancel.signal,
          onProgress: (done) => postQuietly(port, { type: 'progress', done, total }),
        }),
      (o) => [...o.added, ...o.updated],
    );
    const { batch, added, updated, unchanged, refused } = outcome;
    const changed = [...added, ...updated].map((c) => c.id);
    return { kind: 'customers', batch, added: added.length, updated: updated.length, unchanged, refused, changed };
  };

  // Invoice history lands whole or not at all, like customers; it is one transaction with no chunks to report.
  const writeInvoices = async (): Promise<ImportSummary> => {
    const { db, index, credit } = await book;
    postQuietly(port, { type: 'progress', done: 0, total: invoices.length });
    const result = await index.write(
      () => importInvoices(db, invoices, { file, signal: cancel.signal }),
      (r) => r.customersCreated,
    );
    // Committed: the credit of these buyers is read afresh at their next check.
    credit?.forget(buyersOf(invoices));
    const { batch, added, updated, unchanged, refused, customersCreated } = result;
    return {
      kind: 'invoices',
      batch,
      added,
      updated,
      unchanged,
      refused: refused.length,
      customersCreated: customersCreated.length,
      changed: customersCreated,
    };
  };
}
