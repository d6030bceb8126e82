import type { IDBPDatabase } from 'idb';

/** Version 3: files kept with a customer (see Attachment), found by customer. Customers are not touched. */
export function migrateToV3(db: IDBPDatabase<unknown>): void {
  const attachments = db.createObjectStore('attachments', { keyPath: 'id' });
  attachments.createIndex('customerId', 'customerId');
}
