import { AnalyticsOptionsSchema } from '../analytics/options';
import type { AnalyticsReply } from '../background/analytics-service';
import type { InvoicePage } from '../background/customer-extras-service';
import type { SnapshotRestore, SnapshotView } from '../background/snapshot-service';
import type { VaultAnswer, VaultStatus } from '../background/vault-service';
import type { CreditReading } from '../db/credit';
import type { BookResult } from '../db/result';
import type { AttachmentMeta, AuditEntry } from '../db/schema';
import { MERGE_FIELDS } from '../dedup/merge';
import { ATTACHMENT_MAX_BYTES } from '../domain/attachment';
import type { Customer } from '../domain/customer';
import { CREDIT_PERIODS } from '../domain/vocabulary';
import { z } from '../domain/zod';
import type { Captured } from '../fill/capture';
import type { FillReport } from './tab';

/** Who sent a message, as the background establishes it from `sender` (never from the payload). */
export type SenderKind = 'extensionPage' | 'contentScript';

const id = z.string().min(1).max(100);

/** What a clerk does in a buyer field while the inline menu is open. */
export const MENU_EVENTS = ['open', 'query', 'down', 'up', 'enter', 'close'] as const;
export type MenuEvent = (typeof MENU_EVENTS)[number];

/** The background's broadcast to inline menus (extension pages), one tab at a time. */
export interface MenuBroadcast {
  type: 'taitou:menu';
  tabId: number;
  event: MenuEvent;
  query: string;
}
/** The background's broadcast to every extension page when the book locks or unlocks. */
export interface VaultBroadcast {
  type: 'taitou:vault';
  locked: boolean;
}
const revision = z.number().int().positive();
// An issued invoice line's fen, ±10 billion yuan: 2,000 lines and their tax must still add up to a safe integer.
const lineFen = z.number().int().min(-1_000_000_000_000).max(1_000_000_000_000);
const limit = z.number().int().min(1).max(200).default(20);
const passphrase = z.string().min(1).max(1000);
/** A passphrase being set: long enough that guessing it offline costs years at 600,000 PBKDF2 rounds a guess. */
export const PASSPHRASE_MIN = 8;
const newPassphrase = z.string().min(PASSPHRASE_MIN).max(1000);

/**
 * Every message the background answers. Names say the direction: `page:` from the extension's own pages (popup,
 * manager) to the background. Customer input is checked by the book itself against CustomerInputSchema.
 */
