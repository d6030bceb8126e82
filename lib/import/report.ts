import type { Table } from '../export/table';
import type { ImportSummary } from '../messaging/import-port';

type CustomerSummary = Extract<ImportSummary, { kind: 'customers' }>;

import type { PlannedRow } from './plan';

type RowResult = 'added' | 'updated' | 'unchanged' | 'skipped' | 'refused';

/** What became of each row of the file, in the file's order. */
function rowResults(rows: readonly PlannedRow[], summary: CustomerSummary): Map<number, RowResult> {
  const unchanged = new Set(summary.unchanged);
  const refused = new Set(summary.refused.map((r) => r.row));
  const results = new Map<number, RowResult>();
  for (const row of rows) {
    if (row.decision === 'skip') results.set(row.row, 'skipped');
    else if (refused.has(row.row)) results.set(row.row, 'refused');
    else if (unchanged.has(row.row)) results.set(row.row, 'unchanged');
    else results.set(row.row, row.decision === 'update' ? 'updated' : 'added');
  }
  return results;
}

/** Words for the report, in the clerk's language. */
export interface ReportWords {
  headers: [row: string, name: string, taxId: string, result: string, reason: string];
  result: Record<RowResult, string>;
  refused: Record<CustomerSummary['refused'][number]['reason'], string>;
  /** What the preview said of the row: its findings and the customer it may duplicate. */
  notes: (row: PlannedRow) => string;
}

/** The downloadable report: one line per row of the file, with what happened to it and why. */
export function reportTable(rows: readonly PlannedRow[], summary: CustomerSummary, words: ReportWords): Table {
  const results = rowResults(rows, summary);
  const refusals = new Map(summary.refused.map((r) => [r.row, r.reason]));
  const lines = rows.map((row) => {
    const result = results.get(row.row) ?? 'skipped';
    const refusal = refusals.get(row.row);
    const reason = refusal ? words.refused[refusal] : words.notes(row);
    return [String(row.row), row.input.name, row.input.taxId ?? '', words.result[result], reason];
  });
  return { name: 'report', header: 0, rows: [[...words.headers], ...lines] };
}
