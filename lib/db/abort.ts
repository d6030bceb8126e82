/** What `quietAbort` needs of a transaction (idb's, of any stores and mode). */
interface Abortable {
  abort(): void;
  readonly done: Promise<void>;
}

/**
 * Makes a transaction safe to abort at any time, and returns the abort. From this call on, a failure of `done`
 * (a request that failed aborts the transaction before anyone awaits `done`) is no unhandled rejection; the abort
 * returned rolls the transaction back unless it has already ended, and resolves once it has ended either way. Call it
 * as soon as the transaction is opened.
 */
export function quietAbort(tx: Abortable): () => Promise<void> {
  const ended = tx.done.then(
    () => {},
    () => {},
  );
  return () => {
    try {
      tx.abort();
    } catch {
      // Already committed, or already aborted by a failed request: nothing left to roll back.
    }
    return ended;
  };
}
