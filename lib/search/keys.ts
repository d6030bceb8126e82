import { pinyin } from 'pinyin-pro';
import type { Customer } from '../domain/customer';
import { nameKey, normalizeTaxId } from '../domain/normalize';

/**
 * The search keys stored on a customer: the name key, its full pinyin and initials, and the tax ID.
 * Pinyin is toneless, lower-case, without separators, with ü written as v (as clerks type it);
 * characters that are not Chinese are kept as in the name key (ü as v there too). Polyphones follow
 * pinyin-pro's word context (重庆 → chongqing, 银行 → yinhang).
 *
 * Imports the pinyin dictionary: call it where customers are written (background, manager),
 * never from the popup or a content script.
 */
export function searchKeys(name: string, taxId: string): Customer['keys'] {
  const key = nameKey(name);
  let full = '';
  let initials = '';
  // 'all' gives each Chinese character with its context-resolved reading and keeps runs of
  // other characters whole, so one call yields both the pinyin and the initials.
  for (const item of pinyin(key, { type: 'all', toneType: 'none', v: true, nonZh: 'consecutive' })) {
    if (item.isZh) {
      full += item.pinyin;
      initials += item.first;
    } else {
      full += item.origin;
      initials += item.origin;
    }
  }
  // Queries write ü as v (normalizeQuery), so a ü outside the Chinese characters does the same.
  const asTyped = (text: string) => text.toLowerCase().replace(/ü/g, 'v');
  const keys: Customer['keys'] = { name: key, pinyin: asTyped(full), initials: asTyped(initials) };
  const tax = normalizeTaxId(taxId);
  if (tax) keys.taxId = tax;
  return keys;
}
