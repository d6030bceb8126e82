import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { isStorageFull } from '../../lib/db/quota';
import { type Blocks, buildBlocks } from '../../lib/dedup/candidates';
import type { Customer } from '../../lib/domain/customer';
import { toCsv } from '../../lib/export/csv';
import type { Locale, Translate } from '../../lib/i18n/messages';
import type { ColumnTarget } from '../../lib/import/columns';
import { type Decisions, decide, kindDefaults, NO_DECISIONS, previewCounts } from '../../lib/import/decide';
import { type InvoiceExport, readInvoiceExport } from '../../lib/import/invoices';
import { MAX_FILE_BYTES } from '../../lib/import/limits';
import { mappingKey, remap, savedMapping } from '../../lib/import/mapping';
import { type BookKeys, type Duplicate, type PlannedRow, planImport, withSimilar } from '../../lib/import/plan';
import { type ProblemMessage, problemMessage } from '../../lib/import/problems';
import { type ImportSheet, readImportFile } from '../../lib/import/read-file';
import { reportTable } from '../../lib/import/report';
import { importRows } from '../../lib/import/rows';
import type { ImportEnd } from '../../lib/import/send';
import { type ImportPhase, sendImport, sendInvoices } from '../../lib/import/send';
import { similarSearch, similarStep } from '../../lib/import/similar';
import { sendMessage } from '../../lib/messaging/client';
import type { ImportSummary } from '../../lib/messaging/import-port';
import { download } from './download';
import { ImportInvoices } from './ImportInvoices';
import { ImportMapping } from './ImportMapping';
import { ImportPreview } from './ImportPreview';
import { reportWords } from './import-words';
import { connectImport } from './ports';

interface Props {
  /** The book as the page holds it, for the dedup check of each row. */
  customers: readonly Customer[];
  locale: Locale;
  t: Translate;
  /** Customers added, updated, or taken back by an undo: the table reads them again. */
  onChanged(ids: readonly string[]): void;
  /** Whether an import is being written, so that leaving the page asks first. */
  onBusy(busy: boolean): void;
  onClose(): void;
}

type Stage =
  | { step: 'pick'; reading?: boolean; problem?: ProblemMessage }
  | { step: 'preview' }
  | { step: 'writing'; phase: ImportPhase; done: number; total: number; cancel(): void }
  | { step: 'done'; summary: ImportSummary; undone: boolean };

const ACCEPT = '.xlsx,.xls,.csv,.tsv,.txt';
type CustomerSummary = Extract<ImportSummary, { kind: 'customers' }>;

/** The texts of a sheet's header row (its first row when it has none). */
const headerTexts = (sheet: ImportSheet) => sheet.rows[sheet.header?.row ?? 0]?.map((c) => c.text) ?? [];

/**
 * Imports customers from a spreadsheet: pick a file (or paste cells), choose the sheet, correct the columns, review
 * every row and what to do with duplicates, then write it all at once, with progress, cancel, a report and undo.
 */
