import { type InvoiceDraft, InvoiceDraftSchema } from '../../lib/domain/invoice';

let serial = 0;

/**
 * A real invoice draft (through its schema) to `buyerTaxId` of `total` fen, all of it amount, issued on `day`, under
 * the next 20-digit number; negative totals are red.
 */
export function invoiceDraft(
  buyerTaxId: string,
  day: string,
  total: number,
  over: Partial<InvoiceDraft> = {},
): InvoiceDraft {
  serial += 1;
  return InvoiceDraftSchema.parse({
    id: `2644200000${String(serial).padStart(10, '0')}`,
    buyerTaxId,
    buyerName: '某公司',
    issuedOn: day,
    amount: total,
    tax: 0,
    total,
    red: total < 0,
    ...over,
  });
}
