import { type MergeChoices, mergeCluster } from '../dedup/merge';
import type { Customer } from '../domain/customer';
import { quietAbort } from './abort';
import { apply, type WriteTx } from './customers';
import type { TaitouDB } from './open';
import { type BookResult, fail, ok } from './result';

/** A customer to merge, as the clerk saw it: a later change elsewhere makes the merge a conflict. */
export interface MergeMember {
  id: string;
  revision: number;
}

/**
 * Merges customers into one (see mergeCluster) in one transaction: the others are deleted, the survivor updated, all
 * audited as one batch so that undoBatch takes the merge back whole. A member changed or deleted since the clerk
 * looked is a conflict, and nothing is written.
 */
export async function mergeCustomers(
  db: TaitouDB,
  members: readonly MergeMember[],
  survivorId: string,
  choices: MergeChoices = {},
  now = Date.now(),
): Promise<BookResult<{ merged: Customer; deleted: string[]; batch: string }>> {
  const batch = crypto.randomUUID();
  const tx: WriteTx = db.transaction(['customers', 'audit'], 'readwrite');
  const abort = quietAbort(tx);
  const stored = await Promise.all(members.map((m) => tx.objectStore('customers').get(m.id)));
  const changed = members.findIndex((m, i) => stored[i]?.revision !== m.revision);
  if (changed >= 0) {
    await abort();
    return fail({ code: 'conflict', current: stored[changed] ?? null });
  }
  const current = stored.filter((c): c is Customer => c !== undefined);
  const result = mergeCluster(current, survivorId, choices, now);
  if (!result.ok) {
    await abort();
    return fail({ code: 'invalid', issues: result.issues });
  }
  const survivor = current.find((c) => c.id === survivorId);
  // The others go first: the survivor may take over one of their tax IDs, which the unique index allows only then.
  for (const id of result.deleteIds) {
    const before = current.find((c) => c.id === id) ?? null;
    await apply(tx, { customerId: id, action: 'delete', before, after: null }, now, batch);
  }
  const merged = { ...result.merged, revision: (survivor?.revision ?? 0) + 1 };
  await apply(tx, { customerId: survivorId, action: 'update', before: survivor ?? null, after: merged }, now, batch);
  await tx.done;
  return ok({ merged, deleted: result.deleteIds, batch });
}
