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