export const PROTOCOL = {
  'page:search': { from: 'extensionPage', data: z.object({ query: z.string().max(200), limit }) },
  'page:recent': { from: 'extensionPage', data: z.object({ limit }) },
  'page:get': { from: 'extensionPage', data: z.object({ id }) },
  /** The customers with these ids that still exist, in the order asked (the manager, after a bulk change). */
  'page:getMany': { from: 'extensionPage', data: z.object({ ids: z.array(id).max(5000) }) },
  'page:create': { from: 'extensionPage', data: z.object({ input: z.unknown() }) },
  'page:update': { from: 'extensionPage', data: z.object({ id, revision, input: z.unknown() }) },
  'page:delete': { from: 'extensionPage', data: z.object({ id, revision }) },
  'page:undo': { from: 'extensionPage', data: z.object({ seq: z.number().int().nonnegative() }) },
  'page:history': { from: 'extensionPage', data: z.object({ id }) },
  /** The import preview: every customer's id, name key and tax ID, to tell duplicates (import-port.ts writes). */
  'page:bookKeys': { from: 'extensionPage', data: z.object({}) },
  /** The manager page: the newest customers first, then the whole book page by page (ids after `after`). */
  'page:newest': { from: 'extensionPage', data: z.object({ limit }) },
  'page:pageOf': {
    from: 'extensionPage',
    data: z.object({ after: z.string().max(100).nullable(), limit: z.number().int().min(1).max(5000) }),
  },
  /** One action on many customers, audited as one batch; `page:undoBatch` takes it back. */
  'page:bulk': {
    from: 'extensionPage',
    data: z.object({
      ids: z.array(id).max(200_000),
      action: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('delete') }),
        z.object({ kind: z.literal('verify'), by: z.string().max(60) }),
        z.object({ kind: z.literal('tier'), tier: z.string().min(1).max(40) }),
        z.object({ kind: z.literal('tag'), tag: z.string().min(1).max(40) }),
        z.object({ kind: z.literal('untag'), tag: z.string().min(1).max(40) }),
      ]),
    }),
  },
  'page:undoBatch': { from: 'extensionPage', data: z.object({ batch: id }) },
  /** The dedup scan's merge: these customers (as the clerk saw them) become the survivor; page:undoBatch undoes it. */
  'page:merge': {
    from: 'extensionPage',
    data: z.object({
      members: z.array(z.object({ id, revision })).min(2).max(50),
      survivorId: id,
      choices: z
        .object({
          fields: z.partialRecord(z.enum(MERGE_FIELDS), id).optional(),
          defaultEntryId: z.string().max(100).optional(),
        })
        .default({}),
    }),
  },
  /** The auto-merge: each group (exact tax-ID duplicates) becomes its survivor, all in one batch (one undo). */
  'page:mergeMany': {
    from: 'extensionPage',
    data: z.object({
      groups: z
        .array(z.object({ members: z.array(z.object({ id, revision })).min(2).max(50), survivorId: id }))
        .min(1)
        .max(5000),
    }),
  },
  /** Quick add and paste, while the clerk types: customers the new one may duplicate. */
  'page:similar': { from: 'extensionPage', data: z.object({ name: z.string().max(300), taxId: z.string().max(40) }) },
  /** A customer's files (a business licence): listed without bytes; one fetched whole, as base64, to preview. */
  'page:attachments': { from: 'extensionPage', data: z.object({ customerId: id }) },
  'page:attachment': { from: 'extensionPage', data: z.object({ id }) },
  'page:attach': {
    from: 'extensionPage',
    data: z.object({
      customerId: id,
      name: z.string().min(1).max(255),
      data: z.base64().max(Math.ceil(ATTACHMENT_MAX_BYTES / 3) * 4),
    }),
  },
  'page:detach': { from: 'extensionPage', data: z.object({ id }) },
  'page:stats': { from: 'extensionPage', data: z.object({}) },
  'page:loadSamples': { from: 'extensionPage', data: z.object({}) },
  'page:fill': {
    from: 'extensionPage',
    data: z.object({ tabId: z.number().int().nonnegative(), id, entryId: z.string().max(100).optional() }),
  },
  /** The inline menu's iframe, on load: what has been typed so far in its tab. */
  'page:menuState': { from: 'extensionPage', data: z.object({ tabId: z.number().int().nonnegative() }) },
  /** A content script reports the buyer the clerk issued an invoice to; it learns only whether to prompt. */
  'cs:capture': {
    from: 'contentScript',
    data: z.object({
      name: z.string().max(300),
      taxId: z.string().max(20),
      address: z.string().max(300),
      phone: z.string().max(60),
      bankName: z.string().max(120),
      bankAccount: z.string().max(50),
    }),
  },
  /** A content script reports an invoice the portal says it issued: its buyer and items, for invoice history. */
  'cs:issued': {
    from: 'contentScript',
    data: z.object({
      buyerName: z.string().trim().min(1).max(300),
      buyerTaxId: z.string().max(20),
      number: z.string().max(20),
      items: z
        .array(
          z.object({
            name: z.string().max(300),
            amount: lineFen,
            taxRate: z.string().max(20),
            tax: lineFen,
          }),
        )
        .min(1)
        .max(2000),
    }),
  },
  'page:pendingCapture': { from: 'extensionPage', data: z.object({ tabId: z.number().int().nonnegative() }) },
  'page:saveCapture': {
    from: 'extensionPage',
    /** `into`: a similar customer the clerk says the buyer is, to update instead of adding a new one. */
    data: z.object({ tabId: z.number().int().nonnegative(), into: z.string().min(1).max(100).optional() }),
  },
  'page:dismissCapture': { from: 'extensionPage', data: z.object({ tabId: z.number().int().nonnegative() }) },
  /** A content script tells what the clerk does in a buyer field; it learns nothing about customers in return. */
  'cs:menu': {
    from: 'contentScript',
    data: z.object({ event: z.enum(MENU_EVENTS), query: z.string().max(100).default('') }),
  },
  /** A portal page opened or came back into view: the worker readies its search index before the clerk types. */
  'cs:warm': { from: 'contentScript', data: z.object({}) },
  /** The inline list and the popup: the credit of the customers they show (by id), for a badge near the limit. */
  'page:credit': { from: 'extensionPage', data: z.object({ ids: z.array(id).max(50) }) },
  /** The manager's editor: a customer's invoices, newest first, a page at a time, with their count and total. */
  'page:customerInvoices': {
    from: 'extensionPage',
    data: z.object({ id, offset: z.number().int().nonnegative().default(0), limit: z.number().int().min(1).max(200) }),
  },
  /** The manager's editor: a customer's credit today, against the limit being typed when given (else the stored one). */
  'page:customerCredit': {
    from: 'extensionPage',
    data: z.object({
      id,
      limit: z
        .object({ amount: z.number().nonnegative().finite(), period: z.enum(CREDIT_PERIODS) })
        .nullable()
        .optional(),
    }),
  },
  /** The analytics page: the figures of the whole book, computed in the worker as of its own day in China. */
  'page:analytics': { from: 'extensionPage', data: AnalyticsOptionsSchema.omit({ today: true }) },
  /** The manager's backup view: the automatic snapshots kept (lib/db/snapshots.ts), newest first. */
  'page:snapshots': { from: 'extensionPage', data: z.object({}) },
  /** Puts a snapshot's customers back in place of the book's (the book as it was is kept as a snapshot first). */
  'page:restoreSnapshot': { from: 'extensionPage', data: z.object({ id: z.number().int().positive() }) },
  /** The lock (lib/background/vault-service.ts): its state, open, close, on, off, a new passphrase, the idle time. */
  'page:vault': { from: 'extensionPage', data: z.object({}) },
  'page:unlock': { from: 'extensionPage', data: z.object({ passphrase }) },
  'page:lock': { from: 'extensionPage', data: z.object({}) },
  'page:lockOn': { from: 'extensionPage', data: z.object({ passphrase: newPassphrase }) },
  'page:lockOff': { from: 'extensionPage', data: z.object({ passphrase }) },
  'page:lockPassphrase': { from: 'extensionPage', data: z.object({ passphrase, next: newPassphrase }) },
  'page:lockIdle': {
    from: 'extensionPage',
    data: z.object({
      minutes: z
        .number()
        .int()
        .min(0)
        .max(24 * 60),
    }),
  },
} as const satisfies Record<string, { from: SenderKind; data: z.ZodType }>;

