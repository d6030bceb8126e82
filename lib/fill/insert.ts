import { INVOICE_TYPE_WORDS } from './patterns';
import type { InvoiceKind } from './values';

/** How one write ended: the page's control holds the value (verified) or not. */
export type WriteOutcome = 'verified' | 'rejected';

const digits = (text: string) => text.replace(/\D/g, '');

/**
 * Sets a text control so that the page's framework registers it: the native value setter (frameworks such as React
 * and TDesign wrap the instance's setter) and an `input` event, then `change`; no synthetic blur, which TDesign
 * answers by restoring its own value. Re-reads afterwards; a masked input that formats the digits still verifies.
 */
export function writeText(el: HTMLInputElement | HTMLTextAreaElement, value: string): WriteOutcome {
  const proto = el.tagName === 'TEXTAREA' ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(el, value);
  else el.value = value;
  el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: value }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
  if (el.value === value) return 'verified';
  return /\d/.test(value) && digits(el.value) === digits(value) ? 'verified' : 'rejected';
}

/** Chooses the option whose text or value equals `value` in a native select. */
export function writeSelect(el: HTMLSelectElement, value: string): WriteOutcome {
  const option = [...el.options].find((o) => o.text.trim() === value || o.value === value);
  if (!option) return 'rejected';
  el.value = option.value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
  return el.value === option.value ? 'verified' : 'rejected';
}

/** Ticks or clears a checkbox by clicking it, as a person would, so its framework sees the change. */
export function writeCheckbox(el: HTMLInputElement, checked: boolean): WriteOutcome {
  if (el.checked !== checked) el.click();
  return el.checked === checked ? 'verified' : 'rejected';
}

/** The option text that names an invoice type and not the other (数电发票（增值税专用发票）, 普通发票, 专票). */
export function namesType(text: string, type: InvoiceKind): boolean {
  const other: InvoiceKind = type === 'special' ? 'normal' : 'special';
  return INVOICE_TYPE_WORDS[type].test(text) && !INVOICE_TYPE_WORDS[other].test(text);
}

/** Picks the option of a native select that names an invoice type; rejected when none does. */
export function chooseOption(select: HTMLSelectElement, type: InvoiceKind): WriteOutcome {
  const option = [...select.options].find((o) => namesType(o.text, type));
  return option ? writeSelect(select, option.value) : 'rejected';
}

/**
 * Picks the radio of a group whose text names an invoice type, by clicking its label as a person would (component
 * libraries listen to that), then re-reads it; rejected when none does.
 */
export function chooseRadio(
  radios: readonly { radio: HTMLInputElement; text: string }[],
  type: InvoiceKind,
): WriteOutcome {
  const radio = radios.find((r) => namesType(r.text, type))?.radio;
  if (!radio) return 'rejected';
  // The label a person clicks: TDesign's radio listens there and ignores clicks on its hidden native input.
  if (!radio.checked) (radio.closest('label') ?? radio).click();
  return radio.checked ? 'verified' : 'rejected';
}
