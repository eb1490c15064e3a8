import "server-only";
import { and, asc, eq, gte, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { kpiDefinitions, kpiRollups, users } from "@/db/schema";
import type { RollupSums } from "./build-kpi-report";
import { BUILT_IN_KPIS } from "./built-in-kpis";

const sums = {
  n: sql<number>`sum(${kpiRollups.n})::int`.mapWith(Number),
  sum: sql<number>`sum(${kpiRollups.sum})::float8`.mapWith(Number),
  sumSquares: sql<number>`sum(${kpiRollups.sumSquares})::float8`.mapWith(Number),
  topBox: sql<number>`sum(${kpiRollups.topBox})::int`.mapWith(Number),
  bottomBox: sql<number>`sum(${kpiRollups.bottomBox})::int`.mapWith(Number),
};

/** The organization's KPIs: the built-in ones in their usual order, then its own by creation. */
export async function listKpiDefinitions(db: Db, organizationId: string) {
  const rows = await db
    .select({
      id: kpiDefinitions.id,
      key: kpiDefinitions.key,
      name: kpiDefinitions.name,
      isBuiltIn: kpiDefinitions.isBuiltIn,
      aggregation: kpiDefinitions.aggregation,
      itemCodes: kpiDefinitions.itemCodes,
      scaleMin: kpiDefinitions.scaleMin,
      scaleMax: kpiDefinitions.scaleMax,
      period: kpiDefinitions.period,
      target: kpiDefinitions.target,
      targetBasis: kpiDefinitions.targetBasis,
      incentiveWeight: kpiDefinitions.incentiveWeight,
      ownerUserId: kpiDefinitions.ownerUserId,
      ownerName: users.name,
    })
    .from(kpiDefinitions)
    .leftJoin(users, eq(users.id, kpiDefinitions.ownerUserId))
    .where(eq(kpiDefinitions.organizationId, organizationId))
    .orderBy(asc(kpiDefinitions.createdAt), asc(kpiDefinitions.key));
  const builtInOrder = (key: string, isBuiltIn: boolean) => (isBuiltIn ? BUILT_IN_KPIS.findIndex((kpi) => kpi.key === key) : BUILT_IN_KPIS.length);
  // Array.prototype.sort is stable: custom KPIs keep their creation order.
  return rows.sort((a, b) => builtInOrder(a.key, a.isBuiltIn) - builtInOrder(b.key, b.isBuiltIn));
}

export type KpiDefinitionRow = Awaited<ReturnType<typeof listKpiDefinitions>>[number];

/** Everyone's sums per KPI and month: one small grouped read of the rollups, never the answers. */
export async function monthlyTotals(db: Db, organizationId: string, kpiId?: string): Promise<Array<{ kpiId: string; month: string } & RollupSums>> {
  return db
    .select({ kpiId: kpiRollups.kpiId, month: kpiRollups.month, ...sums })
    .from(kpiRollups)
    .where(and(eq(kpiRollups.organizationId, organizationId), eq(kpiRollups.segmentKey, ""), kpiId ? eq(kpiRollups.kpiId, kpiId) : undefined))
    .groupBy(kpiRollups.kpiId, kpiRollups.month);
}

/** One KPI's sums per value of an attribute and month within [from, to). */
export async function segmentMonthTotals(db: Db, organizationId: string, kpiId: string, segmentKey: string, range: { from: string; to: string }): Promise<Array<{ value: string; month: string } & RollupSums>> {
  return db
    .select({ value: kpiRollups.segmentValue, month: kpiRollups.month, ...sums })
    .from(kpiRollups)
    .where(and(eq(kpiRollups.organizationId, organizationId), eq(kpiRollups.kpiId, kpiId), eq(kpiRollups.segmentKey, segmentKey), gte(kpiRollups.month, range.from), lt(kpiRollups.month, range.to)))
    .groupBy(kpiRollups.segmentValue, kpiRollups.month)
    .orderBy(asc(kpiRollups.segmentValue), asc(kpiRollups.month));
}

/** The attributes a KPI can be split by: those its respondents carried. */
export async function segmentKeys(db: Db, organizationId: string, kpiId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ key: kpiRollups.segmentKey })
    .from(kpiRollups)
    .where(and(eq(kpiRollups.organizationId, organizationId), eq(kpiRollups.kpiId, kpiId), sql`${kpiRollups.segmentKey} <> ''`))
    .orderBy(asc(kpiRollups.segmentKey));
  return rows.map((row) => row.key);
}
