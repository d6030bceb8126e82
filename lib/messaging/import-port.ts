import { CustomerInputSchema } from '../domain/customer';
import { z } from '../domain/zod';

/**
 * An import runs over a port, not one-shot messages: rows go in chunks, progress comes back, and a page that closes
 * (the port disconnects) aborts the write. Only the extension's own pages may open it.
 */
export const IMPORT_PORT = 'taitou:import';

/** Rows per `rows` message: well under the browser's message size, and a short pause for the page's pinyin. */
export const IMPORT_CHUNK = 1000;

const WriteSchema = z.object({
  row: z.number().int().positive(),
  id: z.string().min(1).max(100).optional(),
  draft: CustomerInputSchema,
  keys: z.object({
    name: z.string().max(300),
    pinyin: z.string().max(3000),
    initials: z.string().max(300),
    taxId: z.string().max(20).optional(),
  }),
});

/** From the page: chunks of rows to write, then `commit`; `cancel` asks for a rollback while it runs. */
export const ImportRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('rows'), writes: z.array(WriteSchema).max(IMPORT_CHUNK) }),
  /** Invoice history instead of customers (the platform's invoice query export); checked by the book on commit. */
  z.object({
    type: z.literal('invoices'),
    invoices: z.array(z.unknown()).max(IMPORT_CHUNK),
    file: z.string().max(260),
  }),
  z.object({ type: z.literal('commit') }),
  z.object({ type: z.literal('cancel') }),
]);
export type ImportRequest = z.input<typeof ImportRequestSchema>;

/** What an import did: customers by row numbers, or invoice history; `batch` undoes a customer import. */
export type ImportSummary =
  | {
      kind: 'customers';
      batch: string;
      added: number;
      updated: number;
      unchanged: number[];
      refused: { row: number; reason: 'duplicateTaxId' | 'notFound' }[];
      /** The customers added or updated, for the manager's table. */
      changed: string[];
    }
  | {
      kind: 'invoices';
      batch: string;
      added: number;
      updated: number;
      unchanged: number;
      refused: number;
      /** Unknown buyers that became customers to verify; `changed` names them for the table. */
      customersCreated: number;
      changed: string[];
    };

/** From the background: progress while writing, then exactly one of done, cancelled or failed. */
export type ImportReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; summary: ImportSummary }
  | { type: 'cancelled' }
  | { type: 'failed'; reason: string };
