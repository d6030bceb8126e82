import { type Entry, EXACT, kindOf, normalizeQuery, PREFIX, type SearchRecord, type Tag, toEntry } from './entry';
import { compareRank } from './rank';
import { COLUMNS, writeRow } from './rows';
import { type SearchHit, scan } from './scan';
import { ColumnTable } from './table';

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
    this.entries = [...this.byId.values()].sort(compareRank);
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
