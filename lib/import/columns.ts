import { LABELS, PARTIES, type Target } from '../domain/labels';
import { toHalfWidth } from '../domain/normalize';
import { HEADER_SEARCH_ROWS } from './limits';

/** A column's meaning for the import: a target, or null when Taitou does not use it. */
export type ColumnTarget = Exclude<Target, 'ignored'> | null;

/** Headers only spreadsheets use, on top of the labels people write in chat (lib/domain/labels.ts). */
const HEADERS: Partial<Record<Target, readonly string[]>> = {
  name: ['客户', '单位', 'customer', 'customer name', 'buyer', 'buyer name'],
  taxId: ['uscc', 'tax number', 'taxpayer id'],
  bankName: ['开户银行名称'],
  bankAccount: ['银行帐号'],
};

/** A header as compared: half-width, lower-case, no spaces, no 必填 marks or asterisks. */
function plain(header: string): string {
  return toHalfWidth(header)
    .toLowerCase()
    .replace(/[(（[【](?:必填|选填|必输|可选|非必填|required|optional)[)）\]】]|\*/g, '')
    .replace(/\s+/g, '');
}

const BY_TEXT = new Map<string, Target>();
for (const [target, texts] of Object.entries(LABELS) as [Target, readonly string[]][]) {
  for (const text of [...texts, ...(HEADERS[target] ?? [])]) {
    const key = plain(text);
    for (const form of /[a-z]/.test(key) ? [key] : [key, ...PARTIES.map((party) => party + key)]) {
      if (!BY_TEXT.has(form)) BY_TEXT.set(form, target);
    }
  }
}

/** What one header names. `统一社会信用代码/纳税人识别号` is either of two names for the same column. */
export function targetOfHeader(header: string): ColumnTarget {
  const key = plain(header);
  const target =
    BY_TEXT.get(key) ??
    key
      .split(/[/／|]/)
      .map((part) => BY_TEXT.get(part))
      .find(Boolean);
  return target && target !== 'ignored' ? target : null;
}

/** Each column's target; a target only once, in its first column (a second 电话 column stays unused). */
export function mapColumns(headers: readonly string[]): ColumnTarget[] {
  const taken = new Set<ColumnTarget>();
  return headers.map((header) => {
    const target = targetOfHeader(header);
    if (target === null || taken.has(target)) return null;
    taken.add(target);
    return target;
  });
}

/**
 * The header row: among the first rows, the one naming the most distinct targets, the buyer's name among them (a
 * title row above it, merged or not, names none). Null when no row names a name column and one other.
 */
export function findHeader(rows: readonly (readonly string[])[]): { row: number; columns: ColumnTarget[] } | null {
  let best: { row: number; columns: ColumnTarget[]; score: number } | null = null;
  rows.slice(0, HEADER_SEARCH_ROWS).forEach((cells, row) => {
    const columns = mapColumns(cells);
    const score = columns.filter(Boolean).length;
    if (columns.includes('name') && score >= 2 && score > (best?.score ?? 0)) best = { row, columns, score };
  });
  if (!best) return null;
  const { row, columns } = best;
  return { row, columns };
}
