import type { KpiTrendPoint } from "./build-kpi-report";
import { effectiveTarget, type TargetBasis } from "./kpi-target";

/** A KPI in an owner's scorecard, as the builder needs it. */
export interface ScorecardKpiInput {
  key: string;
  name: string;
  isBuiltIn: boolean;
  /** A response rate's n is invitations, so it is watched for its rate falling rather than its sample shrinking. */
  source?: "items" | "response_rate";
  aggregation: "mean" | "top_box" | "nps";
  period: "monthly" | "quarterly";
  /** As set: a value on the scale, or for a relative basis the change in points. */
  target: number;
  targetBasis: TargetBasis;
  weight: number;
  trend: KpiTrendPoint[];
  /** For a KPI of one segment: the whole organization's trend, which a target may be relative to. */
  organization?: KpiTrendPoint[] | null;
  /** Responses in the latest period whose open text asks for a score ("give me a 10"). */
  scoreBegging: number;
}

export type ScorecardFlag = "sampleDrop" | "responseRateDrop" | "scoreBegging" | "noData" | "noBaseline";

export interface ScorecardKpi {
  key: string;
  name: string;
  isBuiltIn: boolean;
  aggregation: ScorecardKpiInput["aggregation"];
  period: ScorecardKpiInput["period"];
  target: number;
  targetBasis: TargetBasis;
  /** What the latest period had to reach; null for a relative target with no previous value. */
  effectiveTarget: number | null;
  weight: number;
  latest: KpiTrendPoint | null;
  /** 0–1.2: how far the value got from the bottom of the scale to the target, capped at 120%. */
  attainment: number | null;
  flags: ScorecardFlag[];
}

export interface OwnerScorecard {
  owner: { userId: string; name: string };
  kpis: ScorecardKpi[];
  /** The weight-averaged attainment; null when fewer than two KPIs have a value. */
  score: number | null;
  /** Why there is no score, when there is none. */
  missing: "needsTwoKpis" | null;
}

/** A scorecard that rests on one KPI invites gaming it: at least this many are needed for a score. */
export const MIN_SCORECARD_KPIS = 2;
/** A sample this much smaller than the period before is flagged: fewer voices can move a KPI on their own. */
export const SAMPLE_DROP_RATIO = 0.5;
const MAX_ATTAINMENT = 1.2;

const scaleBottom = (aggregation: ScorecardKpiInput["aggregation"]) => (aggregation === "nps" ? -100 : 0);

/** How much of the way from the bottom of the scale to the target a value went, capped at 120%. */
export function attainment(aggregation: ScorecardKpiInput["aggregation"], value: number, target: number): number {
  const bottom = scaleBottom(aggregation);
  if (target <= bottom) return value >= target ? MAX_ATTAINMENT : 0;
  return Math.max(0, Math.min(MAX_ATTAINMENT, (value - bottom) / (target - bottom)));
}

function scoreKpi(kpi: ScorecardKpiInput): ScorecardKpi {
  const latest = kpi.trend.at(-1) ?? null;
  const previous = kpi.trend.at(-2) ?? null;
  const flags: ScorecardFlag[] = [];
  const n = (point: KpiTrendPoint | null) => (point === null ? 0 : point.value.status === "ok" ? point.value.estimate.n : point.value.n);
  if (kpi.source === "response_rate") {
    if (latest?.change === "down") flags.push("responseRateDrop");
  } else if (previous && n(previous) > 0 && n(latest) < n(previous) * SAMPLE_DROP_RATIO) flags.push("sampleDrop");
  if (kpi.scoreBegging > 0) flags.push("scoreBegging");
  const value = latest?.value.status === "ok" ? latest.value.estimate.value : null;
  const target = effectiveTarget(kpi, kpi.trend, kpi.trend.length - 1, kpi.organization ?? []);
  if (value === null) flags.push("noData");
  else if (target === null) flags.push("noBaseline");
  return {
    key: kpi.key,
    name: kpi.name,
    isBuiltIn: kpi.isBuiltIn,
    aggregation: kpi.aggregation,
    period: kpi.period,
    target: kpi.target,
    targetBasis: kpi.targetBasis,
    effectiveTarget: target,
    weight: kpi.weight,
    latest,
    attainment: value === null || target === null ? null : attainment(kpi.aggregation, value, target),
    flags,
  };
}

/** One owner's scorecard: each KPI's attainment against its target and a weighted score. */
export function buildOwnerScorecard(owner: OwnerScorecard["owner"], inputs: readonly ScorecardKpiInput[]): OwnerScorecard {
  const kpis = inputs.map(scoreKpi);
  const scored = kpis.filter((kpi) => kpi.attainment !== null && kpi.weight > 0);
  const totalWeight = scored.reduce((sum, kpi) => sum + kpi.weight, 0);
  if (scored.length < MIN_SCORECARD_KPIS || totalWeight === 0) return { owner, kpis, score: null, missing: "needsTwoKpis" };
  return { owner, kpis, score: scored.reduce((sum, kpi) => sum + kpi.weight * kpi.attainment!, 0) / totalWeight, missing: null };
}
