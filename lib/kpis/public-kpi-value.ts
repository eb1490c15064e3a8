import type { SuppressionReason } from "@/lib/anonymity/suppression";
import type { KpiValue } from "./kpi-value";

/**
 * Why a value is not given: fewer answers than a KPI is shown at (`not_enough_data`, n still
 * said, as on the dashboard), or an anonymity rule (n withheld too).
 */
export type KpiWithholding = "not_enough_data" | "small_rest" | SuppressionReason;

/** A KPI value for other systems: the number with n and its 95% interval, or nulls and the reason. */
export interface PublicKpiValue {
  value: number | null;
  lower: number | null;
  upper: number | null;
  n: number | null;
  withheld: KpiWithholding | null;
}

export function publicKpiValue(value: KpiValue): PublicKpiValue {
  if (value.status === "ok") return { value: value.estimate.value, lower: value.estimate.lower, upper: value.estimate.upper, n: value.estimate.n, withheld: null };
  // Beside the whole organization, a segment's n would tell how few people are outside it.
  if (value.withheld) return { value: null, lower: null, upper: null, n: null, withheld: "small_rest" };
  return { value: null, lower: null, upper: null, n: value.n, withheld: "not_enough_data" };
}
