import type { PortLike } from '../../lib/messaging/port';

/**
 * One end of a runtime.Port, in memory: what the code under test posts is recorded in `sent`, and the test plays the
 * other end by calling the listeners the code registered (`receive`, `hangUp`). Like a browser's port, posting once
 * the port is closed (by either end) throws, and `disconnect` does not tell this end's own onDisconnect listeners.
 */
export class FakePort<Out, In> implements PortLike<Out, In> {
  readonly sent: Out[] = [];
  closed = false;
  /** How many times postMessage threw because the port was closed. */
  refusedPosts = 0;
  private readonly messageListeners: ((message: In) => void)[] = [];
  private readonly disconnectListeners: (() => void)[] = [];
  private waiters: { test: (message: Out) => boolean; resolve: (message: Out) => void }[] = [];

  readonly onMessage = { addListener: (listener: (message: In) => void) => void this.messageListeners.push(listener) };
  readonly onDisconnect = { addListener: (listener: () => void) => void this.disconnectListeners.push(listener) };

  postMessage(message: Out): void {
    if (this.closed) {
      this.refusedPosts += 1;
      throw new Error('Attempting to use a disconnected port object');
    }
    // A real port hands the other end a copy (structured clone), never the sender's object.
    const copy = structuredClone(message);
    this.sent.push(copy);
    const [ready, waiting] = partition(this.waiters, (w) => w.test(copy));
    this.waiters = waiting;
    for (const w of ready) w.resolve(copy);
  }

  disconnect(): void {
    this.closed = true;
  }

  /**
   * The other end posts `message`: every onMessage listener hears it. Not copied, so that a test can send the same
   * large text many times over without holding a copy of each.
   */
  receive(message: In): void {
    if (this.closed) throw new Error('the port is closed: nothing can arrive');
    for (const listener of this.messageListeners) listener(message);
  }

  /** The other end goes away (its page closed): every onDisconnect listener hears it, and the port is closed. */
  hangUp(): void {
    this.closed = true;
    for (const listener of this.disconnectListeners) listener();
  }

  /** The first message posted, from now or already, that passes `test`. */
  until(test: (message: Out) => boolean): Promise<Out> {
    const already = this.sent.find(test);
    if (already !== undefined) return Promise.resolve(already);
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }
}

function partition<T>(items: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  const yes: T[] = [];
  const no: T[] = [];
  for (const item of items) (test(item) ? yes : no).push(item);
  return [yes, no];
}

/** Lets every pending promise callback and zero-delay timer run: time enough for a reply that should not come. */
export function settle(ms = 20): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