/** The lock's own messages: answered whatever the lock's state (every other message waits for it to be open). */
const VAULT_MESSAGES = [
  'page:vault',
  'page:unlock',
  'page:lock',
  'page:lockOn',
  'page:lockOff',
  'page:lockPassphrase',
  'page:lockIdle',
] as const satisfies readonly (keyof typeof PROTOCOL)[];
export type VaultMessage = (typeof VAULT_MESSAGES)[number];
export const isVaultMessage = (name: string): name is VaultMessage =>
  (VAULT_MESSAGES as readonly string[]).includes(name);

export type MessageName = keyof typeof PROTOCOL;
export type MessageData<K extends MessageName> = z.output<(typeof PROTOCOL)[K]['data']>;

export interface BookStats {
  customers: number;
  quarantined: number;
}

/** What each message answers. */
export interface Responses {
  'page:search': Customer[];
  'page:recent': Customer[];
  'page:get': Customer | null;
  'page:getMany': Customer[];
  'page:create': BookResult<Customer>;
  'page:update': BookResult<Customer>;
  'page:delete': BookResult<Customer>;
  'page:undo': BookResult<Customer | null>;
  'page:history': AuditEntry[];
  'page:bookKeys': { ids: string[]; names: string[]; taxIds: string[] };
  'page:similar': Similar;
  'page:newest': Customer[];
  'page:pageOf': Customer[];
  'page:bulk': { batch: string; changed: string[] };
  'page:undoBatch': { batch: string; changed: string[]; conflicts: string[] };
  'page:merge': BookResult<{ merged: Customer; deleted: string[]; batch: string }>;
  'page:mergeMany': BookResult<{
    merged: number;
    deleted: string[];
    changed: string[];
    conflicts: number;
    batch: string;
  }>;
  'page:attachments': AttachmentMeta[];
  'page:attachment': (AttachmentMeta & { data: string }) | null;
  'page:attach': BookResult<AttachmentMeta>;
  'page:detach': null;
  'page:stats': BookStats;
  'page:loadSamples': { added: number; skipped: number };
  'page:fill': FillOutcome;
  'page:menuState': { query: string; open: boolean };
  'cs:menu': null;
  'cs:capture': { prompt: boolean };
  'cs:issued': null;
  'cs:warm': null;
  'page:credit': Record<string, CreditView>;
  'page:pendingCapture': { captured: Captured; check: CaptureCheck } | null;
  'page:saveCapture': BookResult<Customer>;
  'page:dismissCapture': null;
  'page:customerInvoices': InvoicePage;
  'page:customerCredit': CreditReading | null;
  'page:analytics': AnalyticsReply;
  'page:vault': VaultStatus;
  'page:unlock': VaultAnswer;
  'page:lock': VaultStatus;
  'page:lockOn': VaultAnswer;
  'page:lockOff': VaultAnswer;
  'page:lockPassphrase': VaultAnswer;
  'page:lockIdle': VaultStatus;
  'page:snapshots': { snapshots: SnapshotView[]; keep: number };
  'page:restoreSnapshot': SnapshotRestore;
}