export function Import({ customers, locale, t, onChanged, onBusy, onClose }: Props) {
  const [stage, setStage] = useState<Stage>({ step: 'pick' });
  const [file, setFile] = useState<{ name: string; sheets: ImportSheet[] } | null>(null);
  const [invoiceFile, setInvoiceFile] = useState<{ name: string; found: InvoiceExport } | null>(null);
  const [sheetAt, setSheetAt] = useState(0);
  const [columns, setColumns] = useState<ColumnTarget[]>([]);
  const [book, setBook] = useState<BookKeys | null>(null);
  const [decisions, setDecisions] = useState<Decisions>(NO_DECISIONS);
  const [pasted, setPasted] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);

  const [notice, setNotice] = useState<{ text: string; alert?: boolean } | null>(null);
  const loadBook = () => {
    setNotice(null);
    sendMessage('page:bookKeys', {}).then(
      ({ ids, names, taxIds }) => {
        const byName = new Map<string, string>();
        const byTaxId = new Map<string, string>();
        ids.forEach((id, i) => {
          const name = names[i];
          const taxId = taxIds[i];
          if (name && !byName.has(name)) byName.set(name, id);
          if (taxId) byTaxId.set(taxId, id);
        });
        setBook({ byName, byTaxId });
      },
      (error: Error) => setNotice({ text: t('importBookFailed', { reason: error.message }), alert: true }),
    );
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: the book's keys are read once, when the import opens
  useEffect(() => {
    heading.current?.focus();
    loadBook();
  }, []);
  useEffect(() => onBusy(stage.step === 'writing'), [stage.step, onBusy]);

  const sheet = file?.sheets[sheetAt];
  const headerRow = sheet?.header?.row ?? 0;
  const headers = useMemo(() => (sheet ? headerTexts(sheet) : []), [sheet]);
  const imported = useMemo(
    () => (sheet ? importRows(sheet.rows, headerRow, columns) : []),
    [sheet, headerRow, columns],
  );
  const exact = useMemo(() => (book ? planImport(imported, book) : []), [imported, book]);
  const similar = useSimilar(exact, customers);
  const planned = useMemo(() => withSimilar(exact, similar.found), [exact, similar.found]);
  const defaults = useMemo(() => kindDefaults(planned), [planned]);
  const rows = useMemo(() => decide(planned, decisions), [planned, decisions]);
  const checking = similar.checked < exact.length;
  const counts = useMemo(() => previewCounts(rows), [rows]);

  /** Shows a sheet of the file, with the columns as the clerk mapped them last time for these headers, if ever. */
  const choose = async (next: { name: string; sheets: ImportSheet[] }, at: number) => {
    const chosen = next.sheets[at];
    if (!chosen) return;
    const width = Math.max(0, ...chosen.rows.map((r) => r.length));
    const key = mappingKey(headerTexts(chosen));
    const saved = savedMapping((await browser.storage.local.get(key))[key], width);
    const found = chosen.header?.columns ?? [];
    setFile(next);
    setSheetAt(at);
    setColumns(saved ?? Array.from({ length: width }, (_, i) => found[i] ?? null));
    setDecisions(NO_DECISIONS);
    setStage({ step: 'preview' });
  };

  const read = async (name: string, bytes: () => Promise<Uint8Array>, size: number) => {
    setNotice(null);
    if (size > MAX_FILE_BYTES) return setStage({ step: 'pick', problem: problemMessage('tooLarge') });
    setStage({ step: 'pick', reading: true });
    // Let the page say it is reading before a large workbook holds the thread.
    await new Promise((resolve) => setTimeout(resolve, 30));
    const result = readImportFile(await bytes(), name);
    if (!result.ok) return setStage({ step: 'pick', problem: problemMessage(result.problem, result.line) });
    // The platform's invoice query export names its buyer as a customer list would: look for it first.
    const found = readInvoiceExport(result.sheets);
    setInvoiceFile(found ? { name, found } : null);
    if (found) return setStage({ step: 'preview' });
    const first = Math.max(
      0,
      result.sheets.findIndex((s) => s.header && s.dataRows > 0),
    );
    choose({ name, sheets: result.sheets }, first);
  };

  const remember = () =>
    headers.length > 0 ? browser.storage.local.set({ [mappingKey(headers)]: columns }) : Promise.resolve();

  const ended = (end: ImportEnd) => {
    if (end.type === 'done') {
      setStage({ step: 'done', summary: end.summary, undone: false });
      onChanged(end.summary.changed);
      return;
    }
    setStage({ step: 'preview' });
    if (end.type === 'cancelled') setNotice({ text: t('importCancelled') });
    else if (end.reason === 'disconnected') setNotice({ text: t('importDisconnected'), alert: true });
    else if (isStorageFull(end.reason)) setNotice({ text: t('storageFull'), alert: true });
    else setNotice({ text: t('importFailed', { reason: end.reason }), alert: true });
  };

  const commit = () => {
    setNotice(null);
    const progress = (phase: ImportPhase, done: number, total: number) =>
      setStage((s) => (s.step === 'writing' ? { ...s, phase, done, total } : s));
    const run = invoiceFile
      ? sendInvoices(connectImport(), invoiceFile.found.invoices, invoiceFile.name, progress)
      : sendImport(connectImport(), rows, progress);
    if (!invoiceFile) remember().catch(() => undefined); // a mapping not remembered is no reason to stop
    const total = invoiceFile ? invoiceFile.found.invoices.length : counts.toWrite;
    setStage({ step: 'writing', phase: 'prepare', done: 0, total, cancel: run.cancel });
    run.end.then(ended);
  };

  const undo = async (summary: CustomerSummary) => {
    const result = await sendMessage('page:undoBatch', { batch: summary.batch });
    onChanged(result.changed);
    setStage({ step: 'done', summary, undone: true });
    setNotice({
      text: result.conflicts.length ? t('undoPartly', { count: result.conflicts.length }) : t('importUndone'),
    });
  };

  const report = (summary: CustomerSummary) => {
    const table = reportTable(rows, summary, reportWords(locale, t));
    download(`${t('reportFile')}-${file?.name ?? ''}.csv`, toCsv(table), 'text/csv;charset=utf-8');
  };

  return (
    <section class="import" aria-labelledby="import-title">
      <header class="top">
        <h2 id="import-title" tabIndex={-1} ref={heading}>
          {t('importTitle')}
        </h2>
        <button type="button" class="link" onClick={onClose} disabled={stage.step === 'writing'}>
          {t('close')}
        </button>
      </header>
      {notice && (
        <p class={notice.alert ? 'notice error' : 'notice'} role={notice.alert ? 'alert' : 'status'}>
          {notice.text}
          {!book && notice.alert && (
            <button type="button" class="link" onClick={loadBook}>
              {t('retry')}
            </button>
          )}
        </p>
      )}

      {stage.step === 'pick' && (
        <div class="pick">
          <label class="file-button">
            {t('importChoose')}
            <input
              type="file"
              accept={ACCEPT}
              onChange={(e) => {
                const picked = e.currentTarget.files?.[0];
                if (picked) read(picked.name, async () => new Uint8Array(await picked.arrayBuffer()), picked.size);
                e.currentTarget.value = '';
              }}
            />
          </label>
          <p class="muted">{t('importFormats')}</p>
          <label for="import-paste">{t('importPasteLabel')}</label>
          <textarea id="import-paste" rows={5} value={pasted} onInput={(e) => setPasted(e.currentTarget.value)} />
          <button
            type="button"
            disabled={!pasted.trim()}
            onClick={() => {
              const bytes = new TextEncoder().encode(pasted);
              read(t('importPasted'), async () => bytes, bytes.length);
            }}
          >
            {t('importPasteRead')}
          </button>
          {stage.reading && <p role="status">{t('importReading')}</p>}
          {stage.problem && (
            <p role="alert" class="error">
              {stage.problem[locale]}
            </p>
          )}
        </div>
      )}

      {stage.step === 'preview' && !book && !notice && <p role="status">{t('importReadingBook')}</p>}
      {stage.step === 'preview' && invoiceFile && book && (
        <>
          <div class="import-file">
            <strong>{invoiceFile.name}</strong>
            <span>{t('invoiceExport')}</span>
            <button type="button" class="link" onClick={() => setStage({ step: 'pick' })}>
              {t('importAnother')}
            </button>
          </div>
          <ImportInvoices found={invoiceFile.found} book={book} locale={locale} t={t} />
          <div class="actions">
            <button type="button" class="primary" disabled={invoiceFile.found.invoices.length === 0} onClick={commit}>
              {t('invoiceCommit', { count: invoiceFile.found.invoices.length })}
            </button>
          </div>
        </>
      )}

      {stage.step === 'preview' && !invoiceFile && file && sheet && book && (
        <>
          <div class="import-file">
            <strong>{file.name}</strong>
            {file.sheets.length > 1 && (
              <label>
                {t('importSheet')}
                <select value={sheetAt} onChange={(e) => choose(file, Number(e.currentTarget.value))}>
                  {file.sheets.map((s, i) => (
                    <option key={s.name} value={i}>
                      {t('importSheetOption', { name: s.name, count: s.dataRows })}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <button type="button" class="link" onClick={() => setStage({ step: 'pick' })}>
              {t('importAnother')}
            </button>
          </div>
          <ImportMapping
            headers={headers}
            sample={sheet.rows[headerRow + 1]?.map((c) => c.text) ?? []}
            columns={columns}
            t={t}
            onChange={(at, target) => setColumns(remap(columns, at, target))}
          />
          <ImportPreview
            rows={rows}
            defaults={defaults}
            counts={counts}
            decisions={decisions}
            locale={locale}
            t={t}
            onDecide={setDecisions}
          />
          <div class="actions">
            {checking && (
              <p role="status">
                {t('importChecking', { done: similar.checked, total: exact.length })}
                <progress max={exact.length} value={similar.checked} aria-hidden="true" />
              </p>
            )}
            <button type="button" class="primary" disabled={checking || counts.toWrite === 0} onClick={commit}>
              {t('importCommit', { count: counts.toWrite })}
            </button>
          </div>
        </>
      )}

      {stage.step === 'writing' && (
        <div class="writing">
          <label for="import-progress">
            {t(stage.phase === 'prepare' ? 'importPreparing' : 'importWriting', {
              done: stage.done,
              total: stage.total,
            })}
          </label>
          <progress
            id="import-progress"
            max={stage.total * 2}
            value={(stage.phase === 'write' ? stage.total : 0) + stage.done}
          />
          <button type="button" onClick={stage.cancel}>
            {t('cancel')}
          </button>
        </div>
      )}

      {stage.step === 'done' && stage.summary.kind === 'invoices' && (
        <div class="done">
          <p role="status">
            {t('invoiceDone', {
              added: stage.summary.added,
              updated: stage.summary.updated,
              unchanged: stage.summary.unchanged,
              refused: stage.summary.refused,
              customers: stage.summary.customersCreated,
            })}
          </p>
          <div class="actions">
            <button type="button" class="primary" onClick={onClose}>
              {t('importFinish')}
            </button>
          </div>
        </div>
      )}

      {stage.step === 'done' && stage.summary.kind === 'customers' && (
        <div class="done">
          <p role="status">
            {t('importDone', {
              added: stage.summary.added,
              updated: stage.summary.updated,
              unchanged: stage.summary.unchanged.length,
              skipped: rows.filter((r) => r.decision === 'skip').length,
              refused: stage.summary.refused.length,
            })}
          </p>
          <div class="actions">
            <button type="button" onClick={() => stage.summary.kind === 'customers' && report(stage.summary)}>
              {t('importReport')}
            </button>
            {!stage.undone && (
              <button type="button" onClick={() => stage.summary.kind === 'customers' && undo(stage.summary)}>
                {t('importUndo')}
              </button>
            )}
            <button type="button" class="primary" onClick={onClose}>
              {t('importFinish')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

const NONE: ReadonlyMap<number, Duplicate> = new Map();

/**
 * The dedup check of the preview's rows, run a step at a time so that the preview shows at once and the page says
 * how far it got; its findings arrive together at the end. The book is the one the import opened with (as its exact
 * keys are), filed once.
 */
function useSimilar(rows: readonly PlannedRow[], customers: readonly Customer[]) {
  const [state, setState] = useState({ found: NONE, checked: 0 });
  const [book] = useState(customers);
  const blocks = useRef<Blocks | null>(null);
  useEffect(() => {
    setState({ found: NONE, checked: 0 });
    if (rows.length === 0) return;
    let timer = 0;
    const next = (search: ReturnType<typeof similarSearch>) => {
      const done = similarStep(search, rows);
      setState({ found: done ? search.found : NONE, checked: search.next });
      if (!done) timer = window.setTimeout(() => next(search), 0);
    };
    // Let the preview paint before the book is filed.
    timer = window.setTimeout(() => {
      blocks.current ??= buildBlocks(book);
      next(similarSearch(blocks.current));
    }, 30);
    return () => clearTimeout(timer);
  }, [rows, book]);
  return state;
}
