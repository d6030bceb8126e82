import { CustomerInvoiceDefaultsSchema } from './tiers';
import { CREDIT_PERIODS, CUSTOMER_KINDS, NO_INVOICE_DEFAULTS, REVIEW_STATUSES, SOURCES } from './vocabulary';
import { z } from './zod';

const text = (max: number) => z.string().max(max);

/** One address-phone-bank-account set; a customer may invoice with several. */
export const BillingEntrySchema = z.object({
  id: z.string().min(1),
  label: text(60).default(''),
  address: text(300).default(''),
  phone: text(60).default(''),
  bankName: text(120).default(''),
  bankAccount: text(50).default(''),
});
export type BillingEntry = z.infer<typeof BillingEntrySchema>;

const hasDefaultEntry = (c: { entries: BillingEntry[]; defaultEntryId: string }) =>
  c.entries.some((e) => e.id === c.defaultEntryId);
const defaultEntryMessage = { message: 'defaultEntryId must name one of the entries', path: ['defaultEntryId'] };

const CustomerFields = z.object({
  name: z.string().trim().min(1).max(300),
  taxId: text(20).default(''),
  kind: z.enum(CUSTOMER_KINDS).default('company'),
  entries: z.array(BillingEntrySchema).min(1).max(50),
  defaultEntryId: z.string().min(1),
  email: text(200).default(''),
  mobile: text(30).default(''),
  contact: text(60).default(''),
  tier: text(40).default('normal'),
  tags: z.array(text(40)).max(50).default([]),
  notes: text(5000).default(''),
  /** The customer's own invoice defaults; what it leaves unset follows its tier's (see effectiveDefaults). */
  invoiceDefaults: CustomerInvoiceDefaultsSchema.default(NO_INVOICE_DEFAULTS),
  creditLimit: z
    .object({ amount: z.number().nonnegative().finite(), period: z.enum(CREDIT_PERIODS) })
    .nullable()
    .default(null),
  review: z
    .object({
      status: z.enum(REVIEW_STATUSES),
      by: text(60).default(''),
      at: z.number().nullable().default(null),
    })
    .default({ status: 'pending', by: '', at: null }),
  source: z.enum(SOURCES).default('manual'),
});

/** What a person edits; the book adds ids, times and search keys (see CustomerSchema). */
export const CustomerInputSchema = CustomerFields.refine(hasDefaultEntry, defaultEntryMessage);
export type CustomerInput = z.input<typeof CustomerInputSchema>;
export type CustomerDraft = z.infer<typeof CustomerInputSchema>;

/** A stored customer. `revision` grows by one on every write and guards against lost updates. */
export const CustomerSchema = CustomerFields.extend({
  id: z.string().min(1),
  createdAt: z.number(),
  updatedAt: z.number(),
  lastUsedAt: z.number().nullable(),
  useCount: z.number().int().nonnegative(),
  revision: z.number().int().positive(),
  /** Derived at write time so that readers never load the pinyin dictionary. */
  keys: z.object({
    name: z.string(),
    pinyin: z.string(),
    initials: z.string(),
    /** Present only when the tax ID is non-empty, so the unique index skips customers without one. */
    taxId: z.string().optional(),
  }),
}).refine(hasDefaultEntry, defaultEntryMessage);
export type Customer = z.infer<typeof CustomerSchema>;
