import { emptyFacts, type FieldFacts } from './facts';

/** A form control found on the page, with what the classifier needs to know about it. */
export interface Field {
  element: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
  facts: FieldFacts;
}

/** Opens a shadow root whether open or closed; content scripts pass chrome.dom.openOrClosedShadowRoot. */
export type ShadowOpener = (host: Element) => ShadowRoot | null;
const openOnly: ShadowOpener = (host) => host.shadowRoot;

const CONTROLS = 'input, textarea, select';
/** Elements that may carry a shadow root (custom elements and the few built-ins attachShadow accepts). */
const SHADOW_HOSTS = new Set(
  'ARTICLE ASIDE BLOCKQUOTE BODY DIV FOOTER H1 H2 H3 H4 H5 H6 HEADER MAIN NAV P SECTION SPAN'.split(' '),
);
export const canHostShadow = (el: Element) => el.tagName.includes('-') || SHADOW_HOSTS.has(el.tagName);
const FORM_ITEM = '.t-form__item, .el-form-item, .ant-form-item';
const FORM_LABEL = '.t-form__label, .el-form-item__label, .ant-form-item-label';
const RADIO_GROUP = '[role="radiogroup"], .t-radio-group, .el-radio-group, .ant-radio-group';
const HEADING = 'legend, h1, h2, h3, h4, h5, h6, caption, [class*="title"], [class*="header"], [class*="head"]';
const MAX_LABEL = 40;

const clean = (text: string | null | undefined) =>
  (text ?? '')
    .replace(/\s+/g, ' ')
    .replace(/[*＊:：]/g, '')
    .trim();
const short = (text: string) => (text.length > 0 && text.length <= MAX_LABEL ? text : '');

/** Every input, textarea and select under `root`, in document order, descending into shadow roots. */
export function collectControls(
  root: Document | ShadowRoot | Element,
  openShadow: ShadowOpener = openOnly,
): Field['element'][] {
  const out: Field['element'][] = [];
  const walk = (node: Document | ShadowRoot | Element) => {
    for (const el of node.querySelectorAll<Element>('*')) {
      if (el.matches(CONTROLS)) out.push(el as Field['element']);
      const shadow = canHostShadow(el) ? openShadow(el) : null;
      if (shadow) walk(shadow);
    }
  };
  walk(root);
  return out;
}

function textOfIds(el: Element, ids: string): string {
  const root = el.getRootNode() as Document | ShadowRoot;
  return ids
    .split(/\s+/)
    .map((id) => clean(root.getElementById?.(id)?.textContent))
    .filter(Boolean)
    .join(' ');
}

/** Text just before the control inside its parent (and the parent's parent): `名称：<input>`. */
function precedingText(el: Element): string {
  let node: Element | null = el;
  for (let depth = 0; node && depth < 3; depth++, node = node.parentElement) {
    let sibling = node.previousSibling;
    while (sibling) {
      const text = clean(sibling.textContent);
      if (text) return short(text);
      sibling = sibling.previousSibling;
    }
  }
  return '';
}

/** The label of a table layout: the cell to the left, else the header cell above in the same column. */
function tableLabel(el: Element): string {
  const cell = el.closest('td, th');
  if (!cell) return '';
  const left = cell.previousElementSibling;
  if (left && clean(left.textContent)) return short(clean(left.textContent));
  const row = cell.parentElement;
  const above = row?.previousElementSibling;
  const index = row ? Array.prototype.indexOf.call(row.children, cell) : -1;
  return short(clean(above?.children[index]?.textContent));
}

/** The label a person sees for the control, tried from the most to the least explicit. */
export function inferLabel(el: Field['element']): string {
  const fromLabels = [...(el.labels ?? [])].map((l) => clean(l.textContent)).find(Boolean);
  if (fromLabels) return short(fromLabels);
  const item = el.closest(FORM_ITEM)?.querySelector(FORM_LABEL);
  if (item && clean(item.textContent)) return short(clean(item.textContent));
  const dd = el.closest('dd');
  if (dd?.previousElementSibling?.tagName === 'DT') return short(clean(dd.previousElementSibling.textContent));
  return tableLabel(el) || precedingText(el);
}

