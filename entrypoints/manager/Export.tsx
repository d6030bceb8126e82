import { useEffect, useRef, useState } from 'preact/hooks';
import type { Customer } from '../../lib/domain/customer';
import { toCsv } from '../../lib/export/csv';
import { LAYOUTS, type LayoutId } from '../../lib/export/layouts';
import { toXlsx } from '../../lib/export/xlsx';
import type { Translate } from '../../lib/i18n/messages';
import { download, localDay } from './download';

interface Props {
  /** What the table shows now (the filter applied), and what is selected in it. */
  shown: readonly Customer[];
  selected: readonly Customer[];
  t: Translate;
  onDone(text: string): void;
  onClose(): void;
}

const FORMATS = ['xlsx', 'csv'] as const;
type Format = (typeof FORMATS)[number];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Saves customers as a spreadsheet: Taitou's own columns or the platform's layouts, as .xlsx or CSV. */
export function Export({ shown, selected, t, onDone, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [layout, setLayout] = useState<LayoutId>('book');
  const [format, setFormat] = useState<Format>('xlsx');
  const [scope, setScope] = useState<'shown' | 'selected'>(selected.length > 0 ? 'selected' : 'shown');
  const [busy, setBusy] = useState(false);
  useEffect(() => dialog.current?.showModal(), []);
  const customers = scope === 'selected' ? selected : shown;

  const save = async () => {
    setBusy(true);
    // Let the dialog say it is working before a large workbook holds the thread.
    await new Promise((resolve) => setTimeout(resolve, 30));
    const table = LAYOUTS[layout](customers);
    const name = `${t(`export_${layout}`)}-${localDay()}`;
    if (format === 'csv') download(`${name}.csv`, toCsv(table), 'text/csv;charset=utf-8');
    else download(`${name}.xlsx`, toXlsx([table]) as Uint8Array<ArrayBuffer>, XLSX_TYPE);
    onDone(t('exported', { count: customers.length }));
    dialog.current?.close();
  };

  return (
    <dialog
      ref={dialog}
      class="export"
      aria-labelledby="export-title"
      onClose={onClose}
      onCancel={(e) => busy && e.preventDefault()}
    >
      <h2 id="export-title">{t('exportTitle')}</h2>
      <fieldset>
        <legend>{t('exportLayout')}</legend>
        {(Object.keys(LAYOUTS) as LayoutId[]).map((id) => (
          <label key={id}>
            <input type="radio" name="layout" checked={layout === id} onChange={() => setLayout(id)} />
            {t(`export_${id}`)}
          </label>
        ))}
      </fieldset>
      {layout === 'batchIssue' && <p class="muted">{t('exportBatchNote')}</p>}
      <fieldset>
        <legend>{t('exportFormat')}</legend>
        {FORMATS.map((f) => (
          <label key={f}>
            <input type="radio" name="format" checked={format === f} onChange={() => setFormat(f)} />
            {t(f === 'xlsx' ? 'exportXlsx' : 'exportCsv')}
          </label>
        ))}
      </fieldset>
      {format === 'csv' && <p class="muted">{t('exportCsvDigits')}</p>}
      <fieldset>
        <legend>{t('exportScope')}</legend>
        <label>
          <input type="radio" name="scope" checked={scope === 'shown'} onChange={() => setScope('shown')} />
          {t('exportShown', { count: shown.length })}
        </label>
        <label>
          <input
            type="radio"
            name="scope"
            disabled={selected.length === 0}
            checked={scope === 'selected'}
            onChange={() => setScope('selected')}
          />
          {t('exportSelected', { count: selected.length })}
        </label>
      </fieldset>
      {busy && <p role="status">{t('exportWorking')}</p>}
      <div class="actions">
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('cancel')}
        </button>
        <button type="button" class="primary" disabled={busy || customers.length === 0} onClick={save}>
          {t('exportSave', { count: customers.length })}
        </button>
      </div>
    </dialog>
  );
}
