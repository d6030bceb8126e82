import { type Finding, finding } from '../domain/findings';
import { normalizePhone, normalizeText } from '../domain/normalize';
import {
  BUILT_IN_TIERS,
  type CustomerInvoiceDefaults,
  fillRemarks,
  PLACEHOLDERS,
  REMARKS_LIMIT,
  type Tier,
  type TierDefaults,
} from '../domain/tiers';
import type { INVOICE_CHOICES } from '../domain/vocabulary';

/** The longest tier id and label the book takes (customer.tier holds at most 40 characters). */
export const TIER_LABEL_MAX = 40;

const MOBILE = /^1[3-9]\d{9}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** 'normal' and 'vip' are in every book: they can be given defaults, but never renamed or deleted. */
export const isBuiltIn = (id: string) => BUILT_IN_TIERS.some((b) => b.id === id);

/** What became of a change to the tier list: the new list, or why it was refused (said about the field 'label'). */
export type TierEdit = { ok: true; tiers: Tier[]; id: string } | { ok: false; finding: Finding };

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * What is wrong with `label` as the name of a tier (`self`: the tier being renamed, if any): empty, too long, or the
 * name of another tier. The built-in tiers' ids count as names too, so that nobody names a tier "vip" or "normal".
 */
export function labelFindings(tiers: readonly Tier[], label: string, self?: string): Finding[] {
  const name = normalizeText(label);
  if (!name) return [finding('tier.label.missing', 'label', 'error', '请填写等级名称', 'Give the tier a name')];
  if (name.length > TIER_LABEL_MAX) {
    return [
      finding(
        'tier.label.tooLong',
        'label',
        'error',
        `等级名称最多 ${TIER_LABEL_MAX} 个字`,
        `A tier name has at most ${TIER_LABEL_MAX} characters`,
      ),
    ];
  }
  const taken = tiers.some((t) => t.id !== self && (same(t.label, name) || (isBuiltIn(t.id) && same(t.id, name))));
  return taken
    ? [finding('tier.label.taken', 'label', 'error', '已有同名的等级', 'There is already a tier of that name')]
    : [];
}

const refused = (tiers: readonly Tier[], label: string, self?: string): TierEdit | null => {
  const [first] = labelFindings(tiers, label, self);
  return first ? { ok: false, finding: first } : null;
};

/**
 * Adds a tier named `label` with no defaults, after the others. Its id (what customers hold) is `id` when given (a
 * value customers already hold, exactly as they hold it), else the name, so that customers already holding that text
 * join it; if a renamed tier still has that id, a number is added to keep ids unique.
 */
export function addTier(tiers: readonly Tier[], label: string, wanted?: string): TierEdit {
  const wrong = refused(tiers, label);
  if (wrong) return wrong;
  const name = normalizeText(label);
  const ids = new Set(tiers.map((t) => t.id));
  const given = wanted?.trim() && wanted.length <= TIER_LABEL_MAX ? wanted : undefined;
  if (given && !ids.has(given)) {
    return {
      ok: true,
      id: given,
      tiers: [...tiers, { id: given, label: name, defaults: { invoiceType: null, remarks: '' } }],
    };
  }
  let id = name;
  for (let n = 2; ids.has(id); n++) id = `${name.slice(0, TIER_LABEL_MAX - String(n).length - 1)}-${n}`;
  return { ok: true, id, tiers: [...tiers, { id, label: name, defaults: { invoiceType: null, remarks: '' } }] };
}

/** Renames a tier the clerk added: the label changes, the id stays, so its customers stay in it. */
export function renameTier(tiers: readonly Tier[], id: string, label: string): TierEdit {
  if (isBuiltIn(id) || !tiers.some((t) => t.id === id)) {
    return {
      ok: false,
      finding: finding('tier.builtIn', 'label', 'error', '内置等级不能改名', 'A built-in tier cannot be renamed'),
    };
  }
  const wrong = refused(tiers, label, id);
  if (wrong) return wrong;
  const name = normalizeText(label);
  return { ok: true, id, tiers: tiers.map((t) => (t.id === id ? { ...t, label: name } : t)) };
}

/** The list without a tier the clerk added; the built-in ones stay whatever is asked. */
export function removeTier(tiers: readonly Tier[], id: string): Tier[] {
  return isBuiltIn(id) ? [...tiers] : tiers.filter((t) => t.id !== id);
}

/** The list with one tier's defaults replaced. */
export function setTierDefaults(tiers: readonly Tier[], id: string, defaults: TierDefaults): Tier[] {
  return tiers.map((t) => (t.id === id ? { ...t, defaults } : t));
}

