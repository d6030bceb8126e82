/** What the classifier knows about one form control: plain data read from the DOM by collect.ts. */
export interface FieldFacts {
  /** input, textarea, select, checkbox, one radio of a group, or a div-based select of a component library. */
  kind: 'input' | 'textarea' | 'select' | 'checkbox' | 'radio' | 'combobox';
  /** The input's type attribute, lower-case ('' for others). */
  type: string;
  name: string;
  id: string;
  placeholder: string;
  autocomplete: string;
  /** aria-label and the text of aria-labelledby. */
  aria: string;
  /**
   * The label inferred from the layout: label element, form-item label, table cell, dt, sibling text. For a radio,
   * the label of its group (发票类型), its own text being its option.
   */
  label: string;
  /** The heading of the block the field sits in (购买方信息, 销售方信息, a card title, a legend). */
  section: string;
  maxLength: number | null;
  /** Options of a select, by their text; for a radio, its own text (普通发票). */
  options: string[];
}

/** Facts with every text field empty, for building test cases and for controls without any. */
export function emptyFacts(kind: FieldFacts['kind'] = 'input'): FieldFacts {
  return {
    kind,
    type: kind === 'input' ? 'text' : '',
    name: '',
    id: '',
    placeholder: '',
    autocomplete: '',
    aria: '',
    label: '',
    section: '',
    maxLength: null,
    options: [],
  };
}
