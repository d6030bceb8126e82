import type { Customer } from '../../lib/domain/customer';

/**
 * The recent customers as the popup last showed them, kept in the extension's localStorage (readable at once, while
 * the worker takes tens of milliseconds to answer): the next popup paints them in its first frame, and the fresh
 * list replaces them as soon as it arrives. While the lock is on nothing is kept: localStorage is on disk, in the clear.
 */
const KEY = 'taitou.recent';
/** Set while the lock is on (any page that learns so sets it); no names are kept meanwhile. */
const SEALED = 'taitou.sealed';

/** Follows the lock: on, the kept list is dropped and none is kept; off, the popup keeps one again. */
export function followLock(on: boolean): void {
  try {
    if (on) {
      localStorage.setItem(SEALED, '1');
      localStorage.removeItem(KEY);
    } else localStorage.removeItem(SEALED);
  } catch {
    // No localStorage: nothing was kept either.
  }
}

const sealed = () => {
  try {
    return localStorage.getItem(SEALED) !== null;
  } catch {
    return true;
  }
};

const looksLikeCustomer = (v: unknown): v is Customer =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Customer).id === 'string' &&
  typeof (v as Customer).name === 'string' &&
  typeof (v as Customer).taxId === 'string' &&
  Array.isArray((v as Customer).entries) &&
  typeof (v as Customer).review === 'object';

/** What the popup showed last time; nothing when there is none or it is not what this version wrote. */
export function lastRecent(): Customer[] {
  if (sealed()) return [];
  try {
    const list: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(list) && list.every(looksLikeCustomer) ? list : [];
  } catch {
    return [];
  }
}

export function keepRecent(list: readonly Customer[]): void {
  if (sealed()) return;
  try {
    localStorage.setItem(KEY, JSON.stringify(list));
  } catch {
    // Only a head start for the next popup; without it the list comes a moment later.
  }
}
