import { ATTACHMENT_MAX_BYTES, sniffType } from '../domain/attachment';
import type { TaitouDB } from './open';
import { type BookResult, fail, ok } from './result';
import type { AttachmentMeta } from './schema';
import { openFile, sealFile, within } from './sealed';

/*
 * Deleting a customer leaves its files in place, so that undoing the deletion brings them back with it. They are
 * reachable again only through that undo; clearing files whose customer is gone for good belongs with the backup
 * and retention work (security issue).
 */

/**
 * Keeps a file with a customer. Its type is read from its bytes (a renamed file is refused) and the customer must
 * exist; both are checked in the transaction that writes.
 */
export async function addAttachment(
  db: TaitouDB,
  customerId: string,
  name: string,
  bytes: Uint8Array,
  now = Date.now(),
): Promise<BookResult<AttachmentMeta>> {
  if (bytes.length > ATTACHMENT_MAX_BYTES) return fail({ code: 'badFile', reason: 'size' });
  const type = sniffType(bytes);
  if (!type) return fail({ code: 'badFile', reason: 'type' });
  const tx = db.transaction(['customers', 'attachments'], 'readwrite');
  if ((await tx.objectStore('customers').getKey(customerId)) === undefined) {
    tx.abort();
    await tx.done.catch(() => {});
    return fail({ code: 'notFound' });
  }
  const meta: AttachmentMeta = { id: crypto.randomUUID(), customerId, name, type, size: bytes.length, addedAt: now };
  const stored = await within(tx, sealFile(db, { ...meta, data: bytes.slice().buffer }));
  await tx.objectStore('attachments').add(stored);
  await tx.done;
  return ok(meta);
}

/** A customer's files without their bytes, oldest first. */
export async function listAttachments(db: TaitouDB, customerId: string): Promise<AttachmentMeta[]> {
  const all = await db.getAllFromIndex('attachments', 'customerId', customerId);
  const opened = await Promise.all(all.map((file) => openFile(db, file)));
  return opened.map(({ data, ...meta }) => meta).sort((a, b) => a.addedAt - b.addedAt);
}

export async function getAttachment(db: TaitouDB, id: string) {
  const file = await db.get('attachments', id);
  return file && openFile(db, file);
}

export async function removeAttachment(db: TaitouDB, id: string): Promise<void> {
  await db.delete('attachments', id);
}
