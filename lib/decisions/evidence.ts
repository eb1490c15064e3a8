import type { KpiValue } from "@/lib/kpis/kpi-value";

/** A KPI as it stood when a decision cited it: value, n and interval of its latest period. */
export interface KpiEvidence {
  type: "kpi";
  key: string;
  name: string;
  isBuiltIn: boolean;
  aggregation: "mean" | "top_box" | "nps";
  period: "monthly" | "quarterly";
  periodStart: string | null;
  value: KpiValue | null;
  target: number | null;
}

export type EvidenceItem = KpiEvidence;

/** The evidence of a decision, frozen when it was recorded; later data never rewrites it. */
export interface DecisionEvidence {
  version: 1;
  items: EvidenceItem[];
}
