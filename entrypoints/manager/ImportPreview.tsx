import { useMemo, useState } from 'preact/hooks';
import type { Locale, Translate } from '../../lib/i18n/messages';
import {
  type Decisions,
  DUPLICATE_KINDS,
  duplicateKind,
  kindChoices,
  type PreviewCounts,
} from '../../lib/import/decide';
import type { Decision, PlannedRow } from '../../lib/import/plan';

interface Props {
  rows: readonly PlannedRow[];
  counts: PreviewCounts;
  decisions: Decisions;
  locale: Locale;
  t: Translate;
  onDecide(next: Decisions): void;
}

const SHOWN = ['all', 'error', 'warning', 'duplicate'] as const;
type Shown = (typeof SHOWN)[number];
/** Rows drawn at a time: a preview of 50,000 rows is read by filtering, not by scrolling. */
const PAGE = 200;

/** Every row's status and reason, a default for each kind of duplicate, and a decision per row. */
export function ImportPreview({ rows, counts, decisions, locale, t, onDecide }: Props) {
  const [shown, setShown] = useState<Shown>('all');
  const [limit, setLimit] = useState(PAGE);
  const filtered = useMemo(
    () =>
      shown === 'all'
        ? rows
        : rows.filter((r) => (shown === 'duplicate' ? duplicateKind(r) !== null : r.status === shown)),
    [rows, shown],
  );
  const kinds = DUPLICATE_KINDS.filter((kind) => kindChoices(rows, kind).length > 1);
  const decideRow = (row: number, decision: Decision) =>
    onDecide({ ...decisions, byRow: new Map(decisions.byRow).set(row, decision) });

  return (
    <section class="preview-rows" aria-label={t('importPreview')}>
      <p role="status">{t('importCounts', { ...counts, total: rows.length })}</p>
      {kinds.length > 0 && (
        <fieldset class="defaults">
          <legend>{t('importDefaults')}</legend>
          {kinds.map((kind) => {
            const first = rows.find((r) => duplicateKind(r) === kind);
            return (
              <label key={kind}>
                {t(`dup_${kind}`)}
                <select
                  value={decisions.byKind[kind] ?? first?.decision ?? 'skip'}
                  onChange={(e) =>
                    onDecide({
                      byKind: { ...decisions.byKind, [kind]: e.currentTarget.value as Decision },
                      byRow: new Map(
                        [...decisions.byRow].filter(([n]) => {
                          const row = rows.find((r) => r.row === n);
                          return !row || duplicateKind(row) !== kind;
                        }),
                      ),
                    })
                  }
                >
                  {kindChoices(rows, kind).map((d) => (
                    <option key={d} value={d}>
                      {t(`decision_${d}`)}
                    </option>
                  ))}
                </select>
              </label>
            );
          })}
        </fieldset>
      )}
      <label>
        {t('importShow')}
        <select
          value={shown}
          onChange={(e) => {
            setShown(e.currentTarget.value as Shown);
            setLimit(PAGE);
          }}
        >
          {SHOWN.map((s) => (
            <option key={s} value={s}>
              {t(`importShow_${s}`)}
            </option>
          ))}
        </select>
      </label>
      <table class="import-rows">
        <thead>
          <tr>
            <th scope="col">{t('reportRow')}</th>
            <th scope="col">{t('importStatus')}</th>
            <th scope="col">{t('column_name')}</th>
            <th scope="col">{t('column_taxId')}</th>
            <th scope="col">{t('reportReason')}</th>
            <th scope="col">{t('importDecision')}</th>
          </tr>
        </thead>
        <tbody>
          {filtered.slice(0, limit).map((row) => (
            <tr key={row.row} class={row.status}>
              <td>{row.row}</td>
              <td>{t(`status_${row.status}`)}</td>
              <td>{row.input.name}</td>
              <td class="mono">{row.input.taxId}</td>
              <td class="reason">
                {[
                  ...row.findings.map((f) => f.message[locale]),
                  row.duplicate &&
                    (row.duplicate.in === 'file'
                      ? t(row.duplicate.by === 'taxId' ? 'dupTaxIdRow' : 'dupNameRow', { row: row.duplicate.row })
                      : t(row.duplicate.by === 'taxId' ? 'dupTaxIdBook' : 'dupNameBook')),
                ]
                  .filter(Boolean)
                  .join('；')}
              </td>
              <td>
                {row.choices.length > 1 ? (
                  <select
                    aria-label={t('importDecisionRow', { row: row.row })}
                    value={row.decision}
                    onChange={(e) => decideRow(row.row, e.currentTarget.value as Decision)}
                  >
                    {row.choices.map((d) => (
                      <option key={d} value={d}>
                        {t(`decision_${d}`)}
                      </option>
                    ))}
                  </select>
                ) : (
                  t(`decision_${row.decision}`)
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {filtered.length > limit && (
        <button type="button" class="link" onClick={() => setLimit(limit + PAGE)}>
          {t('importMore', { count: filtered.length - limit })}
        </button>
      )}
    </section>
  );
}
