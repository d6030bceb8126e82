import type { ImportReply, ImportRequest } from '../messaging/import-port';
import { IMPORT_CHUNK } from '../messaging/import-port';
import type { PagePort } from '../messaging/page-port';
import type { PlannedRow } from './plan';
import { importWrites } from './writes';

export type ImportPagePort = PagePort<ImportRequest, ImportReply>;

export type ImportEnd = Exclude<ImportReply, { type: 'progress' }>;
export type ImportPhase = 'prepare' | 'write';

/**
 * Sends the rows the clerk kept to the background and asks it to write them. Each chunk's search keys are computed
 * (pinyin: the costly part) and posted while the background checks the chunk before; the page breathes between
 * chunks, so the progress bar moves and Cancel answers.
 */
export function sendImport(
  port: ImportPagePort,
  rows: readonly PlannedRow[],
  onProgress: (phase: ImportPhase, done: number, total: number) => void,
): { end: Promise<ImportEnd>; cancel(): void } {
  let cancelled = false;
  const end = new Promise<ImportEnd>((resolve) => {
    port.onMessage.addListener((message) => {
      if (message.type === 'progress') return onProgress('write', message.done, message.total);
      resolve(message);
      port.disconnect();
    });
    port.onDisconnect.addListener(() => resolve({ type: 'failed', reason: 'disconnected' }));
  });
  const kept = rows.filter((r) => r.decision !== 'skip');
  (async () => {
    for (let i = 0; i < kept.length && !cancelled; i += IMPORT_CHUNK) {
      const chunk = kept.slice(i, i + IMPORT_CHUNK);
      port.postMessage({ type: 'rows', writes: importWrites(chunk) });
      onProgress('prepare', i + chunk.length, kept.length);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    if (!cancelled) port.postMessage({ type: 'commit' });
  })();
  return {
    end,
    cancel() {
      cancelled = true;
      port.postMessage({ type: 'cancel' });
    },
  };
}
