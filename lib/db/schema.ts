import type { DBSchema } from 'idb';
import type { AttachmentType } from '../domain/attachment';
import type { Customer } from '../domain/customer';
import type { Invoice } from '../domain/invoice';
import type { StoredCustomer } from './sealed';

export const DB_NAME = 'taitou';
/** Bump together with a new file in ./migrations and its sample database in tests. */
export const DB_VERSION = 5;

export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'undo', 'import'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One change to one customer, with the whole record before and after; undo replays `before`. */
export interface AuditEntry {
  seq?: number;
  at: number;
  customerId: string;
  action: AuditAction;
  before: Customer | null;
  after: Customer | null;
  /** Changes made together (an import, a bulk action) share a batch id and can be undone together. */
  batch?: string;
  /** For `undo`: the entry that was undone. */
  undoes?: number;
  /**
   * For `import`: the customers one chunk of an import added (customerId is then ''). One entry per chunk rather than
   * one per customer: each IndexedDB request costs a round trip, and an import of 50,000 would pay it twice.
   */
  created?: string[];
}

/** An audit entry as the store keeps it: while the lock is on, the records in it are sealed as the customers are. */
export type StoredAuditEntry = Omit<AuditEntry, 'before' | 'after'> & {
  before: StoredCustomer | null;
  after: StoredCustomer | null;
};

/** A stored record that failed validation, kept word for word with the reason, never dropped. */
export interface QuarantineEntry {
  seq?: number;
  at: number;
  /** The store the record was read from. */
  store: 'customers' | 'invoices';
  key: string;
  reason: string;
  issues: string[];
  raw: unknown;
}

/** A file kept with a customer (a business licence scan or PDF); the bytes are stored, not a link. */
export interface Attachment {
  id: string;
  customerId: string;
  name: string;
  type: AttachmentType;
  size: number;
  addedAt: number;
  data: ArrayBuffer;
}
export type AttachmentMeta = Omit<Attachment, 'data'>;

export interface TaitouSchema extends DBSchema {
  customers: {
    key: string;
    value: StoredCustomer;
    indexes: { taxId: string; name: string; updatedAt: number; lastUsedAt: number };
  };
  audit: {
    key: number;
    value: StoredAuditEntry;
    indexes: { customerId: string; batch: string };
  };
  quarantine: {
    key: number;
    value: QuarantineEntry;
  };
  attachments: {
    key: string;
    value: Attachment;
    indexes: { customerId: string };
  };
  /** Invoice history from the platform's exports, keyed by the invoice's number; linked to customers by tax ID. */
  invoices: {
    key: string;
    value: Invoice;
    indexes: { buyerTaxId: string; issuedOn: string };
  };
}
