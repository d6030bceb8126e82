import type { Translate } from '../../lib/i18n/messages';
import type { ColumnTarget } from '../../lib/import/columns';
import { COLUMN_TARGETS } from '../../lib/import/mapping';

interface Props {
  headers: readonly string[];
  /** The first data row, so the clerk sees what each column holds. */
  sample: readonly string[];
  columns: readonly ColumnTarget[];
  t: Translate;
  onChange(at: number, target: ColumnTarget): void;
}

/** Excel's name for a column: A … Z, AA … */
function letter(at: number): string {
  let n = at + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Each column of the sheet and what it is imported as; the clerk can correct any of them. */
export function ImportMapping({ headers, sample, columns, t, onChange }: Props) {
  return (
    <table class="mapping">
      <caption>{t('importMapping')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('importColumn')}</th>
          <th scope="col">{t('importHeader')}</th>
          <th scope="col">{t('importSample')}</th>
          <th scope="col">{t('importAs')}</th>
        </tr>
      </thead>
      <tbody>
        {columns.map((target, at) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: columns are positions in the sheet; they never move
          <tr key={at}>
            <td class="mono">{letter(at)}</td>
            <td>{headers[at] ?? ''}</td>
            <td class="muted">{sample[at] ?? ''}</td>
            <td>
              <select
                aria-label={t('importAsColumn', { column: headers[at] || letter(at) })}
                value={target ?? ''}
                onChange={(e) => onChange(at, (e.currentTarget.value || null) as ColumnTarget)}
              >
                <option value="">{t('target_none')}</option>
                {COLUMN_TARGETS.map((c) => (
                  <option key={c} value={c}>
                    {t(`target_${c}`)}
                  </option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
