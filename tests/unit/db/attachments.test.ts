import { describe, expect, it } from 'vitest';
import { addAttachment, getAttachment, listAttachments, removeAttachment } from '../../../lib/db/attachments';
import { createCustomer } from '../../../lib/db/customers';
import { ATTACHMENT_MAX_BYTES } from '../../../lib/domain/attachment';
import { customerInput, freshBook } from '../../support/book';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

async function bookWithCustomer() {
  const db = await freshBook();
  const created = await createCustomer(db, customerInput());
  if (!created.ok) throw new Error('setup');
  return { db, id: created.value.id };
}

describe('attachments', () => {
  it('keeps the bytes with the customer, lists them without bytes, and removes them', async () => {
    const { db, id } = await bookWithCustomer();
    const pdf = await addAttachment(db, id, '营业执照.pdf', PDF, 10);
    const png = await addAttachment(db, id, 'licence.png', PNG, 20);
    if (!pdf.ok || !png.ok) throw new Error('not added');
    expect(pdf.value).toMatchObject({
      customerId: id,
      name: '营业执照.pdf',
      type: 'application/pdf',
      size: PDF.length,
    });
    expect(await listAttachments(db, id)).toEqual([pdf.value, png.value]);
    const stored = await getAttachment(db, pdf.value.id);
    expect(new Uint8Array(stored?.data ?? new ArrayBuffer(0))).toEqual(PDF);
    await removeAttachment(db, pdf.value.id);
    expect(await listAttachments(db, id)).toEqual([png.value]);
    expect(await listAttachments(db, 'someone-else')).toEqual([]);
  });

  it('refuses a file that is not an image or PDF by its bytes, one too large, or one for no customer, and stores nothing', async () => {
    const { db, id } = await bookWithCustomer();
    expect(await addAttachment(db, id, 'fake.pdf', new TextEncoder().encode('<html>'))).toEqual({
      ok: false,
      error: { code: 'badFile', reason: 'type' },
    });
    const huge = new Uint8Array(ATTACHMENT_MAX_BYTES + 1);
    huge.set(PDF);
    expect(await addAttachment(db, id, 'huge.pdf', huge)).toEqual({
      ok: false,
      error: { code: 'badFile', reason: 'size' },
    });
    expect(await addAttachment(db, 'missing', 'x.pdf', PDF)).toEqual({ ok: false, error: { code: 'notFound' } });
    expect(await db.count('attachments')).toBe(0);
  });
});