/** How many customers hold each tier value (defined or not). */
export function tierCounts(customers: Iterable<{ tier: string }>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of customers) counts.set(c.tier, (counts.get(c.tier) ?? 0) + 1);
  return counts;
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

/**
 * Every tier a list may offer: the defined ones in their order (built-in first), then the values customers hold that
 * no tier defines, as they are, in name order.
 */
export function tierIds(defined: readonly Tier[], held: Iterable<string>): string[] {
  const known = new Set(defined.map((t) => t.id));
  const others = [...new Set(held)].filter((id) => id && !known.has(id)).sort(collator.compare);
  return [...defined.map((t) => t.id), ...others];
}

/** The delivery fields and remarks as a form holds them: '' for not set. */
export type DeliveryFields = Pick<CustomerInvoiceDefaults, 'remarks' | 'deliveryEmail' | 'deliveryMobile'>;

/**
 * What is wrong with invoice defaults (a tier's or a customer's own), by field: remarks past the platform's limit or
 * naming a placeholder nobody fills (a warning: it stays visible on the invoice), a delivery email or mobile that
 * cannot be one (an error: the e-invoice would go nowhere).
 */
export function defaultsFindings(d: DeliveryFields, prefix = ''): Finding[] {
  const out: Finding[] = [];
  const field = (name: string) => `${prefix}${name}`;
  if (d.remarks.length > REMARKS_LIMIT) {
    out.push(
      finding(
        'remarks.tooLong',
        field('remarks'),
        'error',
        `备注最多 ${REMARKS_LIMIT} 个字`,
        `Remarks have at most ${REMARKS_LIMIT} characters`,
      ),
    );
  }
  const unknown = unknownPlaceholders(d.remarks);
  if (unknown.length > 0) {
    out.push(
      finding(
        'remarks.unknownPlaceholder',
        field('remarks'),
        'warning',
        `无法自动填写：${unknown.join('、')}（开票时原样保留，请手工改）`,
        `Not filled automatically: ${unknown.join(', ')} (left as written for you to change)`,
      ),
    );
  }
  const email = d.deliveryEmail.trim();
  if (email && !EMAIL.test(email)) {
    out.push(
      finding('deliveryEmail.invalid', field('deliveryEmail'), 'error', '邮箱格式不正确', 'Not an e-mail address'),
    );
  }
  const mobile = d.deliveryMobile.trim();
  if (mobile && !MOBILE.test(normalizePhone(mobile).replace(/-/g, ''))) {
    out.push(
      finding('deliveryMobile.invalid', field('deliveryMobile'), 'error', '手机号应为 11 位', 'A mobile has 11 digits'),
    );
  }
  return out;
}

const EVERY_VALUE = Object.fromEntries(Object.keys(PLACEHOLDERS).map((k) => [k, k]));

/** The placeholders of a remarks template that no value fills ({发票号} …), as written. */
export function unknownPlaceholders(template: string): string[] {
  return fillRemarks(template, EVERY_VALUE).unfilled;
}

/** The choice of a tri-state flag in a form: not said, yes, no. */
export const SHOW_CHOICES = ['', 'show', 'hide'] as const;
export type ShowChoice = (typeof SHOW_CHOICES)[number];

export const showChoiceOf = (flag: boolean | null | undefined): ShowChoice =>
  flag === true ? 'show' : flag === false ? 'hide' : '';
export const flagOf = (choice: ShowChoice): boolean | null =>
  choice === 'show' ? true : choice === 'hide' ? false : null;

/** A tier's defaults as its form holds them: every field a string, '' for "not said". */
export interface TierDefaultsDraft extends DeliveryFields {
  invoiceType: (typeof INVOICE_CHOICES)[number];
  showAddressBank: ShowChoice;
}

export function tierDraftOf(d: TierDefaults): TierDefaultsDraft {
  return {
    invoiceType: d.invoiceType ?? '',
    remarks: d.remarks,
    deliveryEmail: d.deliveryEmail ?? '',
    deliveryMobile: d.deliveryMobile ?? '',
    showAddressBank: showChoiceOf(d.showAddressBank),
  };
}

/** The defaults a tier's form says: what is left empty is left out, so its customers (or the page) decide. */
export function tierDefaultsOf(draft: TierDefaultsDraft): TierDefaults {
  const email = draft.deliveryEmail.trim();
  const mobile = normalizePhone(draft.deliveryMobile);
  const show = flagOf(draft.showAddressBank);
  return {
    invoiceType: draft.invoiceType || null,
    remarks: draft.remarks,
    ...(email ? { deliveryEmail: email } : {}),
    ...(mobile ? { deliveryMobile: mobile } : {}),
    ...(show === null ? {} : { showAddressBank: show }),
  };
}
