import type { FieldFacts } from './facts';
import { BUYER, EXCLUDED, NOT_BUYER, ROLE_PATTERNS, SELLER } from './patterns';
import { type FieldRole, ROLE_CONTROL } from './roles';

/** Names and ids as compared: lower-case, without the separators programmers vary (gmf_mc, gmf-mc, gmf.mc). */
export const keyOf = (text: string) => text.toLowerCase().replace(/[\s_.\-[\]]/g, '');

const roleOfText = (text: string) => (text ? ROLE_PATTERNS.find((p) => p.text.test(text))?.role : undefined);
const roleOfKey = (key: string) => (key ? ROLE_PATTERNS.find((p) => p.key.test(key))?.role : undefined);

/**
 * The buyer role of one form control, or null when it must not be filled: the seller's fields, search boxes,
 * logins, line items, and anything whose label, aria, placeholder, name or id does not say what it is.
 * What people read (label, aria) weighs more than what programmers wrote (name, id): a field labelled 开户行及账号
 * is the combined field whatever its name. Invoice fields the customer's defaults fill (发票类型, 备注, 是否展示…)
 * are classified the same way, each only on the kind of control it can be.
 */
export function classify(facts: FieldFacts): FieldRole | null {
  if (facts.kind === 'input' && EXCLUDED.types.has(facts.type)) return null;
  const texts = [facts.label, facts.aria, facts.placeholder];
  const keys = [facts.name, facts.id, facts.autocomplete].map(keyOf);
  const readable = texts.join(' ');

  if (SELLER.text.test(readable) || SELLER.text.test(facts.section) || keys.some((k) => SELLER.key.test(k))) {
    return null;
  }
  if (EXCLUDED.text.test(readable) || keys.some((k) => EXCLUDED.key.test(k))) return null;
  if (NOT_BUYER.text.test(facts.label) || NOT_BUYER.text.test(facts.aria)) return null;

  const scores = new Map<FieldRole, number>();
  const vote = (role: FieldRole | undefined, weight: number) => {
    if (role) scores.set(role, (scores.get(role) ?? 0) + weight);
  };
  vote(roleOfText(facts.label), 3);
  vote(roleOfText(facts.aria), 3);
  vote(roleOfText(facts.placeholder), 2);
  for (const key of keys) vote(roleOfKey(key), 2);

  let best: FieldRole | null = null;
  let bestScore = 0;
  for (const [role, score] of scores) {
    if (score > bestScore) [best, bestScore] = [role, score];
  }
  if (!best || bestScore < 2) return null;
  // The role must suit the control: boxes are flags, radios are choices, and a div-based select (el-select, AntD)
  // takes no value from a script, so it is no invoice-type field here. A native select may carry text or a choice.
  const control = ROLE_CONTROL[best];
  if (facts.kind === 'checkbox' || control === 'checkbox')
    return facts.kind === 'checkbox' && control === 'checkbox' ? best : null;
  if (facts.kind === 'radio') return control === 'choice' ? best : null;
  if (control === 'choice' && facts.kind !== 'select') return null;
  // A bare 名称 or 电话 is the buyer's only when nothing says otherwise; a buyer block or buyer-ish key confirms it.
  const weak =
    best === 'name' && bestScore < 3 && !BUYER.text.test(facts.section) && !keys.some((k) => BUYER.key.test(k));
  return weak ? null : best;
}
