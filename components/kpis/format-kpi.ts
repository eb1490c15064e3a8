import type { createFormatter } from "next-intl";
import type { KpiValue } from "@/lib/kpis/kpi-value";
import type { Estimate } from "@/lib/statistics/intervals";

type Formatter = Pick<ReturnType<typeof createFormatter>, "number" | "dateTime">;
export type KpiAggregation = "mean" | "top_box" | "nps";

/** A KPI value as people read it: "64" for an index, "64%" for a share, "+23" for an NPS. */
export function formatKpiNumber(format: Formatter, aggregation: KpiAggregation, value: number): string {
  if (aggregation === "top_box") return format.number(value / 100, { style: "percent", maximumFractionDigits: 0 });
  if (aggregation === "nps") return format.number(Math.round(value), { signDisplay: "exceptZero" });
  return format.number(value, { maximumFractionDigits: 0 });
}

export function formatKpiEstimate(format: Formatter, aggregation: KpiAggregation, estimate: Estimate) {
  const number = (value: number) => formatKpiNumber(format, aggregation, value);
  return { value: number(estimate.value), interval: estimate.lower === null || estimate.upper === null ? null : `${number(estimate.lower)} – ${number(estimate.upper)}` };
}

/**
 * A target as set: "70"; for one relative to the previous period "+3 points on the previous
 * period", for a segment's one relative to the organization "−5 points on the whole organization",
 * with the value it comes to ("63") when there was something to build on.
 */
export function formatKpiTarget(
  format: Formatter,
  t: (key: "targetRelative" | "targetRelativeTo" | "targetOrganization" | "targetOrganizationTo", values: { change: string; target?: string }) => string,
  setting: { aggregation: KpiAggregation; target: number | null; targetBasis: "absolute" | "previous_period" | "organization" },
  effective: number | null,
): string | null {
  if (setting.target === null) return null;
  if (setting.targetBasis === "absolute") return formatKpiNumber(format, setting.aggregation, setting.target);
  const change = format.number(setting.target, { signDisplay: "exceptZero", maximumFractionDigits: 1 });
  const [without, withValue] = setting.targetBasis === "previous_period" ? (["targetRelative", "targetRelativeTo"] as const) : (["targetOrganization", "targetOrganizationTo"] as const);
  return effective === null ? t(without, { change }) : t(withValue, { change, target: formatKpiNumber(format, setting.aggregation, effective) });
}

/** Why a KPI shows no number: too few answers, or a segment withheld so as not to give away the few outside it. */
export function kpiShortfall(t: (key: "notEnoughData" | "withheldSmallRest", values?: { n: number; minN: number }) => string, value: { n: number; minN: number; withheld?: boolean }, minN = value.minN): string {
  return value.withheld ? t("withheldSmallRest") : t("notEnoughData", { n: value.n, minN });
}

/** The scale a chart of the KPI spans. */
export function kpiScale(aggregation: KpiAggregation): { min: number; max: number } {
  return aggregation === "nps" ? { min: -100, max: 100 } : { min: 0, max: 100 };
}

/** "Q3 2026" for a quarter, "Sep 2026" for a month. */
export function formatPeriod(format: Formatter, period: "monthly" | "quarterly", start: string, quarterLabel: (values: { quarter: number; year: number }) => string): string {
  const [year, month] = start.split("-").map(Number);
  if (period === "quarterly") return quarterLabel({ quarter: Math.floor((month - 1) / 3) + 1, year });
  return format.dateTime(new Date(`${start}T00:00:00Z`), { month: "short", year: "numeric", timeZone: "UTC" });
}

export function isKpiShown(value: KpiValue): value is Extract<KpiValue, { status: "ok" }> {
  return value.status === "ok";
}

/** A KPI's title: built-in ones in the reader's language, custom ones as their author named them. */
export function kpiNamer(t: { has(key: string): boolean; (key: string): string }) {
  return (definition: { key: string; name: string; isBuiltIn: boolean }) => (definition.isBuiltIn && t.has(`name.${definition.key}`) ? t(`name.${definition.key}`) : definition.name);
}

type Translator = { has(key: string): boolean; (key: string): string };

/** Attribute names and their values as people read them ("Language: Russian"), raw when the catalog has none. */
export function segmentLabeler(tKpis: Translator, tCouncils: Translator) {
  return {
    attribute: (key: string) => (tKpis.has(`attribute.${key}`) ? tKpis(`attribute.${key}`) : key),
    value: (key: string, value: string) => (tCouncils.has(`choice.${key}.${value}`) ? tCouncils(`choice.${key}.${value}`) : value),
  };
}
