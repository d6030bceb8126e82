import type { IDBPDatabase } from 'idb';

/** Version 1: one flat address/bank set per customer, and the audit log. */
export function migrateToV1(db: IDBPDatabase<unknown>): void {
  const customers = db.createObjectStore('customers', { keyPath: 'id' });
  customers.createIndex('taxId', 'taxId');
  customers.createIndex('name', 'name');
  customers.createIndex('updatedAt', 'updatedAt');
  const audit = db.createObjectStore('audit', { keyPath: 'seq', autoIncrement: true });
  audit.createIndex('customerId', 'customerId');
}
