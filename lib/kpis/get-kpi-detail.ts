import "server-only";
import type { Db } from "@/db/client";
import { effectiveThresholds } from "@/lib/anonymity/thresholds";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { addSums, buildKpiSplit, derivableAcrossPeriods, nextPeriod, periodStart, type KpiSegment, type RollupSums } from "./build-kpi-report";
import { kpiMinN, summarizeKpi, type KpiSummary } from "./get-kpi-overview";
import { listKpiDefinitions, monthlyTotals, segmentKeys, segmentMonthTotals } from "./read-kpi-rollups";
import { kpiDetailQuerySchema, type KpiDetailQuery } from "./schemas";

const EMPTY_SUMS: RollupSums = { n: 0, sum: 0, sumSquares: 0, topBox: 0, bottomBox: 0 };

export interface KpiSplit {
  by: string;
  /** A period's first day, or "all". */
  period: string;
  /** The months covered: from inclusive, to exclusive. */
  from: string;
  to: string;
  segments: KpiSegment[];
}

export interface KpiDetail extends KpiSummary {
  minN: number;
  minGroupSize: number;
  segmentKeys: string[];
  split: KpiSplit | null;
}

/**
 * One KPI with its whole trend and, when asked, its split by an attribute in one period: each
 * segment against the rest with Holm-corrected tests, withheld below the anonymity threshold.
 */
export async function getKpiDetail(db: Db, actor: Actor | null, org: OrgRef, rawQuery: KpiDetailQuery): Promise<KpiDetail> {
  const { organization } = await requirePermission(db, actor, org, "dashboard.view");
  const query = kpiDetailQuerySchema.parse(rawQuery);
  const definition = (await listKpiDefinitions(db, organization.id)).find((row) => row.key === query.key);
  if (!definition) throw new AppError("NOT_FOUND", "notFound");
  const minN = kpiMinN(organization);
  const { minGroupSize } = effectiveThresholds(organization);
  // A KPI of one segment keeps rollups of everyone by every attribute: those are not splits of the segment.
  const [months, keys] = await Promise.all([monthlyTotals(db, organization.id, definition.id), definition.segmentKey ? ([] as string[]) : segmentKeys(db, organization.id, definition.id)]);
  const base = { ...summarizeKpi(definition, months, minN, { length: Infinity }), minN, minGroupSize, segmentKeys: keys };
  // A period is one of the KPI's own: a window starting mid-quarter could be subtracted from a quarter to single out a month.
  const period = query.period === undefined ? base.latest?.periodStart : query.period === "all" ? "all" : periodStart(query.period, definition.period);
  if (!query.by || !period || base.trend.length === 0 || !keys.includes(query.by)) return { ...base, split: null };

  const range = period === "all" ? { from: base.trend[0].periodStart, to: nextPeriod(base.trend.at(-1)!.periodStart, definition.period) } : { from: period, to: nextPeriod(period, definition.period) };
  const inRange = months.filter((row) => row.month >= range.from && row.month < range.to);
  const total = inRange.reduce(addSums, EMPTY_SUMS);
  const segmentMonths = await segmentMonthTotals(db, organization.id, definition.id, query.by, range);
  const byValue = new Map<string, RollupSums>();
  for (const row of segmentMonths) byValue.set(row.value, addSums(byValue.get(row.value) ?? EMPTY_SUMS, row));
  const segments = [...byValue].map(([value, sums]) => ({ value, ...sums }));
  // Several periods together must not give away what a single period withholds.
  const reasons = period === "all" ? derivableAcrossPeriods(definition, segmentMonths, inRange, minGroupSize) : undefined;
  return { ...base, split: { by: query.by, period, ...range, segments: buildKpiSplit(definition, total, segments, { minGroupSize, minN, reasons }) } };
}
