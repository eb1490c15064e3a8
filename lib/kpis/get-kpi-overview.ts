import "server-only";
import type { Db } from "@/db/client";
import { effectiveThresholds } from "@/lib/anonymity/thresholds";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { buildKpiTrend, type KpiTrendPoint } from "./build-kpi-report";
import { effectiveTarget } from "./kpi-target";
import { DEFAULT_MIN_N } from "./kpi-value";
import { listKpiDefinitions, monthlyTotals, type KpiDefinitionRow, type KpiMonth } from "./read-kpi-rollups";

/** Where the latest value stands against the target, interval included: only a whole interval on one side counts. */
export type TargetStatus = "above" | "below" | "uncertain" | "noTarget" | "noData" | "noBaseline";

export interface KpiSummary {
  definition: Omit<KpiDefinitionRow, "itemCodes"> & { itemCodes: string[] };
  trend: KpiTrendPoint[];
  latest: KpiTrendPoint | null;
  /** For a KPI of one segment: the whole organization's trend over the same periods. */
  organization: KpiTrendPoint[] | null;
  /** What the latest period has to reach: the target, or the previous value plus a relative target. */
  target: number | null;
  status: TargetStatus;
}

/** Shown periods on the dashboard's sparkline. */
const TREND_LENGTH = 8;

/** The smallest n a KPI value is shown at: the statistical minimum, and never below the anonymity threshold. */
export function kpiMinN(organization: { minGroupSize: number; minCommentGroupSize: number }): number {
  return Math.max(DEFAULT_MIN_N, effectiveThresholds(organization).minGroupSize);
}

export function targetStatus(point: KpiTrendPoint | null, target: number | null): TargetStatus {
  if (!point || point.value.status !== "ok") return "noData";
  if (target === null) return "noTarget";
  const { lower, upper, value } = point.value.estimate;
  if ((lower ?? value) > target) return "above";
  if ((upper ?? value) < target) return "below";
  return "uncertain";
}

export function summarizeKpi(definition: KpiDefinitionRow, months: readonly KpiMonth[], minN: number, { length = TREND_LENGTH }: { length?: number } = {}): KpiSummary {
  const all = buildKpiTrend(definition, months, { minN });
  const organization = definition.segmentKey ? buildKpiTrend(definition, months.map((row) => ({ month: row.month, ...(row.organization ?? row) })), { minN }) : null;
  const trend = (organization ? withholdSmallRest(all, organization, minN) : all).slice(-length);
  const latest = trend.at(-1) ?? null;
  const target = effectiveTarget(definition, trend, trend.length - 1, organization ?? []);
  return { definition, trend, organization: organization?.slice(-length) ?? null, latest, target, status: definition.target !== null && target === null && latest?.value.status === "ok" ? "noBaseline" : targetStatus(latest, target) };
}

/**
 * A segment's value beside the whole organization's gives away the people outside the segment
 * when they are few: such a period is withheld, and so are the changes into and out of it.
 */
function withholdSmallRest(trend: KpiTrendPoint[], organization: readonly KpiTrendPoint[], minN: number): KpiTrendPoint[] {
  const sizeOf = (point: KpiTrendPoint | undefined) => (point === undefined ? 0 : point.value.status === "ok" ? point.value.estimate.n : point.value.n);
  const isWithheld = trend.map((point) => {
    const rest = sizeOf(organization.find((whole) => whole.periodStart === point.periodStart)) - sizeOf(point);
    return sizeOf(point) > 0 && rest > 0 && rest < minN;
  });
  return trend.map((point, index) => {
    if (isWithheld[index]) return { periodStart: point.periodStart, value: { status: "insufficient", n: sizeOf(point), minN, withheld: true }, change: null, p: null };
    return index > 0 && isWithheld[index - 1] ? { ...point, change: null, p: null } : point;
  });
}

/** The organization's KPIs for the leaders' home: each with its latest value, n, interval, trend and status. */
export async function getKpiOverview(db: Db, actor: Actor | null, org: OrgRef): Promise<{ kpis: KpiSummary[]; minN: number }> {
  const { organization } = await requirePermission(db, actor, org, "dashboard.view");
  return kpiSummaries(db, organization);
}

/** Every KPI of the organization summarized from its rollups, for callers that checked access already. */
export async function kpiSummaries(db: Db, organization: { id: string; minGroupSize: number; minCommentGroupSize: number }): Promise<{ kpis: KpiSummary[]; minN: number }> {
  const [definitions, totals] = await Promise.all([listKpiDefinitions(db, organization.id), monthlyTotals(db, organization.id)]);
  const minN = kpiMinN(organization);
  return { minN, kpis: definitions.map((definition) => summarizeKpi(definition, totals.filter((row) => row.kpiId === definition.id), minN)) };
}
