import { addToBlocks, type Blocks, buildBlocks } from '../dedup/candidates';
import type { DedupRecord } from '../dedup/keys';
import { checkOne } from '../dedup/scan';
import type { Duplicate, PlannedRow } from './plan';

/** Rows checked per step: the page yields between steps, so that it keeps painting and shows progress. */
export const SIMILAR_STEP = 400;

/** The dedup check over an import's rows, run step by step (see similarStep). */
export interface SimilarSearch {
  book: Blocks;
  /** The rows checked so far, filed under `row:N`: a later row may duplicate an earlier one. */
  file: Blocks;
  /** The index of the next row to check. */
  next: number;
  /** Row number → what it likely duplicates. */
  found: Map<number, Duplicate>;
}

const ROW = 'row:';

/** Starts the check against the book's customers as filed by buildBlocks (the costly part: keep them for the page). */
export function similarSearch(book: Blocks): SimilarSearch {
  return { book, file: buildBlocks([]), next: 0, found: new Map() };
}

/**
 * Checks the next `count` rows: each row the exact keys left unmatched (see planImport) against the book, then
 * against the rows before it. Returns whether every row is checked. Rows with errors are passed over; every other
 * row is filed for the rows after it.
 */
export function similarStep(search: SimilarSearch, rows: readonly PlannedRow[], count = SIMILAR_STEP): boolean {
  const end = Math.min(rows.length, search.next + count);
  for (; search.next < end; search.next++) {
    const row = rows[search.next];
    if (!row?.draft || row.status === 'error') continue;
    if (!row.duplicate) {
      const found = matchOf(search, row.draft);
      if (found) search.found.set(row.row, found);
    }
    addToBlocks(search.file, { ...row.draft, id: `${ROW}${row.row}` });
  }
  return search.next >= rows.length;
}

function matchOf(search: SimilarSearch, draft: DedupRecord): Duplicate | null {
  const [inBook] = checkOne(draft, search.book, { limit: 1 }).duplicates;
  if (inBook) {
    const name = recordOf(search.book, inBook.id)?.name ?? '';
    return { in: 'book', customerId: inBook.id, by: 'similar', kind: inBook.kind, name };
  }
  const [inFile] = checkOne(draft, search.file, { limit: 1 }).duplicates;
  if (!inFile) return null;
  const name = recordOf(search.file, inFile.id)?.name ?? '';
  return { in: 'file', row: Number(inFile.id.slice(ROW.length)), by: 'similar', kind: inFile.kind, name };
}

const recordOf = (blocks: Blocks, id: string) => blocks.records[blocks.slotOf.get(id) ?? -1];
