import { asStorageFull } from '../db/quota';
import type { Handlers } from '../messaging/protocol';

/**
 * The same handlers; a write the browser refused for lack of space reaches the page as a StorageFullError (see
 * lib/db/quota.ts), which it can tell from any other failure and explain, instead of the browser's bare error.
 */
export function storageFullToPages(handlers: Handlers): Handlers {
  const out: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const [name, handle] of Object.entries(handlers) as [string, (...args: unknown[]) => Promise<unknown>][]) {
    out[name] = (...args) =>
      handle(...args).catch((error: unknown) => {
        throw asStorageFull(error);
      });
  }
  return out as unknown as Handlers;
}
