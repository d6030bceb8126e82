import type { IDBPDatabase } from 'idb';

/**
 * Version 4: invoice history (see Invoice), found by the buyer's tax ID (a customer's page), by day (periods for
 * credit limits and analytics) and by import batch. Customers and the other stores are not touched.
 */
export function migrateToV4(db: IDBPDatabase<unknown>): void {
  const invoices = db.createObjectStore('invoices', { keyPath: 'id' });
  invoices.createIndex('buyerTaxId', 'buyerTaxId');
  invoices.createIndex('issuedOn', 'issuedOn');
  invoices.createIndex('batch', 'batch');
}
