import type { InvoiceDraft } from '../domain/invoice';
import type { ImportReply, ImportRequest } from '../messaging/import-port';
import { IMPORT_CHUNK } from '../messaging/import-port';
import { type PortLike, postQuietly } from '../messaging/port';
import type { PlannedRow } from './plan';
import { importWrites } from './writes';

export type ImportPagePort = PortLike<ImportRequest, ImportReply>;
export type ImportEnd = Exclude<ImportReply, { type: 'progress' }>;
export type ImportPhase = 'prepare' | 'write';
type Progress = (phase: ImportPhase, done: number, total: number) => void;

/**
 * Sends the rows the clerk kept to the background and asks it to write them. Each chunk's search keys are computed
 * (pinyin: the costly part) and posted while the background checks the chunk before; the page breathes between
 * chunks, so the progress bar moves and Cancel answers.
 */
export function sendImport(port: ImportPagePort, rows: readonly PlannedRow[], onProgress: Progress) {
  const kept = rows.filter((r) => r.decision !== 'skip');
  return stream(
    port,
    kept.length,
    (from, to) => ({ type: 'rows', writes: importWrites(kept.slice(from, to)) }),
    onProgress,
  );
}

/** Sends an invoice export's invoices to the background, which writes them in one transaction. */
export function sendInvoices(
  port: ImportPagePort,
  invoices: readonly InvoiceDraft[],
  file: string,
  onProgress: Progress,
) {
  return stream(
    port,
    invoices.length,
    (from, to) => ({ type: 'invoices', invoices: invoices.slice(from, to), file }),
    onProgress,
  );
}

function stream(
  port: ImportPagePort,
  total: number,
  chunk: (from: number, to: number) => ImportRequest,
  onProgress: Progress,
): { end: Promise<ImportEnd>; cancel(): void } {
  // Once the background has answered (or gone), nothing more is sent: the port may be closed. A cancel stops the
  // sending at once.
  let over = false;
  let cancelled = false;
  const end = new Promise<ImportEnd>((resolve) => {
    port.onMessage.addListener((message) => {
      if (message.type === 'progress') return onProgress('write', message.done, message.total);
      over = true;
      resolve(message);
      port.disconnect();
    });
    port.onDisconnect.addListener(() => {
      over = true;
      resolve({ type: 'failed', reason: 'disconnected' });
    });
  });
  (async () => {
    for (let from = 0; from < total && !over && !cancelled; from += IMPORT_CHUNK) {
      const to = Math.min(total, from + IMPORT_CHUNK);
      postQuietly(port, chunk(from, to));
      onProgress('prepare', to, total);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    if (!over && !cancelled) postQuietly(port, { type: 'commit' });
  })();
  return {
    end,
    cancel() {
      cancelled = true;
      if (!over) postQuietly(port, { type: 'cancel' });
    },
  };
}
