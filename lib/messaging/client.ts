import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ProtocolMap } from './protocol';

/** The sending side, for extension pages and content scripts; it carries no schemas (they stay in the background). */
export const { sendMessage } = defineExtensionMessaging<ProtocolMap>();
