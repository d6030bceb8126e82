import { describe, expect, it, vi } from 'vitest';
import { CustomerInputSchema } from '../../../lib/domain/customer';
import type { InvoiceDraft } from '../../../lib/domain/invoice';
import { normalizeDraft } from '../../../lib/domain/validate';
import { readInvoiceExport } from '../../../lib/import/invoices';
import type { PlannedRow } from '../../../lib/import/plan';
import { type ImportPhase, sendImport, sendInvoices } from '../../../lib/import/send';
import { readSheets } from '../../../lib/import/sheet';
import {
  IMPORT_CHUNK,
  type ImportReply,
  type ImportRequest,
  type ImportSummary,
} from '../../../lib/messaging/import-port';
import { searchKeys } from '../../../lib/search/keys';
import { customerInput } from '../../support/book';
import { FakePort, settle } from '../../support/fake-port';
import { basicExport, invoiceWorkbook } from '../../support/invoice-export';

/** `count` preview rows from sheet row 2 on; every tenth the clerk skipped. */
function previewRows(count: number): PlannedRow[] {
  return Array.from({ length: count }, (_, i) => {
    const input = customerInput({ name: `测试客户${i + 1}号贸易有限公司`, taxId: '' });
    const skipped = i % 10 === 9;
    return {
      row: i + 2,
      input,
      draft: normalizeDraft(CustomerInputSchema.parse(input)),
      findings: [],
      status: 'valid',
      duplicate: null,
      decision: skipped ? 'skip' : 'add',
      choices: ['add', 'skip'],
    };
  });
}

/** `count` invoices of a real export, numbered apart so that each is its own. */
function invoices(count: number): InvoiceDraft[] {
  const read = readSheets(invoiceWorkbook({ 发票基础信息: basicExport() }), '全量发票查询.xlsx');
  if (!read.ok) throw new Error(read.problem);
  const exported = readInvoiceExport(read.sheets)?.invoices ?? [];
  return Array.from({ length: count }, (_, i) => {
    const base = exported[i % exported.length];
    if (!base) throw new Error('no invoices read');
    return { ...base, id: `${base.id}-${i}` };
  });
}

function page() {
  const port = new FakePort<ImportRequest, ImportReply>();
  const progress: [ImportPhase, number, number][] = [];
  const onProgress = (phase: ImportPhase, done: number, total: number) => void progress.push([phase, done, total]);
  return { port, progress, onProgress };
}

const rowsOf = (sent: readonly ImportRequest[]) =>
  sent.flatMap((m) => (m.type === 'rows' ? [m.writes.map((w) => w.row)] : []));

