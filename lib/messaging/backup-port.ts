import type { BackupProblem } from '../backup/format';
import type { RestoreReport, WriteFailed } from '../db/backup';
import { z } from '../domain/zod';
import { PART_CHARS, type PortLike, textParts } from './port';

/**
 * A backup file can be far larger than one extension message may carry, so both directions go over a port in parts
 * of text: the background streams a backup to the page, and the page streams a file to restore to the background.
 * Only the extension's own pages may open them.
 */
export const BACKUP_PORT = 'taitou:backup';
export const RESTORE_PORT = 'taitou:restore';

/** Restores past this size are refused before reading: a book of 100,000 customers with history is far smaller. */
export const MAX_BACKUP_CHARS = 512 * 1024 * 1024;

/** From the background while it sends a backup. */
export type BackupReply = { type: 'part'; text: string } | { type: 'end' } | { type: 'failed'; reason: string };

/** From the page: the file's text in parts, then how to restore it. */
export const RestoreRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('part'), text: z.string().max(PART_CHARS) }),
  z.object({ type: z.literal('restore'), mode: z.enum(['replace', 'merge']) }),
]);
export type RestoreRequest = z.input<typeof RestoreRequestSchema>;

export type RestoreReply =
  /** `settingsRestored` false: the book was restored, the clerk's settings from the file could not be. */
  | { type: 'done'; report: RestoreReport; settingsRestored: boolean }
  | { type: 'failed'; problem: BackupProblem | WriteFailed | { code: 'tooLarge' } | { code: 'badMessage' } };

/** The backup file's text, as the background streams it; rejects with the reason it could not be made. */
export function receiveBackup(port: PortLike<never, BackupReply>): Promise<string> {
  const parts: string[] = [];
  return new Promise((resolve, reject) => {
    port.onMessage.addListener((message) => {
      if (message.type === 'part') return void parts.push(message.text);
      port.disconnect();
      if (message.type === 'end') resolve(parts.join(''));
      else reject(new Error(message.reason));
    });
    port.onDisconnect.addListener(() => reject(new Error('disconnected')));
  });
}

/** Sends a backup file's text in parts and asks for it to be restored; resolves with the background's answer. */
export function sendRestore(
  port: PortLike<RestoreRequest, RestoreReply>,
  text: string,
  mode: 'replace' | 'merge',
): Promise<RestoreReply> {
  const answer = new Promise<RestoreReply>((resolve) => {
    port.onMessage.addListener((message) => {
      port.disconnect();
      resolve(message);
    });
    port.onDisconnect.addListener(() =>
      resolve({ type: 'failed', problem: { code: 'writeFailed', message: 'disconnected' } }),
    );
  });
  for (const part of textParts(text)) port.postMessage({ type: 'part', text: part });
  port.postMessage({ type: 'restore', mode });
  return answer;
}
