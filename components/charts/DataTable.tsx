import type { Table } from '../../lib/export/table';

/** Cells that read as a number (money, counts, shares) line up on the right. */
const NUMERIC = /^-?\d[\d,]*(\.\d+)?%?$/;

interface Props {
  table: Table;
  caption: string;
  id?: string;
  /** Data rows drawn (the header is always drawn); the page offers the rest. */
  limit?: number;
}

/** A figure set as a real table: the header row as column headers, the first cell of each row as its row header. */
export function DataTable({ table, caption, id, limit }: Props) {
  const head = table.rows[table.header] ?? [];
  const body = table.rows.slice(table.header + 1, limit === undefined ? undefined : table.header + 1 + limit);
  return (
    <table class="data-table" id={id}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {head.map((cell, i) => (
            // Header cells are fixed per table: their place is their identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: columns never move
            <th key={i} scope="col">
              {cell}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {body.map((row, r) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the rows of one figure set are redrawn whole, never reordered
          <tr key={r}>
            {row.map((cell, i) =>
              i === 0 ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns never move
                <th key={i} scope="row">
                  {cell}
                </th>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns never move
                <td key={i} class={NUMERIC.test(cell) ? 'num' : undefined}>
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
