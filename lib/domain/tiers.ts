import type { Customer } from './customer';
import { INVOICE_TYPES } from './vocabulary';
import { z } from './zod';

const text = (max: number) => z.string().max(max);

/** The platform's limit on an invoice's 备注, in characters (UTF-16 units, as the customer schema counts them). */
export const REMARKS_LIMIT = 230;

/** The tiers every book has, whatever the user defines: their ids are what customer.tier holds. */
export const BUILT_IN_TIERS = [
  { id: 'normal', label: '普通' },
  { id: 'vip', label: 'VIP' },
] as const;

/**
 * What a tier's customers get when they say nothing themselves. Absent delivery fields and showAddressBank leave it
 * to the customer (or the page); remarks is a template (see fillRemarks).
 */
export const TierDefaultsSchema = z.object({
  invoiceType: z.enum(INVOICE_TYPES).nullable().default(null),
  remarks: text(REMARKS_LIMIT).default(''),
  deliveryEmail: text(200).optional(),
  deliveryMobile: text(30).optional(),
  /** Whether the invoice shows the buyer's address, phone, bank and account (是否展示). */
  showAddressBank: z.boolean().optional(),
});
export type TierDefaults = z.infer<typeof TierDefaultsSchema>;

const NO_TIER_DEFAULTS: TierDefaults = { invoiceType: null, remarks: '' };

export const TierSchema = z.object({
  /** The value customer.tier holds: 'normal', 'vip', or the name the user gave (customer.tier is free text, ≤ 40). */
  id: z.string().trim().min(1).max(40),
  label: z.string().trim().min(1).max(40),
  defaults: TierDefaultsSchema.default(NO_TIER_DEFAULTS),
});
export type Tier = z.infer<typeof TierSchema>;

/** The built-in tiers first (with no defaults unless the list gives some), then the others in the order given. */
function withBuiltIns(tiers: Tier[]): Tier[] {
  const builtIns = BUILT_IN_TIERS.map(
    (b): Tier => tiers.find((t) => t.id === b.id) ?? { ...b, defaults: NO_TIER_DEFAULTS },
  );
  return [...builtIns, ...tiers.filter((t) => !BUILT_IN_TIERS.some((b) => b.id === t.id))];
}

/** The user's tiers as kept in settings: ids unique; 'normal' and 'vip' are always there, added when missing. */
export const TiersSchema = z
  .array(TierSchema)
  .max(100)
  .refine((tiers) => new Set(tiers.map((t) => t.id)).size === tiers.length, { message: 'tier ids must be unique' })
  .transform(withBuiltIns);

/**
 * A customer's own invoice defaults, for customer.ts: today's { type, remarks } and the fields a customer may set
 * over its tier's. '' and null mean "not set": the tier's value (or the customer's contact) applies.
 */
export const CustomerInvoiceDefaultsSchema = z.object({
  type: z.enum(INVOICE_TYPES).nullable().default(null),
  remarks: text(REMARKS_LIMIT).default(''),
  deliveryEmail: text(200).default(''),
  deliveryMobile: text(30).default(''),
  showAddressBank: z.boolean().nullable().default(null),
});
export type CustomerInvoiceDefaults = z.infer<typeof CustomerInvoiceDefaultsSchema>;

/** The customer fields the defaults come from; a customer of today's shape (type and remarks only) fits too. */
export type DefaultsOwner = Pick<Customer, 'tier' | 'email' | 'mobile'> & {
  invoiceDefaults: Pick<CustomerInvoiceDefaults, 'type' | 'remarks'> & Partial<CustomerInvoiceDefaults>;
};

/** Where an effective default came from: the customer's own, its tier's, its contact details, or nowhere. */
export type DefaultSource = 'customer' | 'tier' | 'contact' | 'none';

export interface EffectiveDefaults {
  tier: Tier;
  invoiceType: (typeof INVOICE_TYPES)[number] | null;
  /** A template still: fill it with fillRemarks at issue time. */
  remarks: string;
  deliveryEmail: string;
  deliveryMobile: string;
  /** null: neither the customer nor the tier says, so the page is left as it is. */
  showAddressBank: boolean | null;
  from: Record<'invoiceType' | 'remarks' | 'deliveryEmail' | 'deliveryMobile' | 'showAddressBank', DefaultSource>;
}

/** The tier a customer's tier value names; one the settings do not define is a bare tier named as the value. */
export function tierOf(id: string, tiers: readonly Tier[]): Tier {
  return tiers.find((t) => t.id === id) ?? { id, label: id, defaults: NO_TIER_DEFAULTS };
}

/**
 * The invoice defaults that apply to a customer: field by field, its own when set, else its tier's, else nothing.
 * Delivery email and mobile fall back last to the customer's contact email and mobile. `from` says where each
 * came from, so that a fill can tell the clerk.
 */
