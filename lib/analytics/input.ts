import type { Customer } from '../domain/customer';
import type { Invoice, InvoiceItem } from '../domain/invoice';

/** What the analytics read of an item: stored invoices fit as they are, and a caller may pass less. */
export type AnalysableItem = Pick<InvoiceItem, 'name' | 'taxCode' | 'amount' | 'tax'>;

/** What the analytics read of an invoice. `buyerTaxId` is normalised, as the book stores it. */
export interface AnalysableInvoice
  extends Pick<Invoice, 'buyerTaxId' | 'buyerName' | 'issuedOn' | 'total' | 'red' | 'void'> {
  items: readonly AnalysableItem[];
}

/** What the analytics read of a customer. */
export type AnalysableCustomer = Pick<Customer, 'id' | 'name' | 'taxId' | 'tier'>;
