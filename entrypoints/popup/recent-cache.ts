import type { Customer } from '../../lib/domain/customer';

/**
 * The recent customers as the popup last showed them, kept in the extension's localStorage (readable at once, while
 * the worker takes tens of milliseconds to answer): the next popup paints them in its first frame, and the fresh
 * list replaces them as soon as it arrives. The lock (security issue) must clear this along with the book.
 */
const KEY = 'taitou.recent';

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
  try {
    const list: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(list) && list.every(looksLikeCustomer) ? list : [];
  } catch {
    return [];
  }
}

export function keepRecent(list: readonly Customer[]): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(list));
  } catch {
    // Only a head start for the next popup; without it the list comes a moment later.
  }
}
