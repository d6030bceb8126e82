import { z } from './zod';

const text = (max: number) => z.string().max(max);
/** Money in fen (分): whole numbers add up exactly, where yuan as floats drift (0.1 + 0.2). */
const fen = z.number().int();
/** A day as the platform writes it, in China's time; such strings sort as the days do. */
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}:\d{2}$/;

/** One line of an invoice (the detailed export's 明细 rows). Quantities and prices stay as written: they are not money. */
export const InvoiceItemSchema = z.object({
  name: text(300).default(''),
  spec: text(150).default(''),
  unit: text(60).default(''),
  quantity: text(40).default(''),
  unitPrice: text(40).default(''),
  /** 金额 (without tax), fen. */
  amount: fen,
  /** 税率 as the export gives it: '13%', '0.13', '免税', '不征税'. */
  taxRate: text(20).default(''),
  tax: fen,
  /** 税收分类编码, 19 digits. */
  taxCode: text(30).default(''),
  /** 特定业务类型. */
  businessType: text(60).default(''),
});
export type InvoiceItem = z.infer<typeof InvoiceItemSchema>;

const InvoiceFields = z.object({
  /** The identity: the 20-digit 数电发票号码, or 发票代码-发票号码 for invoices from before it. */
  id: z.string().min(1).max(40),
  code: text(12).default(''),
  number: text(20).default(''),
  digitalNumber: text(20).default(''),
  /** Normalised (see normalizeTaxId): the link to the customer with the same tax ID. '' for natural persons. */
  buyerTaxId: text(20).default(''),
  buyerName: text(300).default(''),
  sellerTaxId: text(20).default(''),
  sellerName: text(300).default(''),
  issuedOn: z.string().regex(DAY),
  /** '' when the export gave the day only. */
  issuedTime: z.union([z.string().regex(TIME), z.literal('')]).default(''),
  amount: fen,
  tax: fen,
  total: fen,
  /** 发票票种, e.g. 数电发票（增值税专用发票）. */
  kind: text(60).default(''),
  /** 发票来源. */
  origin: text(60).default(''),
  /** 发票状态 as the export says it: 正常, 已作废, 已红冲, 部分红冲… */
  status: text(30).default(''),
  /** A red (negative) invoice: 是否正数发票 否, or negative amounts. */
  red: z.boolean().default(false),
  /** Voided (作废): kept, but counts toward no total. */
  void: z.boolean().default(false),
  /** A blue invoice that a red one has offset, in part or in full. */
  redFlushed: z.boolean().default(false),
  /** For a red invoice: the 数电发票号码 of the blue one it offsets, when its remarks name it. */
  offsets: text(20).default(''),
  /** 发票风险等级. */
  risk: text(30).default(''),
  issuer: text(60).default(''),
  remarks: text(1000).default(''),
  /** Present when the detailed export gave them. */
  items: z.array(InvoiceItemSchema).max(10_000).default([]),
});
const addsUp = (i: { amount: number; tax: number; total: number }) => i.total === i.amount + i.tax;
const addsUpMessage = { message: 'total must be amount + tax', path: ['total'] };

/**
 * An invoice as an export describes it. For totals (credit limits, analytics): red invoices carry negative amounts
 * and count as they are, so a blue invoice and its red counterpart net out; voided ones count as nothing but are
 * kept (see totalOf).
 */
export const InvoiceDraftSchema = InvoiceFields.refine(addsUp, addsUpMessage);
export type InvoiceDraft = z.infer<typeof InvoiceDraftSchema>;

/** A stored invoice: what the export said, where it came from and when the book learnt it. */
export const InvoiceSchema = InvoiceFields.extend({
  /** The file the invoice was last read from, and the import (batch) that last wrote it. */
  file: text(260).default(''),
  batch: z.string().min(1),
  /** When the book first had it. */
  importedAt: z.number(),
  updatedAt: z.number(),
}).refine(addsUp, addsUpMessage);
export type Invoice = z.infer<typeof InvoiceSchema>;

const ORDER = (i: Pick<InvoiceDraft, 'issuedOn' | 'issuedTime' | 'id'>) => `${i.issuedOn} ${i.issuedTime} ${i.id}`;

/** Newest first: the order a customer's page lists invoices in. */
export function newestFirst<T extends Pick<InvoiceDraft, 'issuedOn' | 'issuedTime' | 'id'>>(a: T, b: T): number {
  const x = ORDER(a);
  const y = ORDER(b);
  return x < y ? 1 : x > y ? -1 : 0;
}

/** What invoices add up to, in fen, for credit limits and analytics: red ones subtract, voided ones count as nothing. */
export function totalOf(invoices: readonly Pick<InvoiceDraft, 'total' | 'void'>[]): number {
  return invoices.reduce((sum, invoice) => (invoice.void ? sum : sum + invoice.total), 0);
}

/** Invoices the book recorded as the clerk issued them on a portal, before any export named them. */
export const LOCAL_PREFIX = 'local-';
/** How the book names where such an invoice came from. */
export const PORTAL_ORIGIN = '网页开具（Taitou 记录）';

/** What the portal's form showed when the invoice was issued (see lib/fill/issued.ts); money in fen. */
export interface IssuedOnPortal {
  buyerName: string;
  buyerTaxId: string;
  items: readonly { name: string; amount: number; taxRate: string; tax: number }[];
  /** The 数电发票号码 when the page showed it; '' otherwise. */
  number: string;
  /** The day, China time (see chinaDay). */
  issuedOn: string;
}

/**
 * The invoice record of an invoice issued on a portal. Without the platform's number it is kept under a local id,
 * and the export that later names it takes its place (see importInvoices).
 */
export function portalInvoice(issued: IssuedOnPortal, localId: string): InvoiceDraft {
  const amount = issued.items.reduce((sum, i) => sum + i.amount, 0);
  const tax = issued.items.reduce((sum, i) => sum + i.tax, 0);
  const number = /^\d{20}$/.test(issued.number) ? issued.number : '';
  return InvoiceDraftSchema.parse({
    id: number || `${LOCAL_PREFIX}${localId}`,
    digitalNumber: number,
    buyerTaxId: issued.buyerTaxId,
    buyerName: issued.buyerName,
    issuedOn: issued.issuedOn,
    amount,
    tax,
    total: amount + tax,
    origin: PORTAL_ORIGIN,
    status: '正常',
    red: amount < 0,
    items: issued.items.map((i) => ({ name: i.name, amount: i.amount, taxRate: i.taxRate, tax: i.tax })),
  });
}
