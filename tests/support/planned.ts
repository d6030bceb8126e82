import { type CustomerInput, CustomerInputSchema } from '../../lib/domain/customer';
import { normalizeDraft } from '../../lib/domain/validate';
import type { PlannedRow } from '../../lib/import/plan';

/** A row of an import preview as the clerk left it: valid, new, to be added, unless `extra` says otherwise. */
export function plannedRow(row: number, input: CustomerInput, extra: Partial<PlannedRow> = {}): PlannedRow {
  return {
    row,
    input,
    draft: normalizeDraft(CustomerInputSchema.parse(input)),
    findings: [],
    status: 'valid',
    duplicate: null,
    decision: 'add',
    choices: ['add', 'skip'],
    ...extra,
  };
}
