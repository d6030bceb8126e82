import type { FieldResult } from '../fill/fill';
import { type FillNotes, isFillNotes } from '../fill/notes';
import type { FillValues } from '../fill/values';

/** The one message the background sends to content scripts: fill these values (and tell the clerk these notes). */
export interface FillRequest {
  type: 'taitou:fill';
  values: FillValues;
  notes?: FillNotes;
}

const TEXT_FIELDS = ['customerId', 'name', 'taxId', 'address', 'phone', 'bankName', 'bankAccount', 'email', 'mobile'];

/**
 * Checks a message a content script received. Hand-written rather than zod: the shape is tiny and the content
 * script's size budget (30 KB gzip) cannot carry a schema library.
 */
export function isFillRequest(message: unknown): message is FillRequest {
  if (typeof message !== 'object' || message === null) return false;
  const { type, values, notes } = message as { type?: unknown; values?: Record<string, unknown>; notes?: unknown };
  if (type !== 'taitou:fill' || typeof values !== 'object' || values === null) return false;
  const { invoiceType, remarks, showAddressBank } = values;
  return (
    TEXT_FIELDS.every((k) => typeof values[k] === 'string') &&
    typeof values.naturalPerson === 'boolean' &&
    (invoiceType === undefined || invoiceType === null || invoiceType === 'normal' || invoiceType === 'special') &&
    (remarks === undefined || typeof remarks === 'string') &&
    (showAddressBank === undefined || showAddressBank === null || typeof showAddressBank === 'boolean') &&
    isFillNotes(notes)
  );
}

/** What a frame that had buyer fields answers; frames without any stay silent. */
export interface FillReport {
  url: string;
  results: FieldResult[];
  /** The request's notes, handed back so that the popup tells the clerk what the page's confirmation does. */
  notes?: FillNotes;
}