/** What a customer about to be added may duplicate. */
export interface Similar {
  /** The customer that already has this tax ID. */
  sameTaxId: Customer | null;
  /** Customers the dedup score takes for the same company by name (never a branch, a sibling branch or a namesake). */
  similarName: Customer[];
}

/** A customer the dedup score takes for a new buyer written another way: the capture prompt offers to update it. */
export interface SimilarBuyer {
  id: string;
  name: string;
  taxId: string;
}

/** How a captured buyer compares with the book. */
export type CaptureCheck =
  | { status: 'new'; similar: SimilarBuyer[] }
  | { status: 'same' }
  | { status: 'differs'; id: string; revision: number; differences: (keyof Captured)[] };

/** A customer's credit against its limit as a suggestion shows it (fen; see CreditState); only with a limit. */
export interface CreditView {
  level: 'ok' | 'near' | 'at' | 'over';
  period: 'month' | 'total';
  limit: number;
  used: number;
  remaining: number;
  percent: number;
}

/** How a fill ended: the frame's per-field report, or why nothing was filled. */
export type FillOutcome = { ok: true; report: FillReport } | { ok: false; reason: 'notFound' | 'noFields' };

/** The map @webext-core/messaging types its calls with; senders pass the input shape (defaults may be left out). */
export type ProtocolMap = {
  [K in MessageName]: (data: z.input<(typeof PROTOCOL)[K]['data']>) => Responses[K];
};

/** Where a message came from, as the browser reports it. */
export interface Origin {
  tabId?: number;
  frameId?: number;
}

/** A handler for every message; a forgotten one is a compile error. */
export type Handlers = {
  [K in MessageName]: (data: MessageData<K>, origin?: Origin) => Promise<Responses[K]>;
};
