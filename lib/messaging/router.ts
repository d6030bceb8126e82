import { defineExtensionMessaging } from '@webext-core/messaging';
import { EMBEDDED_MESSAGES } from './embedded';
import { type Handlers, type MessageName, PROTOCOL, type ProtocolMap } from './protocol';
import { type Reach, serves } from './reach';
import { embeddedPage, frameOrigin, type SenderInfo, senderKind } from './sender';

const { onMessage } = defineExtensionMessaging<ProtocolMap>();

/** Why a message was not handled; the sender sees it as a rejected promise. */
export class RefusedMessage extends Error {
  override name = 'RefusedMessage';
}

/** This extension: its id and its pages' origin (`chrome-extension://<id>/`). */
export interface Self {
  id: string;
  origin: string;
}

/**
 * Checks one incoming message against the protocol and the sender's place. The sender must be of the kind the
 * message allows; a content script's frame must be on the platform or on a site the clerk has enabled now; an
 * extension page shown inside a tab (the inline list, the save prompt) may ask only what it needs, for its own tab,
 * and only in a tab Taitou serves; and the payload must parse. Returns the parsed payload or throws RefusedMessage.
 */
export async function admit<K extends MessageName>(
  name: K,
  data: unknown,
  sender: SenderInfo,
  self: Self,
  reach: Reach,
): Promise<Parameters<Handlers[K]>[0]> {
  const spec = PROTOCOL[name];
  const kind = senderKind(sender, self.id, self.origin);
  if (kind !== spec.from) throw new RefusedMessage(`${name}: not accepted from ${kind ?? 'an unknown sender'}`);
  if (kind === 'contentScript' && !(await serves(reach, frameOrigin(sender)))) {
    throw new RefusedMessage(`${name}: not accepted from a frame Taitou does not serve`);
  }
  const embedded = kind === 'extensionPage' ? embeddedPage(sender, self.origin) : null;
  if (embedded !== null) {
    if (!EMBEDDED_MESSAGES.get(embedded)?.includes(name)) {
      throw new RefusedMessage(`${name}: not accepted from ${embedded} inside a tab (see lib/messaging/embedded.ts)`);
    }
    if (!(await serves(reach, sender.tab?.url))) {
      throw new RefusedMessage(`${name}: not accepted from ${embedded} in a tab Taitou does not serve`);
    }
  }
  const parsed = spec.data.safeParse(data);
  if (!parsed.success) throw new RefusedMessage(`${name}: invalid payload (${parsed.error.issues[0]?.message})`);
  // The inline list and the save prompt act for the tab they sit in, never for another one.
  const tabId = (parsed.data as { tabId?: unknown }).tabId;
  if (embedded !== null && tabId !== undefined && tabId !== sender.tab?.id) {
    throw new RefusedMessage(`${name}: not accepted from ${embedded} for another tab`);
  }
  return parsed.data as Parameters<Handlers[K]>[0];
}

/** Registers the background's handler for every message in the protocol. */
export function serve(handlers: Handlers, self: Self, reach: Reach): void {
  for (const name of Object.keys(PROTOCOL) as MessageName[]) {
    onMessage(name, async (message) => {
      const data = await admit(name, message.data, message.sender, self, reach);
      const origin = { tabId: message.sender.tab?.id, frameId: message.sender.frameId };
      return (handlers[name] as (d: typeof data, o: typeof origin) => Promise<unknown>)(data, origin) as never;
    });
  }
}
