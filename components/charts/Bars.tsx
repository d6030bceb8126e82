import { columnLayout, labelEvery, rowLayout } from './scale';

export interface BarItem {
  /** Unique among the items (a buyer's key, a month). */
  id: string;
  label: string;
  value: number;
  /** The value as the page writes it (yuan with two decimals, a count). */
  text: string;
}

interface Props {
  items: readonly BarItem[];
  /** What the chart shows, for a screen reader: the chart is one image to it. */
  summary: string;
  /** 'columns' side by side (months, oldest left), or 'rows' one under another (a ranking, largest first). */
  layout: 'columns' | 'rows';
}

const WIDTH = 640;
const COLUMNS_HEIGHT = 160;
const AXIS = 18;
const ROW = 22;
const LABEL = 190;
const VALUE = 110;
const LABEL_CHARS = 13;
/** Half a 'YYYY-MM' label: nearer an edge than this, a centred label would be cut off. */
const TICK_ROOM = 26;

/** A label cut to fit its band; the whole of it is in the bar's tooltip and the data table. */
export function fitLabel(label: string, chars = LABEL_CHARS): string {
  return label.length > chars ? `${label.slice(0, chars - 1)}…` : label;
}

/** A bar chart of our own: plain SVG, one image to assistive technology, each bar with its value as a tooltip. */
export function Bars({ items, summary, layout }: Props) {
  return layout === 'columns' ? <Columns items={items} summary={summary} /> : <Rows items={items} summary={summary} />;
}

function Columns({ items, summary }: Omit<Props, 'layout'>) {
  const { bars, zero } = columnLayout(
    items.map((i) => i.value),
    WIDTH,
    COLUMNS_HEIGHT,
  );
  // A 'YYYY-MM' label takes about 48 units.
  const every = labelEvery(items.length, Math.floor(WIDTH / 56));
  const last = items.length - 1;
  return (
    <svg
      class="bars columns"
      role="img"
      aria-label={summary}
      viewBox={`0 0 ${WIDTH} ${COLUMNS_HEIGHT + AXIS}`}
      preserveAspectRatio="xMidYMid meet"
    >
      {bars.map((bar, i) => {
        const item = items[i] as BarItem;
        return (
          <rect
            key={item.id}
            class={bar.negative ? 'bar negative' : 'bar'}
            x={bar.x}
            y={bar.y}
            width={bar.width}
            height={bar.height}
          >
            <title>{`${item.label}: ${item.text}`}</title>
          </rect>
        );
      })}
      <line class="axis" x1={0} x2={WIDTH} y1={zero} y2={zero} />
      {items.map((item, i) => {
        if ((last - i) % every !== 0) return null;
        const x = (bars[i]?.x ?? 0) + (bars[i]?.width ?? 0) / 2;
        // A label at either edge is anchored inside the chart, so that it is not cut off.
        const anchor = x < TICK_ROOM ? 'start' : x > WIDTH - TICK_ROOM ? 'end' : 'middle';
        return (
          <text
            key={item.id}
            class="tick"
            x={anchor === 'start' ? 0 : anchor === 'end' ? WIDTH : x}
            y={COLUMNS_HEIGHT + AXIS - 4}
            text-anchor={anchor}
          >
            {item.label}
          </text>
        );
      })}
    </svg>
  );
}

function Rows({ items, summary }: Omit<Props, 'layout'>) {
  const band = WIDTH - LABEL - VALUE;
  const { bars, zero } = rowLayout(
    items.map((i) => i.value),
    band,
    ROW,
  );
  const height = Math.max(ROW, items.length * ROW);
  return (
    <svg
      class="bars rows"
      role="img"
      aria-label={summary}
      viewBox={`0 0 ${WIDTH} ${height}`}
      preserveAspectRatio="xMinYMin meet"
    >
      {bars.map((bar, i) => {
        const item = items[i] as BarItem;
        const middle = bar.y + bar.height / 2;
        return (
          <g key={item.id}>
            <text class="label" x={LABEL - 8} y={middle} text-anchor="end" dominant-baseline="middle">
              {fitLabel(item.label)}
            </text>
            <rect
              class={bar.negative ? 'bar negative' : 'bar'}
              x={LABEL + bar.x}
              y={bar.y}
              width={bar.width}
              height={bar.height}
            >
              <title>{`${item.label}: ${item.text}`}</title>
            </rect>
            <text class="value" x={WIDTH - 4} y={middle} text-anchor="end" dominant-baseline="middle">
              {item.text}
            </text>
          </g>
        );
      })}
      <line class="axis" x1={LABEL + zero} x2={LABEL + zero} y1={0} y2={height} />
    </svg>
  );
}
