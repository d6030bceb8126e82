import { compareText } from './compare';
import type { AnalysableInvoice, AnalysableItem } from './input';

/**
 * Sales by item category, where the invoices carry items (the detailed export). An item's category is the 税收分类
 * short name the platform writes between asterisks at the head of its name (`*电子计算机*笔记本电脑` → 电子计算机).
 * An item without one takes the short name other items with the same 19-digit 税收分类编码 carry (the code fixes
 * the short name), else the head of its code, else 未分类.
 */

/** How the category was found: from the item's name, from the head of its tax code, or not at all. */
export type CategorySource = 'name' | 'code' | 'none';

export interface CategoryFigures {
  /** The short name, the head of the tax code, or '' for the uncategorised. */
  category: string;
  source: CategorySource;
  /** Item lines counted. */
  items: number;
  /** Invoices with at least one item in the category. */
  invoices: number;
  /** 价税合计 of the items, fen (an item's amount plus its tax); red invoices' items subtract. */
  total: number;
  /** Of the total of all categorised items; 0 when that is not above 0. */
  share: number;
}

export interface CategoryBreakdown {
  /** Largest total first. */
  categories: CategoryFigures[];
  /** Counted invoices (not voided) that carry items. */
  invoicesWithItems: number;
  /** What those items add up to, fen. */
  total: number;
}

/** 篇, 类 and 章 of the code (1 + 2 + 2 digits): broad enough to group, narrow enough to mean something. */
export const CODE_HEAD = 5;

const ASTERISK = 42;
const FULL_WIDTH_ASTERISK = 0xff0a;
const isAsterisk = (code: number) => code === ASTERISK || code === FULL_WIDTH_ASTERISK;

/** The short name between the leading asterisks of an item's name, or '' when it has none. */
export function shortName(itemName: string): string {
  const name = itemName.trimStart();
  if (!isAsterisk(name.charCodeAt(0))) return '';
  for (let i = 1; i < name.length; i++) {
    if (isAsterisk(name.charCodeAt(i))) return name.slice(1, i).trim();
  }
  return '';
}

const codeOf = (item: AnalysableItem) => item.taxCode.trim();

/** A category's running figures, with the invoices counted so far (an invoice counts once per category). */
type Tally = Omit<CategoryFigures, 'share'> & { counted: Set<number> };

/** The category figures of the items of counted invoices; voided invoices are left out. */
export function categoryBreakdown(invoices: readonly AnalysableInvoice[]): CategoryBreakdown {
  // One map per source: a key made of source and name would be a new string to hash for every item.
  const bySource: Record<CategorySource, Map<string, Tally>> = { name: new Map(), code: new Map(), none: new Map() };
  const nameOfCode = new Map<string, string>();
  let total = 0;
  const add = (source: CategorySource, category: string, item: AnalysableItem, invoice: number) => {
    const map = bySource[source];
    let figures = map.get(category);
    if (!figures) {
      figures = { category, source, items: 0, invoices: 0, total: 0, counted: new Set() };
      map.set(category, figures);
    }
    const amount = item.amount + item.tax;
    figures.items += 1;
    figures.total += amount;
    total += amount;
    if (figures.counted.has(invoice)) return;
    figures.counted.add(invoice);
    figures.invoices += 1;
  };

  // One pass over the items. An item without a short name whose code has not shown one yet waits until the pass
  // has seen every code: a later item may name it. The platform writes the short name on nearly every item, so
  // few wait.
  const waiting: { item: AnalysableItem; invoice: number }[] = [];
  let n = 0;
  for (const invoice of invoices) {
    if (invoice.void || invoice.items.length === 0) continue;
    for (const item of invoice.items) {
      const code = codeOf(item);
      const name = shortName(item.name);
      if (name) {
        if (code && !nameOfCode.has(code)) nameOfCode.set(code, name);
        add('name', name, item, n);
        continue;
      }
      const known = code ? nameOfCode.get(code) : undefined;
      if (known) add('name', known, item, n);
      else waiting.push({ item, invoice: n });
    }
    n += 1;
  }
  for (const { item, invoice } of waiting) {
    const code = codeOf(item);
    const known = nameOfCode.get(code);
    if (known) add('name', known, item, invoice);
    else if (code.length >= CODE_HEAD) add('code', code.slice(0, CODE_HEAD), item, invoice);
    else add('none', '', item, invoice);
  }

  const categories = Object.values(bySource)
    .flatMap((map) => [...map.values()])
    .map(({ counted: _, ...figures }) => ({ ...figures, share: total > 0 ? figures.total / total : 0 }))
    .sort(
      (a, b) =>
        b.total - a.total || sourceOrder(a.source) - sourceOrder(b.source) || compareText(a.category, b.category),
    );
  return { categories, invoicesWithItems: n, total };
}

const sourceOrder = (source: CategorySource) => (source === 'name' ? 0 : source === 'code' ? 1 : 2);
