export interface TrendPoint {
  label: string;
  /** null when the value is withheld or missing: the line breaks there. */
  value: number | null;
  lower: number | null;
  upper: number | null;
  /** What a table cell shows for the point, e.g. "64 (52–77), n 24" or why it is withheld. */
  text: string;
  /** Drawn as a marker: e.g. a significant change from the previous point. */
  isMarked?: boolean;
}

// Small enough that the labels stay legible when the chart shrinks to a phone's width.
const WIDTH = 480;
const HEIGHT = 240;
// Room for the axis labels, and for the first and last month's label centred under its point.
const PAD = { top: 16, right: 40, bottom: 36, left: 56 };

/**
 * A line with its confidence band, in plain SVG. Screen readers get the summary as the image's
 * label and every value in a table, which sighted readers can open too.
 */
export function TrendChart({ title, summary, points, min = 0, max, tableLabel, columnLabels, formatTick }: { title: string; summary: string; points: TrendPoint[]; min?: number; max: number; tableLabel: string; columnLabels: [string, string]; formatTick: (value: number) => string }) {
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (index: number) => PAD.left + (points.length <= 1 ? plotWidth / 2 : (index / (points.length - 1)) * plotWidth);
  const y = (value: number) => PAD.top + plotHeight - ((Math.max(min, Math.min(max, value)) - min) / (max - min)) * plotHeight;
  const segments = runs(points.map((point, index) => ({ ...point, index })));
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((share) => min + share * (max - min));
  const labelEvery = Math.max(1, Math.ceil(points.length / 6));
  return (
    <figure className="space-y-3">
      <figcaption className="font-medium">{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${title}. ${summary}`} className="h-auto w-full text-primary">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} className="stroke-border" strokeWidth={1} />
            <text x={PAD.left - 8} y={y(tick) + 4} textAnchor="end" className="fill-muted text-[13px]">{formatTick(tick)}</text>
          </g>
        ))}
        {segments.map((segment) => {
          const banded = segment.filter((point) => point.lower !== null && point.upper !== null);
          const band = [...banded.map((point) => `${x(point.index)},${y(point.upper!)}`), ...[...banded].reverse().map((point) => `${x(point.index)},${y(point.lower!)}`)].join(" ");
          return (
            <g key={segment[0].index}>
              {banded.length > 1 && <polygon points={band} fill="currentColor" opacity={0.15} />}
              {segment.length > 1 && <polyline points={segment.map((point) => `${x(point.index)},${y(point.value!)}`).join(" ")} fill="none" stroke="currentColor" strokeWidth={2.5} />}
            </g>
          );
        })}
        {points.map((point, index) =>
          point.value === null ? (
            <text key={index} x={x(index)} y={PAD.top + plotHeight / 2} textAnchor="middle" className="fill-muted text-[18px]" aria-hidden="true">–</text>
          ) : (
            <g key={index}>
              {point.lower !== null && point.upper !== null && <line x1={x(index)} x2={x(index)} y1={y(point.lower)} y2={y(point.upper)} stroke="currentColor" strokeWidth={1.5} opacity={0.6} />}
              <circle cx={x(index)} cy={y(point.value)} r={4.5} fill="currentColor" />
              {point.isMarked && <circle cx={x(index)} cy={y(point.value)} r={9} fill="none" className="stroke-warning" strokeWidth={2.5} data-testid="trend-marker" />}
            </g>
          ),
        )}
        {points.map((point, index) =>
          // A year of months would overlap: label at most six of them; the table has them all.
          index % labelEvery === 0 || index === points.length - 1 ? (
            <text key={index} x={x(index)} y={HEIGHT - 12} textAnchor="middle" className="fill-muted text-[13px]">{point.label}</text>
          ) : null,
        )}
      </svg>
      <details className="text-sm">
        <summary className="cursor-pointer text-primary underline">{tableLabel}</summary>
        <table className="mt-2 w-full text-left">
          <caption className="sr-only">{title}</caption>
          <thead className="text-muted">
            <tr>
              <th scope="col" className="py-1 pr-4 font-medium">{columnLabels[0]}</th>
              <th scope="col" className="py-1 font-medium">{columnLabels[1]}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((point, index) => (
              <tr key={index} className="border-t border-border">
                <th scope="row" className="py-1 pr-4 font-normal">{point.label}</th>
                <td className="py-1 tabular-nums">{point.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** Consecutive points with a value, so a withheld month breaks the line instead of bridging it. */
function runs<T extends { value: number | null }>(points: T[]): T[][] {
  const result: T[][] = [];
  let current: T[] = [];
  for (const point of points) {
    if (point.value === null) {
      if (current.length) result.push(current);
      current = [];
    } else current.push(point);
  }
  if (current.length) result.push(current);
  return result;
}
