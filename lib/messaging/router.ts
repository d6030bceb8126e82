import { defineExtensionMessaging } from '@webext-core/messaging';
import { type Handlers, type MessageName, PROTOCOL, type ProtocolMap } from './protocol';
import { type SenderInfo, senderKind } from './sender';

const { onMessage } = defineExtensionMessaging<ProtocolMap>();

/** Why a message was not handled; the sender sees it as a rejected promise. */
export class RefusedMessage extends Error {
  override name = 'RefusedMessage';
}

/**
 * Checks one incoming message against the protocol: the sender must be of the kind the message allows and the
 * payload must parse. Returns the parsed payload or throws RefusedMessage.
 */
export function admit<K extends MessageName>(
  name: K,
  data: unknown,
  sender: SenderInfo,
  self: { id: string; origin: string },
) {
  const spec = PROTOCOL[name];
  const kind = senderKind(sender, self.id, self.origin);
  if (kind !== spec.from) throw new RefusedMessage(`${name}: not accepted from ${kind ?? 'an unknown sender'}`);
  const parsed = spec.data.safeParse(data);
  if (!parsed.success) throw new RefusedMessage(`${name}: invalid payload (${parsed.error.issues[0]?.message})`);
  return parsed.data as Parameters<Handlers[K]>[0];
}

/** Registers the background's handler for every message in the protocol. */
export function serve(handlers: Handlers, self: { id: string; origin: string }): void {
  for (const name of Object.keys(PROTOCOL) as MessageName[]) {
    onMessage(name, (message) => {
      const data = admit(name, message.data, message.sender, self);
      const origin = { tabId: message.sender.tab?.id, frameId: message.sender.frameId };
      return (handlers[name] as (d: typeof data, o: typeof origin) => Promise<unknown>)(data, origin) as never;
    });
  }
}
