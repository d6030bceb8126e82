// Runs in a fixture page's frame (bundled by the accuracy spec): which role the fill engine would write into each
// of the given controls, or 'none'.
import { findBuyerFields } from '../../lib/fill/fill';

export function rolesOf(targets: { selector: string; shadowHost: string | null }[]): string[] {
  const roles = new Map<Element, string>();
  for (const field of findBuyerFields(document)) if (field.fillable) roles.set(field.element, field.role);
  return targets.map(({ selector, shadowHost }) => {
    const scope = shadowHost ? document.querySelector(shadowHost)?.shadowRoot : document;
    const el = scope?.querySelector(selector);
    return (el && roles.get(el)) ?? 'none';
  });
}
