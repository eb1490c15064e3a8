import "server-only";
import type { Db } from "@/db/client";
import type { Actor, OrgRef } from "@/lib/authz/require-permission";
import type { KpiSegment, KpiTrendPoint } from "./build-kpi-report";
import { getKpiDetail } from "./get-kpi-detail";
import { getKpiOverview, type KpiSummary } from "./get-kpi-overview";
import { publicKpiValue } from "./public-kpi-value";
import type { KpiDetailQuery } from "./schemas";

const point = (trendPoint: KpiTrendPoint) => ({ periodStart: trendPoint.periodStart, ...publicKpiValue(trendPoint.value), change: trendPoint.change, p: trendPoint.p });

function publicSegment(segment: KpiSegment) {
  if (segment.suppressed) return { segment: segment.value, value: null, lower: null, upper: null, n: null, withheld: segment.reason, difference: null, adjustedP: null };
  return { segment: segment.value, ...publicKpiValue(segment.kpi), difference: segment.difference, adjustedP: segment.adjustedP };
}

function publicSummary({ definition, latest, target, status }: KpiSummary) {
  return {
    key: definition.key,
    name: definition.name,
    isBuiltIn: definition.isBuiltIn,
    source: definition.source,
    aggregation: definition.aggregation,
    itemCodes: definition.itemCodes,
    period: definition.period,
    segment: definition.segmentKey && definition.segmentValue ? { key: definition.segmentKey, value: definition.segmentValue } : null,
    programId: definition.programId,
    target,
    targetStatus: status,
    latest: latest ? point(latest) : null,
  };
}

/** Every KPI of the organization with its latest value, n, interval, target and status, withheld as the dashboard withholds. */
export async function listKpiValues(db: Db, actor: Actor | null, org: OrgRef) {
  const { kpis, minN } = await getKpiOverview(db, actor, org);
  return { minN, data: kpis.map(publicSummary) };
}

/** One KPI's whole series by its own period and, when asked, its split by an attribute: the detail page's numbers. */
export async function readKpiValues(db: Db, actor: Actor | null, org: OrgRef, query: KpiDetailQuery) {
  const detail = await getKpiDetail(db, actor, org, query);
  return {
    ...publicSummary(detail),
    minN: detail.minN,
    minGroupSize: detail.minGroupSize,
    series: detail.trend.map(point),
    splittableBy: detail.segmentKeys,
    split: detail.split ? { by: detail.split.by, period: detail.split.period, from: detail.split.from, to: detail.split.to, segments: detail.split.segments.map(publicSegment) } : null,
  };
}
