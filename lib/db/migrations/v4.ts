import type { IDBPDatabase } from 'idb';

/**
 * Version 4: invoice history (see Invoice), found by the buyer's tax ID (a customer's page) and by day. Customers and
 * the other stores are not touched.
 */
export function migrateToV4(db: IDBPDatabase<unknown>): void {
  const invoices = db.createObjectStore('invoices', { keyPath: 'id' });
  invoices.createIndex('buyerTaxId', 'buyerTaxId');
  // Nothing reads by day yet: credit limits and analytics (issue 7) sum a period's invoices, and an index added in a
  // later version would mean another upgrade of every book.
  invoices.createIndex('issuedOn', 'issuedOn');
  // No index on `batch`: an invoice's batch is the import that last wrote it (each update overwrites it), so it
  // cannot find what one import did, and undoing an import leaves invoice history as it is.
}
