import { classify } from './classify';
import { collect, type Field, type ShadowOpener } from './collect';
import { writeCheckbox, writeSelect, writeText } from './insert';
import { planFill, type SkipReason } from './plan';
import type { FieldRole } from './roles';
import type { FillValues } from './values';
import { isEditable, isVisible } from './visible';

/** A control the engine will fill, with its role and whether a person can see and edit it. */
export interface BuyerField extends Field {
  role: FieldRole;
  fillable: boolean;
}

/** Every buyer field under `root` (frames are separate documents: each frame's script scans its own). */
export function findBuyerFields(root: Document | ShadowRoot | Element, openShadow?: ShadowOpener): BuyerField[] {
  const out: BuyerField[] = [];
  for (const field of collect(root, openShadow)) {
    const role = classify(field.facts);
    if (role) out.push({ ...field, role, fillable: isVisible(field.element) && isEditable(field.element) });
  }
  return out;
}

/** How one field ended, for the confirmation the clerk sees. */
export type FieldResult =
  | { role: FieldRole; label: string; status: 'verified' }
  | { role: FieldRole; label: string; status: 'rejected' }
  | { role: FieldRole; label: string; status: 'skipped'; reason: SkipReason };

/** Fills the buyer fields under `root` with one customer's values and says, per field, how it went. */
export function fillBuyer(root: Document | ShadowRoot | Element, values: FillValues, openShadow?: ShadowOpener) {
  const fields = findBuyerFields(root, openShadow);
  // A disabled natural-person box already in the right state (a company on a 专票 form) is fine as it is.
  const settled = (f: BuyerField) =>
    f.role === 'naturalPerson' && (f.element as HTMLInputElement).checked === values.naturalPerson;
  const steps = planFill(
    fields.map((f) => ({ role: f.role, maxLength: f.facts.maxLength, fillable: f.fillable || settled(f) })),
    values,
  );
  return steps.map((step): FieldResult => {
    const field = fields[step.index] as BuyerField;
    const label = field.facts.label || field.facts.placeholder || field.facts.aria;
    if (step.action === 'skip') return { role: step.role, label, status: 'skipped', reason: step.reason };
    const el = field.element;
    const status =
      typeof step.value === 'boolean'
        ? writeCheckbox(el as HTMLInputElement, step.value)
        : el.tagName === 'SELECT'
          ? writeSelect(el as HTMLSelectElement, step.value)
          : writeText(el as HTMLInputElement, step.value);
    return { role: step.role, label, status };
  });
}
