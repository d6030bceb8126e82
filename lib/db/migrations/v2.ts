import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { CustomerSchema } from '../../domain/customer';
import { searchKeys } from '../../search/keys';
import type { QuarantineEntry } from '../schema';

/** How version 1 stored a customer: one address/bank set at the top level. */
interface CustomerV1 {
  id: string;
  name: string;
  taxId?: string;
  address?: string;
  phone?: string;
  bankName?: string;
  bankAccount?: string;
  tags?: string[];
  notes?: string;
  createdAt: number;
  updatedAt: number;
  revision: number;
}

function upgradeRecord(old: CustomerV1) {
  const entryId = `${old.id}-1`;
  return {
    name: old.name,
    taxId: old.taxId ?? '',
    kind: 'company',
    entries: [
      {
        id: entryId,
        label: '',
        address: old.address ?? '',
        phone: old.phone ?? '',
        bankName: old.bankName ?? '',
        bankAccount: old.bankAccount ?? '',
      },
    ],
    defaultEntryId: entryId,
    tags: old.tags ?? [],
    notes: old.notes ?? '',
    source: 'manual',
    id: old.id,
    createdAt: old.createdAt,
    updatedAt: old.updatedAt,
    lastUsedAt: null,
    useCount: 0,
    revision: old.revision,
    keys: searchKeys(old.name ?? '', old.taxId ?? ''),
  };
}

/**
 * Version 2: several address/bank entries per customer, stored search keys, a unique tax-ID index and the
 * quarantine. A record that does not fit (invalid, or a second customer with a tax ID already taken) is moved
 * to the quarantine with the reason, never dropped.
 */
export async function migrateToV2(
  db: IDBPDatabase<unknown>,
  tx: IDBPTransaction<unknown, string[], 'versionchange'>,
): Promise<void> {
  const quarantine = db.createObjectStore('quarantine', { keyPath: 'seq', autoIncrement: true });
  const customers = tx.objectStore('customers');
  customers.deleteIndex('taxId');
  customers.deleteIndex('name');
  customers.createIndex('name', 'keys.name');
  customers.createIndex('lastUsedAt', 'lastUsedAt');
  tx.objectStore('audit').createIndex('batch', 'batch');

  const taken = new Set<string>();
  const now = Date.now();
  const park = (raw: unknown, key: string, reason: string, issues: string[]) => {
    const entry: QuarantineEntry = { at: now, store: 'customers', key, reason, issues, raw };
    return quarantine.add(entry);
  };
  for (let cursor = await customers.openCursor(); cursor; cursor = await cursor.continue()) {
    const old = cursor.value as CustomerV1;
    const parsed = CustomerSchema.safeParse(upgradeRecord(old));
    if (!parsed.success) {
      await park(
        old,
        String(cursor.key),
        'invalid',
        parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      );
      await cursor.delete();
      continue;
    }
    const taxId = parsed.data.keys.taxId;
    if (taxId && taken.has(taxId)) {
      await park(old, String(cursor.key), 'duplicateTaxId', [`taxId ${taxId} already belongs to another customer`]);
      await cursor.delete();
      continue;
    }
    if (taxId) taken.add(taxId);
    await cursor.update(parsed.data);
  }
  customers.createIndex('taxId', 'keys.taxId', { unique: true });
}
