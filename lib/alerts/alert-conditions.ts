import type { AlertFacts } from "@/db/schema";
import type { KpiSummary } from "@/lib/kpis/get-kpi-overview";
import { effectiveTarget } from "@/lib/kpis/kpi-target";

export interface Occasion {
  occasion: string;
  facts: AlertFacts;
}

/**
 * Whether a KPI rule fires on the KPI as it stands: its latest period below target (with enough
 * answers to have a value; a relative target counts from the period before), or significantly down
 * from the period before. One occasion per period.
 */
export function kpiAlertOccasion(kind: "below_target" | "significant_drop", summary: Pick<KpiSummary, "definition" | "trend" | "latest"> & Partial<Pick<KpiSummary, "organization">>): Occasion | null {
  const { definition, trend, latest, organization } = summary;
  if (!latest || latest.value.status !== "ok") return null;
  const estimate = latest.value.estimate;
  const index = trend.indexOf(latest);
  const target = effectiveTarget(definition, trend, index, organization ?? []);
  const fires = kind === "below_target" ? target !== null && estimate.value < target : latest.change === "down";
  if (!fires) return null;
  const before = index > 0 ? trend[index - 1].value : null;
  return {
    occasion: `${kind}:${latest.periodStart}`,
    facts: {
      kind,
      kpiKey: definition.key,
      kpiName: definition.name,
      isBuiltIn: definition.isBuiltIn,
      aggregation: definition.aggregation,
      period: definition.period,
      periodStart: latest.periodStart,
      value: estimate.value,
      lower: estimate.lower,
      upper: estimate.upper,
      n: estimate.n,
      target,
      previous: before?.status === "ok" ? before.estimate.value : null,
    },
  };
}

/** A spike of urgent frontline reports: at least `threshold` in the last day; one occasion per day. */
export function urgentSpikeOccasion(count: number, threshold: number, now: Date): Occasion | null {
  if (count < threshold) return null;
  const since = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  return { occasion: `urgent_spike:${now.toISOString().slice(0, 10)}`, facts: { kind: "urgent_spike", count, threshold, since: since.toISOString() } };
}
