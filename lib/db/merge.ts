import { type MergeChoices, mergeCluster } from '../dedup/merge';
import type { Customer } from '../domain/customer';
import { quietAbort } from './abort';
import { apply, readIn, type WriteTx } from './customers';
import type { TaitouDB } from './open';
import { type BookResult, fail, ok } from './result';

/** A customer to merge, as the clerk saw it: a later change elsewhere makes the merge a conflict. */
export interface MergeMember {
  id: string;
  revision: number;
}

/** One merge of a batch: the members as the clerk saw them, the one to keep, and the clerk's choices. */
export interface MergeRequest {
  members: readonly MergeMember[];
  survivorId: string;
  choices?: MergeChoices;
}

export interface Merged {
  merged: Customer;
  deleted: string[];
}

/** Writes one merge into `tx` (the others deleted first, then the survivor updated, audited under `batch`). */
async function mergeIn(tx: WriteTx, request: MergeRequest, now: number, batch: string): Promise<BookResult<Merged>> {
  const { members, survivorId, choices = {} } = request;
  const stored = await Promise.all(members.map((m) => readIn(tx, m.id)));
  const changed = members.findIndex((m, i) => stored[i]?.revision !== m.revision);
  if (changed >= 0) return fail({ code: 'conflict', current: stored[changed] ?? null });
  const current = stored.filter((c): c is Customer => c !== undefined);
  const result = mergeCluster(current, survivorId, choices, now);
  if (!result.ok) return fail({ code: 'invalid', issues: result.issues });
  const survivor = current.find((c) => c.id === survivorId);
  // The others go first: the survivor may take over one of their tax IDs, which the unique index allows only then.
  for (const id of result.deleteIds) {
    const before = current.find((c) => c.id === id) ?? null;
    await apply(tx, { customerId: id, action: 'delete', before, after: null }, now, batch);
  }
  const merged = { ...result.merged, revision: (survivor?.revision ?? 0) + 1 };
  await apply(tx, { customerId: survivorId, action: 'update', before: survivor ?? null, after: merged }, now, batch);
  return ok({ merged, deleted: result.deleteIds });
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
): Promise<BookResult<Merged & { batch: string }>> {
  const batch = crypto.randomUUID();
  const tx: WriteTx = db.transaction(['customers', 'audit'], 'readwrite');
  const abort = quietAbort(tx);
  const result = await mergeIn(tx, { members, survivorId, choices }, now, batch);
  if (!result.ok) {
    await abort();
    return result;
  }
  await tx.done;
  return ok({ ...result.value, batch });
}

/**
 * Several merges at once (the auto-merge of exact tax-ID duplicates), in one transaction and one audit batch, so one
 * undo takes them all back. A group changed since the clerk looked is left out and counted; a merge the book would
 * refuse aborts them all.
 */
export async function mergeMany(
  db: TaitouDB,
  requests: readonly MergeRequest[],
  now = Date.now(),
): Promise<BookResult<{ merged: number; deleted: string[]; changed: string[]; conflicts: number; batch: string }>> {
  const batch = crypto.randomUUID();
  const tx: WriteTx = db.transaction(['customers', 'audit'], 'readwrite');
  const abort = quietAbort(tx);
  const deleted: string[] = [];
  const changed: string[] = [];
  let conflicts = 0;
  for (const request of requests) {
    const result = await mergeIn(tx, request, now, batch);
    if (result.ok) {
      deleted.push(...result.value.deleted);
      changed.push(result.value.merged.id);
    } else if (result.error.code === 'conflict') conflicts++;
    else {
      await abort();
      return result;
    }
  }
  await tx.done;
  return ok({ merged: changed.length, deleted, changed, conflicts, batch });
}
