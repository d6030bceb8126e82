import { linePath, linePoints } from './scale';

interface Props {
  values: readonly number[];
  /** What the line shows, for a screen reader (the line is one image to it). */
  summary: string;
  width?: number;
  height?: number;
}

/** A small line of a series (a customer's months), with a dot on the latest value. */
export function Sparkline({ values, summary, width = 96, height = 24 }: Props) {
  const points = linePoints(values, width, height);
  const last = points[points.length - 1];
  return (
    <svg
      class="sparkline"
      role="img"
      aria-label={summary}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
    >
      <path d={linePath(points)} />
      {last && <circle cx={last[0]} cy={last[1]} r={2} />}
    </svg>
  );
}
