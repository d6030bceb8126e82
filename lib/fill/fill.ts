import { classify } from './classify';
import { collect, type Field, type ShadowOpener } from './collect';
import { chooseOption, chooseRadio, writeCheckbox, writeSelect, writeText } from './insert';
import { planFill, type SkipReason } from './plan';
import { type FieldRole, KEEP_TYPED } from './roles';
import type { FillValues, InvoiceKind } from './values';
import { isEditable, isVisible } from './visible';

/** A control the engine will fill, with its role and whether a person can see and edit it. */
export interface BuyerField extends Field {
  role: FieldRole;
  fillable: boolean;
}

/**
 * Every buyer field under `root` (frames are separate documents: each frame's script scans its own). Radios nobody
 * can see (those of a closed dialog) are no field of the form and are left out.
 */
export function findBuyerFields(root: Document | ShadowRoot | Element, openShadow?: ShadowOpener): BuyerField[] {
  const out: BuyerField[] = [];
  for (const field of collect(root, openShadow)) {
    const role = classify(field.facts);
    if (!role) continue;
    const fillable = isVisible(field.element) && isEditable(field.element);
    if (field.facts.kind === 'radio' && !fillable) continue;
    out.push({ ...field, role, fillable });
  }
  return out;
}

/** A buyer field, with a radio group standing as one field: its first radio, and every radio with its text. */
type Planned = BuyerField & { radios?: { radio: HTMLInputElement; text: string }[] };

function groupRadios(fields: readonly BuyerField[]): Planned[] {
  const out: Planned[] = [];
  const groups = new Map<unknown, Planned>();
  for (const field of fields) {
    if (field.facts.kind !== 'radio') {
      out.push(field);
      continue;
    }
    const radio = field.element as HTMLInputElement;
    const key = radio.name || radio.closest('[role="radiogroup"], .t-radio-group, .el-radio-group, .ant-radio-group');
    const member = { radio, text: field.facts.options[0] ?? '' };
    const group = key ? groups.get(key) : undefined;
    if (group) {
      group.radios?.push(member);
      group.fillable ||= field.fillable;
      continue;
    }
    const first: Planned = { ...field, radios: [member] };
    if (key) groups.set(key, first);
    out.push(first);
  }
  return out;
}

/** How one field ended, for the confirmation the clerk sees. */
export type FieldResult =
  | { role: FieldRole; label: string; status: 'verified' }
  | { role: FieldRole; label: string; status: 'rejected' }
  | { role: FieldRole; label: string; status: 'skipped'; reason: SkipReason };

/** What Taitou itself last wrote into a field it must not overwrite when the clerk typed there (备注). */
const written = new WeakMap<Element, string>();

const textOf = (el: Field['element']) => (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' ? el.value : '');

/**
 * Fills the buyer fields under `root` with one customer's values, and the invoice fields its defaults apply to, and
 * says, per field, how it went.
 */
export function fillBuyer(
  root: Document | ShadowRoot | Element,
  values: FillValues,
  openShadow?: ShadowOpener,
): FieldResult[] {
  const fields = groupRadios(findBuyerFields(root, openShadow));
  // A disabled natural-person box already in the right state (a company on a 专票 form) is fine as it is.
  const settled = (f: BuyerField) =>
    f.role === 'naturalPerson' && (f.element as HTMLInputElement).checked === values.naturalPerson;
  const steps = planFill(
    fields.map((f) => {
      const current = textOf(f.element);
      return {
        role: f.role,
        maxLength: f.facts.maxLength,
        fillable: f.fillable || settled(f),
        current,
        ours: current !== '' && written.get(f.element) === current,
      };
    }),
    values,
  );
  return steps.map((step): FieldResult => {
    const field = fields[step.index] as Planned;
    const label = field.facts.label || field.facts.placeholder || field.facts.aria;
    if (step.action === 'skip') return { role: step.role, label, status: 'skipped', reason: step.reason };
    const el = field.element;
    let status: 'verified' | 'rejected';
    if (step.role === 'invoiceType') {
      const type = step.value as InvoiceKind;
      status = field.radios ? chooseRadio(field.radios, type) : chooseOption(el as HTMLSelectElement, type);
    } else if (typeof step.value === 'boolean') status = writeCheckbox(el as HTMLInputElement, step.value);
    else if (el.tagName === 'SELECT') status = writeSelect(el as HTMLSelectElement, step.value);
    else status = writeText(el as HTMLInputElement, step.value);
    if (status === 'verified' && KEEP_TYPED.has(step.role)) written.set(el, el.value);
    return { role: step.role, label, status };
  });
}
