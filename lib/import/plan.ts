import type { PairKind } from '../dedup/reasons';
import { hasErrors } from '../domain/findings';
import { nameKey, normalizeTaxId } from '../domain/normalize';
import type { ImportRow } from './rows';

/** What the import does with one row; the clerk can change it in the preview. */
export type Decision = 'add' | 'skip' | 'update' | 'keepBoth';

/**
 * Why a row may be a customer already: an earlier row of the file, or one in the book; by tax ID, by name, or
 * judged similar by the dedup check (another way of writing the name, the same account…), with its kind and the
 * other's name so the clerk sees which.
 */
export type Duplicate =
  | { in: 'file'; row: number; by: 'taxId' | 'name' }
  | { in: 'book'; customerId: string; by: 'taxId' | 'name' }
  | { in: 'file'; row: number; by: 'similar'; kind: PairKind; name: string }
  | { in: 'book'; customerId: string; by: 'similar'; kind: PairKind; name: string };

export interface PlannedRow extends ImportRow {
  status: 'valid' | 'warning' | 'error';
  duplicate: Duplicate | null;
  decision: Decision;
  /** The decisions this row allows: a second customer with the same tax ID cannot be kept (the book refuses it). */
  choices: readonly Decision[];
}

/** The book's customers by normalised tax ID and by name key (see nameKey). */
export interface BookKeys {
  byTaxId: ReadonlyMap<string, string>;
  byName: ReadonlyMap<string, string>;
}

// An earlier row of the file is not in the book yet, so there is nothing to update: the first row wins.
const CHOICES: Record<'new' | 'taxId' | 'name' | 'fileTaxId' | 'fileName' | 'error', readonly Decision[]> = {
  new: ['add', 'skip'],
  taxId: ['skip', 'update'],
  name: ['skip', 'update', 'keepBoth'],
  fileTaxId: ['skip'],
  fileName: ['skip', 'keepBoth'],
  error: ['skip'],
};

/**
 * Each row's status, the customer it may duplicate and what to do by default: rows with errors are skipped; a tax
 * ID already in the book or earlier in the file is skipped (nothing is overwritten unless the clerk says so); the
 * same name is skipped when the row has no tax ID of its own to tell it apart, and kept beside the other when its
 * tax ID differs (a branch, or a namesake in another city).
 */
export function planImport(rows: readonly ImportRow[], book: BookKeys): PlannedRow[] {
  const fileTaxIds = new Map<string, number>();
  const fileNames = new Map<string, number>();
  return rows.map((row) => {
    const taxId = normalizeTaxId(row.input.taxId ?? '');
    const name = nameKey(row.input.name);
    const status = hasErrors(row.findings)
      ? 'error'
      : row.findings.some((f) => f.severity === 'warning')
        ? 'warning'
        : 'valid';
    const duplicate = findDuplicate(taxId, name, book, fileTaxIds, fileNames);
    if (status !== 'error') {
      if (taxId && !fileTaxIds.has(taxId)) fileTaxIds.set(taxId, row.row);
      if (name && !fileNames.has(name)) fileNames.set(name, row.row);
    }
    const [decision, choices] = decide(status, duplicate, taxId !== '');
    // One literal shape for every row: spreading 50,000 rows costs more than naming the fields.
    return {
      row: row.row,
      input: row.input,
      draft: row.draft,
      findings: row.findings,
      status,
      duplicate,
      decision,
      choices,
    };
  });
}

function decide(
  status: PlannedRow['status'],
  duplicate: Duplicate | null,
  hasTaxId: boolean,
): [Decision, readonly Decision[]] {
  if (status === 'error') return ['skip', CHOICES.error];
  if (!duplicate) return ['add', CHOICES.new];
  const inFile = duplicate.in === 'file';
  if (duplicate.by === 'taxId') return ['skip', inFile ? CHOICES.fileTaxId : CHOICES.taxId];
  return [hasTaxId ? 'keepBoth' : 'skip', inFile ? CHOICES.fileName : CHOICES.name];
}

/**
 * The rows with the duplicates the dedup check found (see similarRows), each with the default and choices a
 * duplicate by name has: a similar customer is the same one written another way, or a namesake the clerk tells apart.
 */
export function withSimilar(rows: readonly PlannedRow[], found: ReadonlyMap<number, Duplicate>): PlannedRow[] {
  return rows.map((row) => {
    const duplicate = found.get(row.row);
    if (!duplicate || row.duplicate || row.status === 'error') return row;
    const [decision, choices] = decide(row.status, duplicate, normalizeTaxId(row.input.taxId ?? '') !== '');
    return { ...row, duplicate, decision, choices };
  });
}

function findDuplicate(
  taxId: string,
  name: string,
  book: BookKeys,
  fileTaxIds: Map<string, number>,
  fileNames: Map<string, number>,
): Duplicate | null {
  const bookByTaxId = taxId ? book.byTaxId.get(taxId) : undefined;
  if (bookByTaxId) return { in: 'book', customerId: bookByTaxId, by: 'taxId' };
  const fileByTaxId = taxId ? fileTaxIds.get(taxId) : undefined;
  if (fileByTaxId !== undefined) return { in: 'file', row: fileByTaxId, by: 'taxId' };
  const bookByName = name ? book.byName.get(name) : undefined;
  if (bookByName) return { in: 'book', customerId: bookByName, by: 'name' };
  const fileByName = name ? fileNames.get(name) : undefined;
  if (fileByName !== undefined) return { in: 'file', row: fileByName, by: 'name' };
  return null;
}
