import { type CreditReading, creditOf } from '../db/credit';
import { getCustomer } from '../db/customers';
import { invoicesOf } from '../db/invoices';
import type { TaitouDB } from '../db/open';
import { chinaDay } from '../domain/credit';
import type { Customer } from '../domain/customer';
import { type Invoice, totalOf } from '../domain/invoice';

/** What a customer's page lists of one invoice (its items stay in the book). */
export type InvoiceLine = Pick<
  Invoice,
  'id' | 'issuedOn' | 'issuedTime' | 'amount' | 'tax' | 'total' | 'kind' | 'status' | 'red' | 'void' | 'redFlushed'
>;

/** One page of a customer's invoices, newest first, with what all of them come to. */
export interface InvoicePage {
  invoices: InvoiceLine[];
  /** Every invoice of the customer, voided ones included. */
  count: number;
  /** What they add up to in fen (see totalOf): red ones subtract, voided ones count as nothing. */
  total: number;
  /** Stored records of this buyer that no longer validate: not listed, not counted. */
  invalid: number;
}

const line = ({ id, issuedOn, issuedTime, amount, tax, total, kind, status, red, void: voided, redFlushed }: Invoice) =>
  ({ id, issuedOn, issuedTime, amount, tax, total, kind, status, red, void: voided, redFlushed }) as InvoiceLine;

/**
 * The invoices of a customer (found by its stored tax ID), `limit` of them from `offset` on, newest first. A customer
 * without a tax ID, or no longer in the book, has none.
 */
export async function customerInvoices(db: TaitouDB, id: string, offset: number, limit: number): Promise<InvoicePage> {
  const customer = await getCustomer(db, id);
  if (!customer) return { invoices: [], count: 0, total: 0, invalid: 0 };
  const { invoices, invalid } = await invoicesOf(db, customer.taxId);
  return {
    invoices: invoices.slice(offset, offset + limit).map(line),
    count: invoices.length,
    total: totalOf(invoices),
    invalid: invalid.length,
  };
}

/**
 * A customer's credit today (China time, from the clock at `now`): against `limit` when given (the limit the clerk is
 * typing, before it is saved), else its stored limit. null when the customer is no longer in the book.
 */
export async function customerCredit(
  db: TaitouDB,
  id: string,
  limit: Customer['creditLimit'] | undefined,
  now = Date.now(),
): Promise<CreditReading | null> {
  const customer = await getCustomer(db, id);
  if (!customer) return null;
  const creditLimit = limit === undefined ? customer.creditLimit : limit;
  return creditOf(db, { taxId: customer.taxId, creditLimit }, chinaDay(now));
}
