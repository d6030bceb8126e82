import { useMemo, useState } from 'preact/hooks';
import type { Locale, Translate } from '../../lib/i18n/messages';
import {
  type Decisions,
  DUPLICATE_KINDS,
  type DuplicateKind,
  duplicateKind,
  kindChoices,
  type PreviewCounts,
} from '../../lib/import/decide';
import type { Decision, PlannedRow } from '../../lib/import/plan';
import { rowNotes } from './import-words';
import { MoreRows, ROWS_PAGE } from './MoreRows';

interface Props {
  rows: readonly PlannedRow[];
  /** Each kind of duplicate's default before the clerk chose one. */
  defaults: Partial<Record<DuplicateKind, Decision>>;
  counts: PreviewCounts;
  decisions: Decisions;
  locale: Locale;
  t: Translate;
  onDecide(next: Decisions): void;
}

const SHOWN = ['all', 'error', 'warning', 'duplicate'] as const;
type Shown = (typeof SHOWN)[number];

/** Every row's status and reason, a default for each kind of duplicate, and a decision per row. */
export function ImportPreview({ rows, defaults, counts, decisions, locale, t, onDecide }: Props) {
  const [shown, setShown] = useState<Shown>('all');
  const [limit, setLimit] = useState(ROWS_PAGE);
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
          {kinds.map((kind) => (
            <label key={kind}>
              {t(`dup_${kind}`)}
              <select
                value={decisions.byKind[kind] ?? defaults[kind] ?? 'skip'}
                onChange={(e) =>
                  onDecide({
                    byKind: { ...decisions.byKind, [kind]: e.currentTarget.value as Decision },
                    // A new default for the kind replaces what was chosen row by row for it.
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
          ))}
        </fieldset>
      )}
      <label>
        {t('importShow')}
        <select
          value={shown}
          onChange={(e) => {
            setShown(e.currentTarget.value as Shown);
            setLimit(ROWS_PAGE);
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
              <td class="reason">{rowNotes(row, locale, t)}</td>
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
      <MoreRows shown={limit} total={filtered.length} t={t} onMore={() => setLimit(limit + ROWS_PAGE)} />
    </section>
  );
}
