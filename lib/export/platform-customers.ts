import { defaultEntry } from '../domain/billing';
import type { BillingEntry, Customer } from '../domain/customer';
import { normalizeTaxId } from '../domain/normalize';
import type { Columns } from './layout';
import type { Table } from './table';

export const PLATFORM_CUSTOMERS_SHEET = '客户信息';

/**
 * The platform's customer list (开票信息维护 → 客户信息维护), as its export is read by public scripts (docs/portals.md
 * section 3). The platform keeps one default "address, phone and bank" set per customer; that is the one written.
 */
const COLUMNS: Columns<BillingEntry> = [
  ['客户名称', (c) => c.name],
  ['统一社会信用代码/纳税人识别号', (c) => taxIdForPlatform(c.taxId)],
  ['地址', (_, entry) => entry.address],
  ['电话', (_, entry) => entry.phone],
  ['开户行名称', (_, entry) => entry.bankName],
  ['银行账号', (_, entry) => entry.bankAccount],
];

/** Invisible characters a pasted tax ID may carry that white-space matching misses (zero-width space, joiners, BOM). */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

/**
 * A tax ID as the platform's batch files take it: half-width, upper-case, without spaces, hyphens or invisible
 * characters (one space in one row fails a whole batch on the platform).
 */
export function taxIdForPlatform(taxId: string): string {
  return normalizeTaxId(taxId.replace(INVISIBLE, ''));
}

/** Customers in the platform's customer-list layout: a header row, then one row per customer. */
export function platformCustomersTable(customers: readonly Customer[]): Table {
  return {
    name: PLATFORM_CUSTOMERS_SHEET,
    header: 0,
    rows: [
      COLUMNS.map(([header]) => header),
      ...customers.map((c) => COLUMNS.map(([, value]) => value(c, defaultEntry(c)))),
    ],
  };
}
