import type { KpiTrendPoint } from "./build-kpi-report";

export const TARGET_BASES = ["absolute", "previous_period", "organization"] as const;
export type TargetBasis = (typeof TARGET_BASES)[number];

export interface KpiTargetSetting {
  aggregation: "mean" | "top_box" | "nps";
  /** A value on the KPI's scale, or for a relative basis the change in points. */
  target: number | null;
  targetBasis: TargetBasis;
}

/** The ends of a KPI's display scale: 0–100, or −100…100 for NPS. */
export function kpiScaleBounds(aggregation: KpiTargetSetting["aggregation"]): [number, number] {
  return aggregation === "nps" ? [-100, 100] : [0, 100];
}

/** Whether a target can be set as entered: on the scale, or a change or distance no larger than the scale's span. */
export function isValidTarget(setting: KpiTargetSetting): boolean {
  if (setting.target === null) return true;
  const [low, high] = kpiScaleBounds(setting.aggregation);
  if (setting.targetBasis === "absolute") return setting.target >= low && setting.target <= high;
  return Math.abs(setting.target) <= high - low;
}

/**
 * The value a period has to reach: the target itself; for a target relative to the previous period,
 * that period's value plus the change; for a segment's target relative to the organization, the
 * whole organization's value in the same period plus the distance (both kept on the scale). Null
 * when there is no target or nothing to build on: a relative target never falls back to a guess.
 */
export function effectiveTarget(setting: KpiTargetSetting, trend: readonly KpiTrendPoint[], index = trend.length - 1, organization: readonly KpiTrendPoint[] = []): number | null {
  if (setting.target === null || index < 0) return null;
  if (setting.targetBasis === "absolute") return setting.target;
  const base = setting.targetBasis === "previous_period" ? (index > 0 ? trend[index - 1].value : null) : organization.find((point) => point.periodStart === trend[index].periodStart)?.value;
  if (base?.status !== "ok") return null;
  const [low, high] = kpiScaleBounds(setting.aggregation);
  return Math.min(high, Math.max(low, base.estimate.value + setting.target));
}
