import { type Entry, EXACT, kindOf, normalizeQuery, PREFIX, type SearchRecord, type Tag, toEntry } from './entry';
import { compareRank } from './rank';
import { COLUMNS, writeRow } from './rows';
import { type SearchHit, scan } from './scan';
import { ColumnTable } from './table';

/** Bump when entries, rows.ts or signature.ts change what a row holds: older snapshots are then rebuilt. */
const SNAPSHOT_VERSION = 1;
/** Changes beyond this many are applied by rebuilding (see apply). */
const BULK_THRESHOLD = 64;

/** SearchIndex.snapshot's output: the entries in rank order, column by column, and the filter table's cells. */
export interface IndexSnapshot {
  version: number;
  ids: string[];
  names: string[];
  pinyins: string[];
  initials: string[];
  taxIds: string[];
  scores: Float64Array;
  tags: (readonly string[])[];
  /** Tag texts in the order they joined: a tag's bit is its position mod 32. */
  vocabulary: string[];
  /** The filter table with as much room as rows, column after column. */
  table: Uint32Array<ArrayBuffer>;
}

export { normalizeQuery, type SearchRecord } from './entry';
export type { MatchField, MatchKind, SearchHit } from './scan';

/**
 * An in-memory customer search over names, pinyin, initials, tax IDs and tags; see `search`.
 *
 * Entries are kept in rank order (see compareRank), beside a column-major table of integers
 * per entry (see rows.ts) that lets a scan skip most entries without reading their strings
 * (see scan.ts). Records need keys from searchKeys; the index never computes pinyin.
 */
export class SearchIndex {
  private entries: Entry[] = [];
  private byId = new Map<string, Entry>();
  private table = new ColumnTable(COLUMNS);
  /** Every tag seen; tags are few, so a query can test them all up front. */
  private vocabulary = new Map<string, Tag>();

  constructor(records: Iterable<SearchRecord> = []) {
    for (const record of records) this.byId.set(record.id, toEntry(record, this.vocabulary));
    this.rebuild();
  }

  private rebuild(): void {
    this.entries = [...this.byId.values()].sort(compareRank);
    this.table = new ColumnTable(COLUMNS);
    this.table.appendRows(this.entries.length);
    this.entries.forEach((entry, i) => {
      writeRow(this.table, i, entry, this.vocabulary);
    });
  }

  get size(): number {
    return this.entries.length;
  }

  /** Adds a record or replaces the one with the same id (a new name, a use, new tags). */
  upsert(record: SearchRecord): void {
    this.remove(record.id);
    const entry = toEntry(record, this.vocabulary);
    const at = this.position(entry);
    this.entries.splice(at, 0, entry);
    this.byId.set(entry.id, entry);
    this.table.insertRow(at);
    writeRow(this.table, at, entry, this.vocabulary);
  }

  /**
   * Many changes at once (an import, a bulk undo). Each single change shifts the arrays behind it, so past a few
   * dozen the index is sorted and laid out again instead: linear in the book rather than in book × changes.
   */
  apply(upserts: readonly SearchRecord[], removals: readonly string[]): void {
    if (upserts.length + removals.length <= BULK_THRESHOLD) {
      for (const id of removals) this.remove(id);
      for (const record of upserts) this.upsert(record);
      return;
    }
    for (const id of removals) this.byId.delete(id);
    for (const record of upserts) this.byId.set(record.id, toEntry(record, this.vocabulary));
    this.rebuild();
  }

  /** Each record's id, name key and tax ID (upper-case, '' for none), column by column. */
  keys(): { ids: string[]; names: string[]; taxIds: string[] } {
    return {
      ids: this.entries.map((e) => e.id),
      names: this.entries.map((e) => e.name),
      taxIds: this.entries.map((e) => e.taxId),
    };
  }

  /** Removes the record with this id; false when there was none. */
  remove(id: string): boolean {
    const entry = this.byId.get(id);
    if (!entry) return false;
    const at = this.position(entry);
    this.byId.delete(id);
    this.entries.splice(at, 1);
    this.table.removeRow(at);
    return true;
  }

  /**
   * The best `limit` hits for what a clerk typed: Chinese substrings of the name, full pinyin,
   * initials, tax ID (any case) and tags. Exact before prefix before substring, whatever the
   * field; then by recency and frequency, shorter name and pinyin (see compareRank). Each hit
   * names its best field. A query that is empty after normalisation finds nothing.
   */
  search(query: string, limit = 20): SearchHit[] {
    const q = normalizeQuery(query);
    if (q === '' || limit <= 0) return [];
    let exact = 0;
    let prefix = 0;
    for (const { text, bit } of this.vocabulary.values()) {
      const kind = kindOf(text, q, PREFIX);
      if (kind === EXACT) exact |= bit;
      if (kind <= PREFIX) prefix |= bit;
    }
    return scan(this.entries, this.table, q, { exact, prefix }, limit);
  }

  /**
   * The index as plain columns, ready for IndexedDB: restoring it skips reading every customer and computing every
   * row again, which at 100,000 customers takes seconds.
   */
  snapshot(): IndexSnapshot {
    const column = <K extends keyof Entry>(key: K) => this.entries.map((e) => e[key]);
    const table = new ColumnTable(COLUMNS);
    table.appendRows(this.entries.length);
    for (let c = 0; c < COLUMNS; c++) {
      const from = c * this.table.capacity;
      table.data.set(this.table.data.subarray(from, from + this.table.rows), c * table.capacity);
    }
    return {
      version: SNAPSHOT_VERSION,
      ids: column('id'),
      names: column('name'),
      pinyins: column('pinyin'),
      initials: column('initials'),
      taxIds: column('taxId'),
      scores: Float64Array.from(this.entries, (e) => e.score),
      tags: column('tags'),
      vocabulary: [...this.vocabulary.keys()],
      table: table.data,
    };
  }

  /** The index a snapshot was taken of; null when the snapshot is not one this version can read. */
  static restore(s: IndexSnapshot): SearchIndex | null {
    const rows = s.ids.length;
    const columns = [s.names, s.pinyins, s.initials, s.taxIds, s.scores, s.tags];
    if (s.version !== SNAPSHOT_VERSION || columns.some((c) => c.length !== rows) || s.table.length !== rows * COLUMNS)
      return null;
    const index = new SearchIndex();
    s.vocabulary.forEach((text, i) => {
      index.vocabulary.set(text, { text, bit: 1 << (i % 32) });
    });
    const shared = (tag: string) => index.vocabulary.get(tag)?.text ?? tag;
    index.entries = s.ids.map((id, i) => ({
      id,
      score: s.scores[i] as number,
      name: s.names[i] as string,
      pinyin: s.pinyins[i] as string,
      initials: s.initials[i] as string,
      taxId: s.taxIds[i] as string,
      tags: (s.tags[i] as readonly string[]).map(shared),
    }));
    for (const entry of index.entries) index.byId.set(entry.id, entry);
    index.table.data = s.table;
    index.table.capacity = rows;
    index.table.rows = rows;
    return index;
  }

  /** Where `entry` is or belongs in rank order (binary search; the order is total). */
  private position(entry: Entry): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareRank(this.entries[mid] as Entry, entry) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
