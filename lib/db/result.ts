import type { Customer } from '../domain/customer';

/** Why the book refused a write. Each is a normal outcome the UI explains, not an exception. */
export type BookError =
  /** The customer changed (or was deleted, current null) since the caller read it. */
  | { code: 'conflict'; current: Customer | null }
  | { code: 'duplicateTaxId'; existingId: string }
  | { code: 'notFound' }
  | { code: 'invalid'; issues: string[] }
  /** A file that is not an image or PDF by its own bytes, or is too large to keep. */
  | { code: 'badFile'; reason: 'type' | 'size' };

export type BookResult<T> = { ok: true; value: T } | { ok: false; error: BookError };

export const ok = <T>(value: T): BookResult<T> => ({ ok: true, value });
export const fail = <T>(error: BookError): BookResult<T> => ({ ok: false, error });
