import type { KpiTrendPoint } from "@/lib/kpis/build-kpi-report";

const WIDTH = 120;
const HEIGHT = 32;

/** A KPI's recent periods as a small line; decorative, since the card states the values in words. */
export function Sparkline({ points, min, max }: { points: KpiTrendPoint[]; min: number; max: number }) {
  const shown = points.map((point, index) => ({ index, value: point.value.status === "ok" ? point.value.estimate.value : null }));
  const x = (index: number) => (points.length <= 1 ? WIDTH / 2 : (index / (points.length - 1)) * (WIDTH - 8) + 4);
  const y = (value: number) => HEIGHT - 4 - ((value - min) / (max - min)) * (HEIGHT - 8);
  const line = shown.filter((point) => point.value !== null).map((point) => `${x(point.index)},${y(point.value!)}`).join(" ");
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" className="h-8 w-28 text-primary">
      {line && <polyline points={line} fill="none" stroke="currentColor" strokeWidth={2} />}
      {shown.map((point) => point.value !== null && <circle key={point.index} cx={x(point.index)} cy={y(point.value)} r={2.5} fill="currentColor" />)}
    </svg>
  );
}
