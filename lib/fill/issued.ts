/*
 * Invoice history from the portal itself: when the clerk issues an invoice, the items the form shows are read (name,
 * amount, tax rate, tax), and once the page says the invoice was issued, they are sent to the book with the buyer.
 */

/** One line of an invoice as the portal's form showed it; money in fen. */
export interface IssuedItem {
  name: string;
  /** 金额 without tax. */
  amount: number;
  taxRate: string;
  tax: number;
}

/** What the page says once an invoice is out; a failed or cancelled issue says otherwise, and nothing is kept. */
const ISSUED = /开具成功|开票成功|发票已开具/;
/** How long the page has to say so. */
export const ISSUED_WAIT_MS = 60_000;

const MONEY = /^([+-]?)(\d{1,12})(?:\.(\d{1,2}))?$/;

/** Yuan as a form writes it (¥1,234.5, 1234.56, -20) in fen, exactly; null when it is not an amount. */
export function fenOf(text: string): number | null {
  const m = MONEY.exec(text.replace(/[,，¥￥\s]/g, ''));
  if (!m) return null;
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' ? -fen : fen;
}

/** A rate as written (13%, 0.13, 免税) as a fraction; null when it is none (免税, 不征税, blank). */
function rateOf(text: string): number | null {
  const t = text.replace(/\s/g, '');
  const percent = /^(\d+(?:\.\d+)?)%$/.exec(t);
  if (percent) return Number(percent[1]) / 100;
  return /^0?\.\d+$/.test(t) ? Number(t) : null;
}

type Column = 'name' | 'amount' | 'gross' | 'rate' | 'tax';

function columnOf(header: string): Column | null {
  const h = header.replace(/\s/g, '');
  if (/项目名称|货物或应税劳务|商品名称|服务名称/.test(h)) return 'name';
  if (/税率|征收率/.test(h)) return 'rate';
  if (/税额/.test(h)) return 'tax';
  if (/金额/.test(h)) return /不含税/.test(h) ? 'amount' : /含税/.test(h) ? 'gross' : 'amount';
  return null;
}

/** What a cell holds: its field's value when it has one (an editable table), else its text. */
function cellText(cell: Element): string {
  const field = cell.querySelector('input, textarea, select') as HTMLInputElement | HTMLSelectElement | null;
  if (field instanceof HTMLSelectElement) return field.selectedOptions[0]?.textContent?.trim() ?? '';
  return (field ? field.value : (cell.textContent ?? '')).trim();
}

/**
 * The items of the invoice form under `root`: the first table whose header names the item and its amount. Tables
 * that split header and body (Element, AntD, TDesign) are read as one. Lines without a name or an amount are passed
 * over; a tax the form does not show is worked out from the rate, to the fen.
 */
export function readIssuedItems(root: ParentNode): IssuedItem[] {
  for (const table of root.querySelectorAll('table')) {
    const headers = [...table.querySelectorAll('thead th, thead td')].map((th) => columnOf(th.textContent ?? ''));
    if (!headers.includes('name') || !(headers.includes('amount') || headers.includes('gross'))) continue;
    let rows = [...table.querySelectorAll('tbody tr')];
    if (rows.length === 0) {
      const whole = table.closest('.el-table, .ant-table, .t-table, .vxe-table');
      rows = whole ? [...whole.querySelectorAll('tbody tr')] : [];
    }
    const items: IssuedItem[] = [];
    for (const row of rows) {
      const cells = [...row.querySelectorAll('td')];
      const at = (column: Column) => {
        const i = headers.indexOf(column);
        const cell = i >= 0 ? cells[i] : undefined;
        return cell ? cellText(cell) : '';
      };
      const name = at('name');
      const rateText = at('rate');
      const rate = rateOf(rateText);
      const stated = fenOf(at('tax'));
      let amount = fenOf(at('amount'));
      const gross = fenOf(at('gross'));
      if (amount === null && gross !== null) {
        amount = stated !== null ? gross - stated : rate !== null ? Math.round(gross / (1 + rate)) : gross;
      }
      if (!name || amount === null) continue;
      const tax = stated ?? (rate !== null ? Math.round(amount * rate) : 0);
      items.push({ name, amount, taxRate: rateText, tax });
    }
    return items;
  }
  return [];
}

/**
 * Waits for the page to say the invoice was issued (a message, a dialog), then calls back with the number it shows,
 * if any (the 20-digit 数电发票号码); gives up after ISSUED_WAIT_MS or when `signal` aborts.
 */
export function whenIssued(doc: Document, signal: AbortSignal, issued: (number: string) => void): void {
  const view = doc.defaultView;
  if (!view) return;
  let done = false;
  const stop = () => {
    done = true;
    observer.disconnect();
    view.clearTimeout(timer);
  };
  const look = (nodes: Iterable<Node>) => {
    for (const node of nodes) {
      const text = node.textContent ?? '';
      if (done || !ISSUED.test(text)) continue;
      stop();
      issued(/\d{20}/.exec(text)?.[0] ?? '');
    }
  };
  const observer = new view.MutationObserver((records) => {
    for (const r of records) look(r.addedNodes);
  });
  observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true });
  const timer = view.setTimeout(stop, ISSUED_WAIT_MS);
  signal.addEventListener('abort', stop, { once: true });
}

/** What the content script reports of an issued invoice (the 'cs:issued' message). */
export interface IssuedReport {
  buyerName: string;
  buyerTaxId: string;
  number: string;
  items: IssuedItem[];
}

/**
 * Watches one issue at a time: called when the clerk presses 发票开具, it reads the items the form shows and, once the
 * page says the invoice is out, reports them with the buyer. A second press while the first is pending (a dialog
 * asking to confirm, a retry) takes over from it, so one invoice is never reported twice.
 */
export function issueWatcher(doc: Document, signal: AbortSignal, report: (issued: IssuedReport) => void) {
  let pending: AbortController | null = null;
  return (buyer: { name: string; taxId: string }) => {
    const items = readIssuedItems(doc);
    if (items.length === 0 || signal.aborted) return;
    pending?.abort();
    const current = new AbortController();
    pending = current;
    signal.addEventListener('abort', () => current.abort(), { once: true });
    whenIssued(doc, current.signal, (number) => {
      if (pending === current) pending = null;
      report({ buyerName: buyer.name, buyerTaxId: buyer.taxId, number, items });
    });
  };
}
