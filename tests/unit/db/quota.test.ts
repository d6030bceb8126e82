import { defineExtensionMessaging } from '@webext-core/messaging';
import { describe, expect, it } from 'vitest';
import { storageFullToPages } from '../../../lib/background/storage-full';
import { isStorageFull, STORAGE_FULL, StorageFullError } from '../../../lib/db/quota';
import type { Handlers } from '../../../lib/messaging/protocol';

// What browsers were seen to say when a write did not fit (see lib/db/quota.ts).
const CHROMIUM_OVER_QUOTA = new DOMException('', 'QuotaExceededError');
const CHROMIUM_DISK_FULL = new DOMException(
  'Encountered disk full while committing transaction.',
  'QuotaExceededError',
);
const CHROMIUM_BLOBS = new DOMException('Failed to write blobs (IOError)', 'DataError');
const FIREFOX_OLD = Object.assign(new Error('The current transaction exceeded its quota limitations.'), {
  name: 'NS_ERROR_DOM_QUOTA_REACHED',
});

describe('isStorageFull', () => {
  it.each([
    ['over the quota', CHROMIUM_OVER_QUOTA],
    ['a full disk', CHROMIUM_DISK_FULL],
    ['a blob that could not be written', CHROMIUM_BLOBS],
    ["Firefox's older name", FIREFOX_OLD],
    ['the error a page receives', new StorageFullError()],
    ['the cause of another error', new Error('import failed', { cause: CHROMIUM_OVER_QUOTA })],
    ["a restore's reason text", 'QuotaExceededError: '],
    ["an import port's reason", STORAGE_FULL],
  ])('knows %s', (_, failure) => {
    expect(isStorageFull(failure)).toBe(true);
  });

  it.each([
    ['another IndexedDB error', new DOMException('Key already exists in the object store.', 'ConstraintError')],
    ['an abort', new DOMException('The transaction was aborted.', 'AbortError')],
    ['a book that cannot open, whatever its text says', new Error('migration failed: disk full')],
    ['a refused message', new TypeError('page:create: invalid payload')],
    ['nothing', undefined],
    ['a number', 22],
    ['another reason text', 'disconnected'],
  ])('does not take %s for it', (_, failure) => {
    expect(isStorageFull(failure)).toBe(false);
  });
});

describe('storageFullToPages', () => {
  it('turns a full disk into a StorageFullError that keeps its name across a message, and leaves other failures be', async () => {
    const full = { 'page:stats': async () => Promise.reject(CHROMIUM_DISK_FULL) } as unknown as Handlers;
    const other = { 'page:stats': async () => Promise.reject(new RangeError('no')) } as unknown as Handlers;
    await expect(storageFullToPages(full)['page:stats']({})).rejects.toBeInstanceOf(StorageFullError);
    await expect(storageFullToPages(other)['page:stats']({})).rejects.toBeInstanceOf(RangeError);

    // Through the messaging library the pages use: the page's error is rebuilt from what crossed.
    const { onMessage, sendMessage } = defineExtensionMessaging<{ full(data: null): null }>();
    const guarded = storageFullToPages(full);
    onMessage('full', () => guarded['page:stats']({}) as never);
    const received = await sendMessage('full', null).catch((error: unknown) => error);
    expect(received).not.toBeInstanceOf(StorageFullError);
    expect(received).toMatchObject({ name: STORAGE_FULL });
    expect(isStorageFull(received)).toBe(true);
  });
});
