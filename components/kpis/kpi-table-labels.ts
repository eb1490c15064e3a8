import type { KpiTableLabels } from "@/lib/kpis/kpi-table";

type T = { (key: string, values?: Record<string, string | number>): string };

/** The KPI spreadsheet's column names and notes in the reader's language. */
export function kpiTableLabels(t: T, tAnonymity: T, minGroupSize = 0): KpiTableLabels {
  return {
    header: { kpi: t("csv.kpi"), period: t("csv.period"), segment: t("csv.segment"), segmentValue: t("csv.segmentValue"), n: "n", value: t("csv.value"), lower: t("csv.lower"), upper: t("csv.upper"), note: t("csv.note") },
    insufficient: t("csv.insufficient"),
    withheld: (segment) => tAnonymity(`reason_${segment.reason}`, { min: minGroupSize }),
    change: (point) => (point.change === "up" ? t("changeUp") : point.change === "down" ? t("changeDown") : ""),
    difference: (segment) => (segment.difference === "below" ? t("differenceBelow") : segment.difference === "above" ? t("differenceAbove") : ""),
  };
}
