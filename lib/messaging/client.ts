import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ProtocolMap } from './protocol';

/** The sending side, for extension pages and content scripts; it carries no schemas (they stay in the background). */
export const { sendMessage } = defineExtensionMessaging<ProtocolMap>();

/** What a search box shows: the matches for what was typed, or the recent customers while it is empty. */
export function findCustomers(query: string, limit?: number) {
  const q = query.trim();
  return q ? sendMessage('page:search', { query: q, limit }) : sendMessage('page:recent', { limit });
}
