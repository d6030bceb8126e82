import type { Customer, CustomerDraft } from '../domain/customer';
import { searchKeys } from '../search/keys';
import type { PlannedRow } from './plan';

/**
 * One customer the import writes: a new one, or (with `id`) new details for one already in the book. The search keys
 * come computed, so that the book's transaction spends no time on pinyin.
 */
export interface ImportWrite {
  row: number;
  id?: string;
  draft: CustomerDraft;
  keys: Customer['keys'];
}

/** What the clerk's decisions in the preview write; skipped rows write nothing. Runs in the page (pinyin). */
export function importWrites(rows: readonly PlannedRow[]): ImportWrite[] {
  const writes: ImportWrite[] = [];
  for (const row of rows) {
    const { draft } = row;
    if (row.decision === 'skip' || !draft) continue;
    const keys = searchKeys(draft.name, draft.taxId);
    const target = row.decision === 'update' && row.duplicate?.in === 'book' ? row.duplicate.customerId : undefined;
    writes.push(target ? { row: row.row, id: target, draft, keys } : { row: row.row, draft, keys });
  }
  return writes;
}