export function effectiveDefaults(customer: DefaultsOwner, tiers: readonly Tier[]): EffectiveDefaults {
  const tier = tierOf(customer.tier, tiers);
  const own = customer.invoiceDefaults;
  const td = tier.defaults;
  const pick = <T>(
    mine: T | null | undefined,
    theirs: T | null | undefined,
    contact?: T,
  ): [T | null, DefaultSource] => {
    if (mine !== null && mine !== undefined && mine !== '') return [mine, 'customer'];
    if (theirs !== null && theirs !== undefined && theirs !== '') return [theirs, 'tier'];
    if (contact !== undefined && contact !== '') return [contact, 'contact'];
    return [null, 'none'];
  };
  const [invoiceType, typeFrom] = pick(own.type, td.invoiceType);
  const [remarks, remarksFrom] = pick(own.remarks, td.remarks);
  const [deliveryEmail, emailFrom] = pick(own.deliveryEmail, td.deliveryEmail, customer.email);
  const [deliveryMobile, mobileFrom] = pick(own.deliveryMobile, td.deliveryMobile, customer.mobile);
  const [showAddressBank, showFrom] = pick(own.showAddressBank, td.showAddressBank);
  return {
    tier,
    invoiceType,
    remarks: remarks ?? '',
    deliveryEmail: deliveryEmail ?? '',
    deliveryMobile: deliveryMobile ?? '',
    showAddressBank,
    from: {
      invoiceType: typeFrom,
      remarks: remarksFrom,
      deliveryEmail: emailFrom,
      deliveryMobile: mobileFrom,
      showAddressBank: showFrom,
    },
  };
}

/** The values a remarks template can name, each under its Chinese and English placeholders. */
export const PLACEHOLDERS = {
  contract: ['合同号', '合同编号', 'contract'],
  customerName: ['客户名称', '购买方名称', 'customer'],
  taxId: ['税号', '纳税人识别号', 'taxId'],
  month: ['月份', 'month'],
  date: ['日期', 'date'],
} as const;
export type PlaceholderKey = keyof typeof PLACEHOLDERS;
export type RemarkValues = Partial<Record<PlaceholderKey, string>>;

const KEY_OF = new Map<string, PlaceholderKey>(
  Object.entries(PLACEHOLDERS).flatMap(([key, names]) => names.map((n) => [n.toLowerCase(), key as PlaceholderKey])),
);
// Braces of either width: a Chinese input method types ｛｝. No braces or line breaks inside.
const PLACEHOLDER = /[{｛]([^{}｛｝\r\n]{1,30})[}｝]/g;

/** The filled remarks, the placeholders left as written (unknown or without a value), and how much was cut. */
export interface FilledRemarks {
  text: string;
  unfilled: string[];
  /** Characters cut from the end to keep within REMARKS_LIMIT; 0 when all of it fits. */
  cut: number;
}

/**
 * Fills a remarks template: each known placeholder ({合同号} or {contract}, {客户名称}, {税号}, {月份}, {日期}; either
 * width of brace, spaces inside allowed, English names in any case) with its value. An unknown placeholder, or a
 * known one without a value, stays as written so that the clerk sees what is missing. Values are put in as they
 * are, never read again as placeholders. Text past REMARKS_LIMIT is cut off at the end (never inside a character
 * or a placeholder left visible), and `cut` says how many characters went, so the clerk can be told.
 */
export function fillRemarks(template: string, values: RemarkValues): FilledRemarks {
  const unfilled: string[] = [];
  // Where each placeholder left visible sits in the output, so that a cut does not split one.
  const kept: { start: number; end: number }[] = [];
  let out = '';
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = (match[1] ?? '').trim();
    // Braces around nothing but spaces are text, not a placeholder the clerk must fill.
    if (!name) continue;
    out += template.slice(last, match.index);
    last = match.index + match[0].length;
    const key = KEY_OF.get(name.toLowerCase());
    const value = key ? values[key] : undefined;
    if (value) {
      out += value;
      continue;
    }
    kept.push({ start: out.length, end: out.length + match[0].length });
    out += match[0];
    if (!unfilled.includes(match[0])) unfilled.push(match[0]);
  }
  out += template.slice(last);
  if (out.length <= REMARKS_LIMIT) return { text: out, unfilled, cut: 0 };

  let end = REMARKS_LIMIT;
  const code = out.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1; // a high surrogate whose pair would be cut off
  const split = kept.find((p) => p.start < end && p.end > end);
  if (split) end = split.start;
  const text = out.slice(0, end);
  const cut = [...out.slice(end)].length;
  return { text, unfilled: unfilled.filter((p) => text.includes(p)), cut };
}

/**
 * The values a customer gives a remarks template on `today` ('YYYY-MM-DD', China time): its name and tax ID, the
 * month (2026年3月) and the day (2026年3月15日); the contract number comes from the clerk.
 */
export function remarkValues(
  customer: Pick<Customer, 'name' | 'taxId'>,
  today: string,
  extra: { contract?: string } = {},
): RemarkValues {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  if (!m) throw new RangeError(`not a day (YYYY-MM-DD): ${today}`);
  const month = `${m[1]}年${Number(m[2])}月`;
  return {
    customerName: customer.name,
    taxId: customer.taxId,
    month,
    date: `${month}${Number(m[3])}日`,
    ...(extra.contract ? { contract: extra.contract } : {}),
  };
}
