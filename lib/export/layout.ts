import type { Customer } from '../domain/customer';
import type { Table } from './table';

export interface LayoutOptions {
  /** The IANA time zone dates are written in; the clerk's own when absent. */
  timeZone?: string;
}

/** A way of laying customers out as one sheet. */
export type Layout = (customers: readonly Customer[], options?: LayoutOptions) => Table;

/** Each column's header and how a customer fills it. */
export type Columns<Context> = readonly (readonly [header: string, value: (c: Customer, context: Context) => string])[];