describe('sendImport', () => {
  it('posts the kept rows in chunks of IMPORT_CHUNK with their search keys, then commit', async () => {
    const { port, progress, onProgress } = page();
    const rows = previewRows(2300);
    const kept = rows.filter((r) => r.decision !== 'skip');

    sendImport(port, rows, onProgress);
    // The page breathes between chunks: only the first is posted at once.
    expect(port.sent.map((m) => m.type)).toEqual(['rows']);
    await port.until((m) => m.type === 'commit');

    expect(port.sent.map((m) => m.type)).toEqual(['rows', 'rows', 'rows', 'commit']);
    const chunks = rowsOf(port.sent);
    expect(chunks.map((c) => c.length)).toEqual([IMPORT_CHUNK, IMPORT_CHUNK, kept.length - 2 * IMPORT_CHUNK]);
    expect(chunks.flat()).toEqual(kept.map((r) => r.row));
    const [first] = port.sent;
    if (first?.type !== 'rows') throw new Error('rows first');
    expect(first.writes[0]).toEqual({
      row: 2,
      draft: kept[0]?.draft,
      keys: searchKeys('测试客户1号贸易有限公司', ''),
    });
    expect(progress).toEqual([
      ['prepare', IMPORT_CHUNK, kept.length],
      ['prepare', 2 * IMPORT_CHUNK, kept.length],
      ['prepare', kept.length, kept.length],
    ]);
  });

  it('sends update rows with the id of the customer they update', async () => {
    const { port, onProgress } = page();
    const [row] = previewRows(1);
    if (!row) throw new Error('no row');
    sendImport(
      port,
      [{ ...row, decision: 'update', duplicate: { in: 'book', customerId: 'c-1', by: 'name' } }],
      onProgress,
    );
    await port.until((m) => m.type === 'commit');
    expect(port.sent[0]).toMatchObject({ type: 'rows', writes: [{ row: 2, id: 'c-1' }] });
  });

  it("reports the background's progress and resolves with its one answer, then closes the port", async () => {
    const { port, progress, onProgress } = page();
    const sending = sendImport(port, previewRows(30), onProgress);
    await port.until((m) => m.type === 'commit');
    port.receive({ type: 'progress', done: 27, total: 27 });
    expect(progress.at(-1)).toEqual(['write', 27, 27]);
    const summary: ImportSummary = {
      kind: 'customers',
      batch: 'b-1',
      added: 27,
      updated: 0,
      unchanged: [],
      refused: [],
      changed: [],
    };
    port.receive({ type: 'done', summary });
    expect(await sending.end).toEqual({ type: 'done', summary });
    expect(port.closed).toBe(true);
    // Too late to cancel: nothing is posted (the closed port would throw) and nothing throws.
    sending.cancel();
    expect(port.sent.map((m) => m.type)).toEqual(['rows', 'commit']);
    expect(port.refusedPosts).toBe(0);
  });

  it('posts cancel when asked, and no more rows nor a commit once the background has said cancelled', async () => {
    const { port, onProgress } = page();
    const sending = sendImport(port, previewRows(2300), onProgress);
    await port.until((m) => m.type === 'rows');
    sending.cancel();
    expect(port.sent.map((m) => m.type)).toEqual(['rows', 'cancel']);
    port.receive({ type: 'cancelled' });
    expect(await sending.end).toEqual({ type: 'cancelled' });
    await settle(50);
    expect(port.sent.map((m) => m.type)).toEqual(['rows', 'cancel']);
    expect(port.refusedPosts).toBe(0);
  });

  it('stops sending when the background fails the import half-way', async () => {
    const { port, onProgress } = page();
    const sending = sendImport(port, previewRows(2300), onProgress);
    await port.until((m) => m.type === 'rows');
    port.receive({ type: 'failed', reason: 'invalid message: Too big' });
    expect(await sending.end).toEqual({ type: 'failed', reason: 'invalid message: Too big' });
    await settle(50);
    sending.cancel();
    expect(port.sent.map((m) => m.type)).toEqual(['rows']);
    expect(port.refusedPosts).toBe(0);
  });

  it('says failed when the background goes away, and posts nothing more', async () => {
    const { port, onProgress } = page();
    const sending = sendImport(port, previewRows(2300), onProgress);
    await port.until((m) => m.type === 'rows');
    port.hangUp();
    expect(await sending.end).toEqual({ type: 'failed', reason: 'disconnected' });
    await settle(50);
    sending.cancel();
    expect(port.sent.map((m) => m.type)).toEqual(['rows']);
    expect(port.refusedPosts).toBe(0);
  });

  it('does not throw when the port is closed before the background could say so', async () => {
    const { port, onProgress } = page();
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const sending = sendImport(port, previewRows(1500), onProgress);
      await port.until((m) => m.type === 'rows');
      port.disconnect();
      // The second chunk and the commit are each refused by the closed port, quietly; then the cancel too.
      await vi.waitFor(() => expect(port.refusedPosts).toBe(2));
      expect(() => sending.cancel()).not.toThrow();
      expect(port.refusedPosts).toBe(3);
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('posts only the commit when the clerk skipped every row', async () => {
    const { port, progress, onProgress } = page();
    sendImport(
      port,
      previewRows(3).map((r) => ({ ...r, decision: 'skip' as const })),
      onProgress,
    );
    await port.until((m) => m.type === 'commit');
    expect(port.sent).toEqual([{ type: 'commit' }]);
    expect(progress).toEqual([]);
  });
});

describe('sendInvoices', () => {
  it("posts the invoices in chunks with the file's name, then commit, and resolves with the answer", async () => {
    const { port, progress, onProgress } = page();
    const all = invoices(IMPORT_CHUNK + 500);
    const sending = sendInvoices(port, all, '全量发票查询.xlsx', onProgress);
    await port.until((m) => m.type === 'commit');

    expect(port.sent.map((m) => m.type)).toEqual(['invoices', 'invoices', 'commit']);
    const sent = port.sent.flatMap((m) => (m.type === 'invoices' ? [m] : []));
    expect(sent.map((m) => [m.invoices.length, m.file])).toEqual([
      [IMPORT_CHUNK, '全量发票查询.xlsx'],
      [500, '全量发票查询.xlsx'],
    ]);
    expect(sent.flatMap((m) => m.invoices)).toEqual(all);
    expect(progress).toEqual([
      ['prepare', IMPORT_CHUNK, all.length],
      ['prepare', all.length, all.length],
    ]);

    port.receive({ type: 'progress', done: 0, total: all.length });
    expect(progress.at(-1)).toEqual(['write', 0, all.length]);
    port.receive({ type: 'failed', reason: 'QuotaExceededError' });
    expect(await sending.end).toEqual({ type: 'failed', reason: 'QuotaExceededError' });
    sending.cancel();
    expect(port.sent).toHaveLength(3);
  });

  it('posts cancel while the invoices are still going', async () => {
    const { port, onProgress } = page();
    const sending = sendInvoices(port, invoices(IMPORT_CHUNK + 1), 'a.xlsx', onProgress);
    sending.cancel();
    port.receive({ type: 'cancelled' });
    expect(await sending.end).toEqual({ type: 'cancelled' });
    await settle(50);
    expect(port.sent.map((m) => m.type)).toEqual(['invoices', 'cancel']);
  });
});
