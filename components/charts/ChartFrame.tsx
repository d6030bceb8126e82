import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Table } from '../../lib/export/table';
import { DataTable } from './DataTable';
import './charts.css';

export interface ChartTexts {
  /** The toggle's words: show the numbers, hide them. */
  show: string;
  hide: string;
}

interface Props {
  /** Unique on the page: the title's and the table's ids derive from it. */
  id: string;
  title: string;
  /** The numbers the chart draws, as a table with its header row. */
  table: Table;
  texts: ChartTexts;
  /** Data rows the table draws at most. */
  limit?: number;
  /** Buttons beside the title (a CSV download). */
  actions?: ComponentChildren;
  /** The chart itself: an SVG with role="img" and an aria-label summing it up. */
  children: ComponentChildren;
}

/** A chart with its title, and its numbers as a table behind a real toggle button. */
export function ChartFrame({ id, title, table, texts, limit, actions, children }: Props) {
  const [open, setOpen] = useState(false);
  const tableId = `${id}-data`;
  return (
    <figure class="chart" aria-labelledby={`${id}-title`}>
      <figcaption>
        <h3 id={`${id}-title`}>{title}</h3>
        <button type="button" class="link" aria-expanded={open} aria-controls={tableId} onClick={() => setOpen(!open)}>
          {open ? texts.hide : texts.show}
        </button>
        {actions}
      </figcaption>
      {children}
      {open && <DataTable table={table} caption={title} id={tableId} limit={limit} />}
    </figure>
  );
}