/**
 * The heading of the nearest enclosing block that has one: a card header, a legend, a caption or a heading just
 * before the part of the block that holds the control. Only a few siblings per level are looked at, so the cost per
 * control stays flat however large the page (a 2,000-row table must not make each field scan 2,000 rows).
 */
export function inferSection(el: Element): string {
  let node: Element | null = el;
  for (let depth = 0; node && depth < 10; depth++) {
    let sibling = node.previousElementSibling;
    for (let n = 0; sibling && n < 3; n++, sibling = sibling.previousElementSibling) {
      if (!sibling.matches(HEADING)) continue;
      const text = clean(sibling.textContent);
      if (text && text.length <= 20) return text;
    }
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
  }
  return '';
}

/**
 * The label of a radio's group: its form item's, its fieldset's legend, the group's aria-label, or the text just
 * before the group (in a dialog without a form, its title: 选择票类). The radio's own text is its option, not this.
 */
function groupLabel(el: Field['element']): string {
  const item = el.closest(FORM_ITEM)?.querySelector(FORM_LABEL);
  if (item && clean(item.textContent)) return short(clean(item.textContent));
  const legend = el.closest('fieldset')?.querySelector('legend');
  if (legend && clean(legend.textContent)) return short(clean(legend.textContent));
  const group = el.closest(RADIO_GROUP);
  const aria = clean(group?.getAttribute('aria-label'));
  if (aria) return short(aria);
  const around = group ?? el.closest('label') ?? el;
  return tableLabel(around) || precedingText(around);
}

function kindOf(el: Field['element']): FieldFacts['kind'] {
  if (el instanceof HTMLSelectElement || el.tagName === 'SELECT') return 'select';
  if (el.tagName === 'TEXTAREA') return 'textarea';
  const type = (el as HTMLInputElement).type;
  if (type === 'checkbox') return 'checkbox';
  if (type === 'radio') return 'radio';
  return el.getAttribute('role') === 'combobox' || el.closest('.el-select, .ant-select') ? 'combobox' : 'input';
}

/** Reads the facts of one control. */
export function factsOf(el: Field['element']): FieldFacts {
  const kind = kindOf(el);
  const labelledBy = el.getAttribute('aria-labelledby');
  const maxLength = (el as HTMLInputElement).maxLength;
  return {
    ...emptyFacts(kind),
    type: el.tagName === 'INPUT' ? (el as HTMLInputElement).type.toLowerCase() : '',
    name: el.getAttribute('name') ?? '',
    id: el.id,
    placeholder: clean(el.getAttribute('placeholder')),
    autocomplete: el.getAttribute('autocomplete') ?? '',
    aria: clean([el.getAttribute('aria-label'), labelledBy ? textOfIds(el, labelledBy) : ''].filter(Boolean).join(' ')),
    label:
      kind === 'checkbox'
        ? clean(el.closest('label')?.textContent) || inferLabel(el)
        : kind === 'radio'
          ? groupLabel(el)
          : inferLabel(el),
    section: inferSection(el),
    maxLength: maxLength > 0 ? maxLength : null,
    options:
      kind === 'select'
        ? [...(el as HTMLSelectElement).options].map((o) => clean(o.text))
        : kind === 'radio'
          ? [clean(el.closest('label')?.textContent) || inferLabel(el)]
          : [],
  };
}

/** All controls under `root` with their facts. */
export function collect(root: Document | ShadowRoot | Element, openShadow: ShadowOpener = openOnly): Field[] {
  return collectControls(root, openShadow).map((element) => ({ element, facts: factsOf(element) }));
}
