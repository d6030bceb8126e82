import type { Decision, PlannedRow } from './plan';

/** The kinds of duplicate the preview sets a default for, each with its own choices. */
export const DUPLICATE_KINDS = [
  'bookTaxId',
  'bookName',
  'bookSimilar',
  'fileTaxId',
  'fileName',
  'fileSimilar',
] as const;
export type DuplicateKind = (typeof DUPLICATE_KINDS)[number];

export function duplicateKind(row: PlannedRow): DuplicateKind | null {
  const d = row.duplicate;
  if (!d || row.status === 'error') return null;
  return `${d.in}${d.by === 'taxId' ? 'TaxId' : d.by === 'name' ? 'Name' : 'Similar'}` as DuplicateKind;
}

/** The clerk's choices: a default per kind of duplicate, and any row decided by hand (which wins). */
export interface Decisions {
  byKind: Partial<Record<DuplicateKind, Decision>>;
  byRow: ReadonlyMap<number, Decision>;
}

export const NO_DECISIONS: Decisions = { byKind: {}, byRow: new Map() };

/** The rows with the clerk's decisions applied; a decision a row does not allow is ignored. */
export function decide(rows: readonly PlannedRow[], decisions: Decisions): PlannedRow[] {
  return rows.map((row) => {
    const kind = duplicateKind(row);
    const wanted = decisions.byRow.get(row.row) ?? (kind ? decisions.byKind[kind] : undefined);
    return wanted && wanted !== row.decision && row.choices.includes(wanted) ? { ...row, decision: wanted } : row;
  });
}

/** The choices a kind of duplicate offers (every row of that kind offers the same). */
export function kindChoices(rows: readonly PlannedRow[], kind: DuplicateKind): readonly Decision[] {
  return rows.find((r) => duplicateKind(r) === kind)?.choices ?? [];
}

export interface PreviewCounts {
  valid: number;
  warning: number;
  error: number;
  duplicate: number;
  /** Rows the import will write: added, updated or kept beside a namesake. */
  toWrite: number;
}

export function previewCounts(rows: readonly PlannedRow[]): PreviewCounts {
  const counts: PreviewCounts = { valid: 0, warning: 0, error: 0, duplicate: 0, toWrite: 0 };
  for (const row of rows) {
    counts[row.status]++;
    if (duplicateKind(row)) counts.duplicate++;
    if (row.decision !== 'skip') counts.toWrite++;
  }
  return counts;
}

/** The default each kind of duplicate gets before the clerk decides (the plan's own). */
export function kindDefaults(planned: readonly PlannedRow[]): Partial<Record<DuplicateKind, Decision>> {
  const defaults: Partial<Record<DuplicateKind, Decision>> = {};
  for (const row of planned) {
    const kind = duplicateKind(row);
    if (kind && !defaults[kind]) defaults[kind] = row.decision;
  }
  return defaults;
}
