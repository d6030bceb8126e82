import { AUDIT_ACTIONS } from '../db/schema';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, fromBase64, sniffType } from '../domain/attachment';
import { type Customer, CustomerSchema } from '../domain/customer';
import { InvoiceSchema } from '../domain/invoice';
import { z } from '../domain/zod';

/** The marker every Taitou backup carries, so that another app's JSON is told apart from a damaged backup. */
export const BACKUP_FORMAT = 'taitou-backup';
/**
 * The format this build writes and the newest it reads. Bump it when a section is added or changed, so that an
 * older build refuses the file rather than dropping what it does not know; a section added later defaults to []
 * (as `invoices` did in version 2), so that files written before it still read.
 */
export const BACKUP_VERSION = 2;
/** How many problems a refused file reports; the first few say what is wrong, the count how much. */
export const MAX_REPORTED_ISSUES = 5;

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
/** The clerk's settings as the caller keeps them; the backup carries them and hands them back untouched. */
export type BackupSettings = { [key: string]: JsonValue };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const seq = z.number().int().positive();

// History keeps each customer as it was written then, in that day's shape (a book that began at version 1 has
// entries from before billing entries existed), so it is carried as it is: checking it against today's schema
// would refuse, or rewrite, the past.
const pastCustomer = z.custom<Customer | null>((value) => value === null || isRecord(value), {
  message: 'expected a customer record or null',
});

export const BackupAuditEntrySchema = z.object({
  seq: seq.optional(),
  at: z.number(),
  customerId: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  before: pastCustomer,
  after: pastCustomer,
  batch: z.string().optional(),
  undoes: seq.optional(),
  created: z.array(z.string().min(1)).optional(),
});

/** A record the book could not read is kept word for word (`raw`), so that restoring a backup loses none either. */
export const BackupQuarantineEntrySchema = z.object({
  seq: seq.optional(),
  at: z.number(),
  store: z.enum(['customers', 'invoices']),
  key: z.string(),
  reason: z.string(),
  issues: z.array(z.string()),
  // Only a record that was `undefined` has no `raw` in JSON; it comes back as null.
  raw: z
    .unknown()
    .optional()
    .transform((raw): unknown => raw ?? null),
});

/** The bytes whose base64 is `text`, or null when it is not base64. */
export function decodeData(text: string): Uint8Array<ArrayBuffer> | null {
  try {
    return fromBase64(text);
  } catch {
    return null;
  }
}

/** A kept file; `data` is its bytes as base64, which must be the size and (by their first bytes) the type it says. */
export const BackupAttachmentSchema = z
  .object({
    id: z.string().min(1),
    customerId: z.string().min(1),
    name: z.string(),
    type: z.enum(ATTACHMENT_TYPES),
    size: z.number().int().nonnegative().max(ATTACHMENT_MAX_BYTES),
    addedAt: z.number(),
    data: z.string(),
  })
  .superRefine((file, ctx) => {
    const bytes = decodeData(file.data);
    if (!bytes) ctx.addIssue({ code: 'custom', path: ['data'], message: 'data is not base64' });
    else if (bytes.length !== file.size) {
      ctx.addIssue({
        code: 'custom',
        path: ['data'],
        message: `data holds ${bytes.length} bytes, size says ${file.size}`,
      });
    } else if (sniffType(bytes) !== file.type) {
      ctx.addIssue({ code: 'custom', path: ['data'], message: `data is not a ${file.type} file` });
    }
  });

const settings = z.custom<BackupSettings>(isRecord, { message: 'settings must be an object' });

/** The ids (or other keys) that occur twice in a section; a restore could not write both. */
function repeats<T>(
  items: readonly T[],
  keyOf: (item: T) => string | number | undefined,
  section: string,
  field: (string | number)[],
  ctx: z.RefinementCtx,
) {
  const first = new Map<string | number, number>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    if (key === undefined) return;
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, index);
    else ctx.addIssue({ code: 'custom', path: [section, index, ...field], message: `same as ${section}[${earlier}]` });
  });
}

