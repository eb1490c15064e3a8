import type { KpiSegment, KpiTrendPoint } from "./build-kpi-report";
import type { KpiValue } from "./kpi-value";

import type { Cell } from "@/lib/responses/export-responses";
const round = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

export interface KpiTableLabels {
  header: { kpi: string; period: string; segment: string; segmentValue: string; n: string; value: string; lower: string; upper: string; note: string };
  insufficient: string;
  withheld: (segment: Extract<KpiSegment, { suppressed: true }>) => string;
  change: (point: KpiTrendPoint) => string;
  difference: (segment: Extract<KpiSegment, { suppressed: false }>) => string;
}

function valueCells(value: KpiValue, insufficient: string): Cell[] {
  if (value.status !== "ok") return [value.n, null, null, null, insufficient];
  return [value.estimate.n, round(value.estimate.value), round(value.estimate.lower), round(value.estimate.upper)];
}

export const kpiTableHeader = (labels: KpiTableLabels) => Object.values(labels.header);

/** The trend of each KPI as spreadsheet rows: what the dashboard shows, withheld values left out. */
export function trendRows(kpis: ReadonlyArray<{ name: string; trend: KpiTrendPoint[] }>, labels: KpiTableLabels): Cell[][] {
  return kpis.flatMap(({ name, trend }) =>
    trend.map((point) => {
      const cells = valueCells(point.value, labels.insufficient);
      return [name, point.periodStart, "", "", ...cells.slice(0, 4), cells[4] ?? labels.change(point)];
    }),
  );
}

/** One KPI split by an attribute as spreadsheet rows; a withheld segment carries only its reason. */
export function splitRows(name: string, split: { by: string; period: string; from: string; to: string; segments: KpiSegment[] }, labels: KpiTableLabels): Cell[][] {
  // Every period together is written as an ISO 8601 interval.
  const period = split.period === "all" ? `${split.from}/${split.to}` : split.from;
  return split.segments.map((segment) => {
    if (segment.suppressed) return [name, period, split.by, segment.value, null, null, null, null, labels.withheld(segment)];
    const cells = valueCells(segment.kpi, labels.insufficient);
    return [name, period, split.by, segment.value, ...cells.slice(0, 4), cells[4] ?? labels.difference(segment)];
  });
}
