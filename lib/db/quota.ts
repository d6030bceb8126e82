/*
 * When the browser has no room for a write, IndexedDB aborts the whole transaction, so nothing of it is kept; what
 * differs is how it says so. Chromium, committing small records on a full disk: QuotaExceededError "Encountered disk
 * full while committing transaction." Records large enough to be kept as blobs (a licence scan, a snapshot part):
 * DataError "Failed to write blobs (IOError)". Over an origin's quota: QuotaExceededError with no message. Firefox:
 * QuotaExceededError (formerly NS_ERROR_DOM_QUOTA_REACHED).
 */

/** The name a storage-full failure carries from the background to the pages (messages keep an error's name). */
export const STORAGE_FULL = 'StorageFull';

const NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED', STORAGE_FULL]);
const TEXTS = /QuotaExceededError|NS_ERROR_DOM_QUOTA_REACHED|Failed to write blobs|Encountered disk full/;

/** In both languages: the background does not know the page's. Pages show their own dictionary's text. */
const BOTH = '磁盘空间不足，未保存任何更改。The disk is full: nothing was saved.';

/** A write the browser refused for lack of space; the book is as it was before it. */
export class StorageFullError extends Error {
  override name = STORAGE_FULL;
  constructor() {
    super(BOTH);
  }
}

/**
 * Whether a failure is the browser refusing a write for lack of space: an IndexedDB error (or the error it caused), a
 * StorageFullError as a page receives it, or the text a port carried instead of the error (`name: message`).
 */
export function isStorageFull(failure: unknown): boolean {
  for (let at = failure, depth = 0; depth < 4; depth++) {
    if (typeof at === 'string') return at === STORAGE_FULL || TEXTS.test(at);
    if (typeof at !== 'object' || at === null) return false;
    const { name, message, cause } = at as { name?: unknown; message?: unknown; cause?: unknown };
    if (typeof name === 'string' && NAMES.has(name)) return true;
    if (typeof message === 'string' && TEXTS.test(message)) return true;
    at = cause;
  }
  return false;
}

/** The same failure, as a StorageFullError when it is one: what a page should be told. */
export function asStorageFull(failure: unknown): unknown {
  return isStorageFull(failure) ? new StorageFullError() : failure;
}
