/*
 * Whether the browser may clear the book to free space. An origin marked persistent (navigator.storage.persist) is
 * never cleared without the clerk; an extension holding the unlimitedStorage permission is exempt from quota and
 * eviction in Chrome (and granted persistence in Firefox), even where persisted() still answers false.
 */

export type StorageProtection = 'persistent' | 'unlimited' | 'bestEffort' | 'unknown';

export interface StorageFacts {
  /** navigator.storage.persisted(), after asking; null where the browser has no such API. */
  persisted: boolean | null;
  /** The extension holds unlimitedStorage. */
  unlimited: boolean;
}

/** What protects the book from being cleared: the strongest of what the browser reports. */
export function storageProtection({ persisted, unlimited }: StorageFacts): StorageProtection {
  if (persisted) return 'persistent';
  if (unlimited) return 'unlimited';
  return persisted === null ? 'unknown' : 'bestEffort';
}

/** Whether the extension holds unlimitedStorage (in its manifest; exempt from quota and eviction in Chrome). */
export const holdsUnlimitedStorage = (): Promise<boolean> =>
  browser.permissions.contains({ permissions: ['unlimitedStorage'] });

/** What a page needs of `navigator.storage` (extension pages have it; service workers lack persist()). */
export interface StorageManagerLike {
  persisted?(): Promise<boolean>;
  persist?(): Promise<boolean>;
  estimate?(): Promise<{ usage?: number }>;
}

export interface StorageState {
  protection: StorageProtection;
  /** Bytes the extension's origin uses (the book, its snapshots, caches), when the browser says. */
  usage: number | null;
}

/**
 * Asks for persistent storage unless it is granted already (no prompt in Chrome; Firefox grants it to an extension
 * with unlimitedStorage), and reports what protects the book and how much space it takes.
 */
export async function requestPersistence(
  storage: StorageManagerLike | undefined,
  hasUnlimited: () => Promise<boolean>,
): Promise<StorageState> {
  const quietly = <T>(work: (() => Promise<T>) | undefined, fallback: T) =>
    work ? work().catch(() => fallback) : Promise.resolve(fallback);
  let persisted = await quietly(storage?.persisted?.bind(storage), null as boolean | null);
  if (persisted === false) persisted = await quietly(storage?.persist?.bind(storage), false);
  const [unlimited, estimate] = await Promise.all([
    hasUnlimited().catch(() => false),
    quietly(storage?.estimate?.bind(storage), {} as { usage?: number }),
  ]);
  return { protection: storageProtection({ persisted, unlimited }), usage: estimate.usage ?? null };
}
