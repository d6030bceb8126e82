import { batchIssueTable } from './batch-issue';
import { bookTable } from './book';
import type { Layout } from './layout';
import { platformCustomersTable } from './platform-customers';

/** Every export layout by id, for the manager's choice of format. */
export const LAYOUTS = {
  book: bookTable,
  platformCustomers: platformCustomersTable,
  batchIssue: batchIssueTable,
} as const satisfies Record<string, Layout>;

export type LayoutId = keyof typeof LAYOUTS;