/** The whole file: the book's stores (customers checked with the book's own schema) and the caller's settings. */
export const BackupSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.number().int().min(1).max(BACKUP_VERSION),
    createdAt: z.number(),
    /** The extension version that wrote the file, for the curious; nothing depends on it. */
    app: z.string().default(''),
    settings: settings.default(() => ({})),
    customers: z.array(CustomerSchema),
    audit: z.array(BackupAuditEntrySchema),
    quarantine: z.array(BackupQuarantineEntrySchema),
    attachments: z.array(BackupAttachmentSchema),
    /** Invoice history, from version 2. */
    invoices: z.array(InvoiceSchema).default([]),
  })
  .superRefine((backup, ctx) => {
    repeats(backup.customers, (c) => c.id, 'customers', ['id'], ctx);
    // The book keeps one customer per tax ID (a unique index): two in one file could never both be restored.
    repeats(backup.customers, (c) => c.keys.taxId, 'customers', ['taxId'], ctx);
    repeats(backup.audit, (e) => e.seq, 'audit', ['seq'], ctx);
    repeats(backup.quarantine, (e) => e.seq, 'quarantine', ['seq'], ctx);
    repeats(backup.attachments, (a) => a.id, 'attachments', ['id'], ctx);
    repeats(backup.invoices, (i) => i.id, 'invoices', ['id'], ctx);
  });

export type Backup = z.infer<typeof BackupSchema>;
export type BackupAuditEntry = z.infer<typeof BackupAuditEntrySchema>;
export type BackupQuarantineEntry = z.infer<typeof BackupQuarantineEntrySchema>;
export type BackupAttachment = z.infer<typeof BackupAttachmentSchema>;

/** One reason a file was refused: where (`customers[3].taxId`), whose record if it names one, and what. */
export interface BackupIssue {
  path: string;
  record?: string;
  message: string;
}

export type BackupProblem =
  /** The text is not JSON at all (an empty file, a spreadsheet, a cut-off download). */
  | { code: 'notJson' }
  /** JSON, but not a Taitou backup (another app's file). */
  | { code: 'notBackup' }
  /** Written by a newer Taitou: reading it here could drop what this version does not know. */
  | { code: 'newerVersion'; version: number; supported: number }
  /** A Taitou backup with records that do not check out: the first few, and how many in all. */
  | { code: 'invalid'; issues: BackupIssue[]; total: number };

export type ParsedBackup = { ok: true; backup: Backup } | { ok: false; problem: BackupProblem };

const formatPath = (path: readonly PropertyKey[]) =>
  path.reduce<string>((text, part) => {
    if (typeof part === 'number') return `${text}[${part}]`;
    return text ? `${text}.${String(part)}` : String(part);
  }, '');

/** What a clerk would call the record at `path`: a customer's or file's name, else the id it belongs to. */
function recordLabel(data: Record<string, unknown>, path: readonly PropertyKey[]): string | undefined {
  const [section, index] = path;
  if (typeof section !== 'string' || typeof index !== 'number') return undefined;
  const list = data[section];
  const item = Array.isArray(list) ? list[index] : undefined;
  if (!isRecord(item)) return undefined;
  for (const field of ['name', 'id', 'customerId', 'key']) {
    const value = item[field];
    if (typeof value === 'string' && value.trim()) return value;
  }
  return undefined;
}

/**
 * Reads a backup file's text. Never throws: a file that cannot be restored comes back with the reason, so that
 * nothing is written from it.
 */
export function parseBackup(text: string): ParsedBackup {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, problem: { code: 'notJson' } };
  }
  if (!isRecord(data) || data.format !== BACKUP_FORMAT) return { ok: false, problem: { code: 'notBackup' } };
  const { version } = data;
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION) {
    return { ok: false, problem: { code: 'newerVersion', version, supported: BACKUP_VERSION } };
  }
  try {
    const parsed = BackupSchema.safeParse(data);
    if (parsed.success) return { ok: true, backup: parsed.data };
    const issues = parsed.error.issues.slice(0, MAX_REPORTED_ISSUES).map((issue) => {
      const record = recordLabel(data, issue.path);
      const where = { path: formatPath(issue.path), message: issue.message };
      return record === undefined ? where : { ...where, record };
    });
    return { ok: false, problem: { code: 'invalid', issues, total: parsed.error.issues.length } };
  } catch (error) {
    // Not expected from safeParse; kept so that a reader of untrusted files keeps its promise never to throw.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: { code: 'invalid', issues: [{ path: '', message }], total: 1 } };
  }
}

/** The file's text. Compact: most of a backup with attachments is base64, which indenting would not make readable. */
export function backupText(backup: Backup): string {
  return JSON.stringify(backup);
}
