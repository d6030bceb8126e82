import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { NO_INVOICE_DEFAULTS } from '../../domain/vocabulary';

/**
 * Version 5: a customer's invoice defaults gain the delivery email and mobile and whether the invoice shows the
 * address and bank ('' and null: follow the tier). Each stored customer gets those fields unset; nothing else of it
 * changes, and a record that is not an object with invoice defaults is left as it is (the quarantine on read
 * deals with it).
 */
export async function migrateToV5(
  _db: IDBPDatabase<unknown>,
  tx: IDBPTransaction<unknown, string[], 'versionchange'>,
): Promise<void> {
  const customers = tx.objectStore('customers');
  for (let cursor = await customers.openCursor(); cursor; cursor = await cursor.continue()) {
    const record = cursor.value as { invoiceDefaults?: unknown };
    const defaults = record?.invoiceDefaults;
    if (typeof defaults !== 'object' || defaults === null) continue;
    await cursor.update({ ...record, invoiceDefaults: { ...NO_INVOICE_DEFAULTS, ...defaults } });
  }
}
