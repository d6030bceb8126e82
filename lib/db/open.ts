import { type IDBPDatabase, type IDBPTransaction, openDB } from 'idb';
import { migrateToV1 } from './migrations/v1';
import { migrateToV2 } from './migrations/v2';
import { migrateToV3 } from './migrations/v3';
import { migrateToV4 } from './migrations/v4';
import { migrateToV5 } from './migrations/v5';
import { DB_NAME, DB_VERSION, type TaitouSchema } from './schema';

export type TaitouDB = IDBPDatabase<TaitouSchema>;

type Migration = (
  db: IDBPDatabase<unknown>,
  tx: IDBPTransaction<unknown, string[], 'versionchange'>,
) => void | Promise<void>;

/** MIGRATIONS[n - 1] takes the database from version n - 1 to n. */
const MIGRATIONS: Migration[] = [migrateToV1, migrateToV2, migrateToV3, migrateToV4, migrateToV5];

/**
 * Opens (and upgrades) the customer book. Migrations run in the one upgrade transaction: if any step throws, the
 * transaction aborts and the database stays exactly at its old version, and this promise rejects.
 */
export function openBook(name = DB_NAME, version = DB_VERSION): Promise<TaitouDB> {
  let failure: unknown;
  const opening = openDB<unknown>(name, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      const steps = MIGRATIONS.slice(oldVersion, newVersion ?? version);
      // An aborted upgrade is reported through openDB's rejection below, not through tx.done.
      tx.done.catch(() => {});
      (async () => {
        for (const step of steps) await step(db, tx);
      })().catch((error) => {
        failure = error;
        tx.abort();
      });
    },
  });
  return opening.then(
    (db) => db as unknown as TaitouDB,
    (error) => {
      throw failure ?? error;
    },
  );
}
