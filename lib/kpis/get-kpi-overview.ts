import "server-only";
import type { Db } from "@/db/client";
import { effectiveThresholds } from "@/lib/anonymity/thresholds";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { buildKpiTrend, type KpiTrendPoint } from "./build-kpi-report";
import { effectiveTarget } from "./kpi-target";
import { DEFAULT_MIN_N } from "./kpi-value";
import { listKpiDefinitions, monthlyTotals, type KpiDefinitionRow } from "./read-kpi-rollups";

/** Where the latest value stands against the target, interval included: only a whole interval on one side counts. */
export type TargetStatus = "above" | "below" | "uncertain" | "noTarget" | "noData" | "noBaseline";

export interface KpiSummary {
  definition: Omit<KpiDefinitionRow, "itemCodes"> & { itemCodes: string[] };
  trend: KpiTrendPoint[];
  latest: KpiTrendPoint | null;
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

export function summarizeKpi(definition: KpiDefinitionRow, months: Parameters<typeof buildKpiTrend>[1], minN: number): KpiSummary {
  const trend = buildKpiTrend(definition, months, { minN }).slice(-TREND_LENGTH);
  const latest = trend.at(-1) ?? null;
  const target = effectiveTarget(definition, trend);
  return { definition, trend, latest, target, status: definition.target !== null && target === null && latest?.value.status === "ok" ? "noBaseline" : targetStatus(latest, target) };
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
