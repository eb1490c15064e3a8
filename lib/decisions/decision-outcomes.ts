import { periodStart, type KpiTrendPoint } from "@/lib/kpis/build-kpi-report";

/** The periods of a KPI that began after the period a decision was taken in: what happened next. */
export function periodsAfter(trend: readonly KpiTrendPoint[], decidedAt: Date, period: "monthly" | "quarterly"): KpiTrendPoint[] {
  const decidedIn = periodStart(`${decidedAt.toISOString().slice(0, 7)}-01`, period);
  return trend.filter((point) => point.periodStart > decidedIn);
}
