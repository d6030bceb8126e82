/** One end of a runtime.Port as Taitou uses it: what this end sends, and what it hears. */
export interface PortLike<Out, In> {
  postMessage(message: Out): void;
  onMessage: { addListener(listener: (message: In) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
  disconnect(): void;
}

/** Posts unless the other end has gone (posting to a closed port throws); says whether it was sent. */
export function postQuietly<Out>(port: Pick<PortLike<Out, unknown>, 'postMessage'>, message: Out): boolean {
  try {
    port.postMessage(message);
    return true;
  } catch {
    return false;
  }
}

/** Characters per message when text too large for one crosses a port (a backup file). */
export const PART_CHARS = 4 * 1024 * 1024;

/** A long text in parts of PART_CHARS. */
export function* textParts(text: string): Generator<string> {
  for (let at = 0; at < text.length; at += PART_CHARS) yield text.slice(at, at + PART_CHARS);
}
