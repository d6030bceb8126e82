/** Wrappers that component libraries draw over or around the native control; a hit on them is a hit on it. */
const WRAPPERS =
  'label, .t-input, .t-checkbox, .t-radio, .el-input, .el-select, .el-checkbox, .el-radio, .ant-input-affix-wrapper, .ant-select, .ant-checkbox-wrapper, .ant-radio-wrapper';

/** Taitou's own overlays (inline list, capture prompt, toast) sit over the page but never hide a field from us. */
const OWN_OVERLAY = /^TAITOU-/;

/**
 * Whether a person can see this control where it is: not hidden by display, visibility or opacity, not zero-sized,
 * not pushed off the page, and not covered by another element. Honeypots fail one of these. Styled checkboxes and
 * radios hide the native control, so for them the visible wrapper counts.
 */
export function isVisible(el: Element): boolean {
  const type = (el as HTMLInputElement).type;
  const target = type === 'checkbox' || type === 'radio' ? (el.closest(WRAPPERS) ?? el) : el;
  if (!target.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
  const rect = target.getBoundingClientRect();
  if (rect.width < 2 || rect.height < 2) return false;
  const view = target.ownerDocument.defaultView;
  const scrollX = view?.scrollX ?? 0;
  const scrollY = view?.scrollY ?? 0;
  if (rect.right + scrollX <= 0 || rect.bottom + scrollY <= 0) return false;
  const x = rect.left + rect.width / 2;
  const y = rect.top + rect.height / 2;
  const inViewport = x >= 0 && y >= 0 && x <= (view?.innerWidth ?? 0) && y <= (view?.innerHeight ?? 0);
  if (!inViewport) return true; // cannot be tested for cover until scrolled to; the fill scrolls first
  const root = el.getRootNode() as Document | ShadowRoot;
  const hit = root.elementFromPoint(x, y);
  if (!hit || OWN_OVERLAY.test(hit.tagName)) return true;
  return hit === el || el.contains(hit) || hit.contains(el) || (hit.closest(WRAPPERS)?.contains(el) ?? false);
}

/** Whether the control takes a value from us: enabled and not read-only. */
export function isEditable(el: Element): boolean {
  const control = el as HTMLInputElement;
  return !control.disabled && !control.readOnly && !el.closest('fieldset[disabled]');
}
