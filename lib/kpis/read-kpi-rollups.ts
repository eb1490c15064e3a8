import "server-only";
import { and, asc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { kpiDefinitions, kpiRollups, programs, users } from "@/db/schema";
import { programmeRounds } from "@/lib/programs/programme-rounds";
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
      source: kpiDefinitions.source,
      programId: kpiDefinitions.programId,
      programName: programs.name,
      aggregation: kpiDefinitions.aggregation,
      itemCodes: kpiDefinitions.itemCodes,
      scaleMin: kpiDefinitions.scaleMin,
      scaleMax: kpiDefinitions.scaleMax,
      period: kpiDefinitions.period,
      target: kpiDefinitions.target,
      targetBasis: kpiDefinitions.targetBasis,
      segmentKey: kpiDefinitions.segmentKey,
      segmentValue: kpiDefinitions.segmentValue,
      incentiveWeight: kpiDefinitions.incentiveWeight,
      ownerUserId: kpiDefinitions.ownerUserId,
      ownerName: users.name,
    })
    .from(kpiDefinitions)
    .leftJoin(users, eq(users.id, kpiDefinitions.ownerUserId))
    .leftJoin(programs, eq(programs.id, kpiDefinitions.programId))
    .where(eq(kpiDefinitions.organizationId, organizationId))
    .orderBy(asc(kpiDefinitions.createdAt), asc(kpiDefinitions.key));
  const builtInOrder = (key: string, isBuiltIn: boolean) => (isBuiltIn ? BUILT_IN_KPIS.findIndex((kpi) => kpi.key === key) : BUILT_IN_KPIS.length);
  // Array.prototype.sort is stable: custom KPIs keep their creation order.
  return rows.sort((a, b) => builtInOrder(a.key, a.isBuiltIn) - builtInOrder(b.key, b.isBuiltIn));
}

export type KpiDefinitionRow = Awaited<ReturnType<typeof listKpiDefinitions>>[number];

/** A KPI's sums for one month; a KPI of one segment also carries the whole organization's sums for that month. */
export type KpiMonth = { kpiId: string; month: string } & RollupSums & { organization?: RollupSums };

const sumColumns = (filter: SQL, prefix: string) => sql`
  coalesce(sum(r.n) filter (where ${filter}), 0)::int as ${sql.identifier(`${prefix}n`)},
  coalesce(sum(r.sum) filter (where ${filter}), 0)::float8 as ${sql.identifier(`${prefix}sum`)},
  coalesce(sum(r.sum_squares) filter (where ${filter}), 0)::float8 as ${sql.identifier(`${prefix}sumSquares`)},
  coalesce(sum(r.top_box) filter (where ${filter}), 0)::int as ${sql.identifier(`${prefix}topBox`)},
  coalesce(sum(r.bottom_box) filter (where ${filter}), 0)::int as ${sql.identifier(`${prefix}bottomBox`)}`;

type SumRow = Record<"n" | "sum" | "sumSquares" | "topBox" | "bottomBox" | "org_n" | "org_sum" | "org_sumSquares" | "org_topBox" | "org_bottomBox", number | string>;
const toSums = (row: SumRow, prefix: "" | "org_"): RollupSums => ({
  n: Number(row[`${prefix}n`]),
  sum: Number(row[`${prefix}sum`]),
  sumSquares: Number(row[`${prefix}sumSquares`]),
  topBox: Number(row[`${prefix}topBox`]),
  bottomBox: Number(row[`${prefix}bottomBox`]),
});

/**
 * Sums per KPI and month: one small grouped read of the rollups, never the answers. A KPI of one
 * segment reads that segment's rows and the organization's beside them; response-rate KPIs are
 * summed from their programmes' closed rounds (invited as n, answered as top box): a round still
 * open would read as a rate that has only begun to fill.
 */
export async function monthlyTotals(db: Db, organizationId: string, kpiId?: string): Promise<KpiMonth[]> {
  const own = sql`(k.segment_key is null and r.segment_key = '') or (r.segment_key = k.segment_key and r.segment_value = k.segment_value)`;
  const [answered, rates] = await Promise.all([
    db.execute(sql`
      select r.kpi_id as "kpiId", to_char(r.month, 'YYYY-MM-DD') as month, k.segment_key is not null as "isSegment",
        ${sumColumns(own, "")}, ${sumColumns(sql`r.segment_key = ''`, "org_")}
      from kpi_rollups r join kpi_definitions k on k.id = r.kpi_id
      -- Naming the KPIs lets the primary key (kpi_id first) serve the read, not the organization index.
      where r.organization_id = ${organizationId}::uuid and r.kpi_id in (select d.id from kpi_definitions d where d.organization_id = ${organizationId}::uuid ${kpiId ? sql`and d.id = ${kpiId}::uuid` : sql``})
        and (r.segment_key = '' or (r.segment_key = k.segment_key and r.segment_value = k.segment_value))
      group by r.kpi_id, r.month, k.segment_key`),
    responseRateMonths(db, organizationId, kpiId),
  ]);
  const months = rowsOf<SumRow & { kpiId: string; month: string; isSegment: boolean }>(answered).map(
    (row): KpiMonth => ({ kpiId: row.kpiId, month: row.month, ...toSums(row, ""), ...(row.isSegment ? { organization: toSums(row, "org_") } : {}) }),
  );
  return [...months, ...rates];
}

async function responseRateMonths(db: Db, organizationId: string, kpiId?: string): Promise<Array<{ kpiId: string; month: string } & RollupSums>> {
  const kpis = sql`select k.id, k.program_id from kpi_definitions k where k.organization_id = ${organizationId}::uuid and k.source = 'response_rate' ${kpiId ? sql`and k.id = ${kpiId}::uuid` : sql``}`;
  // An organization without response-rate KPIs skips the rounds entirely (a one-time filter).
  const rows = rowsOf<{ kpiId: string; month: string; invited: number; answered: number }>(
    await db.execute(sql`
      with kpis as (${kpis}), rounds as (${programmeRounds(organizationId)})
      select k.id as "kpiId", to_char(date_trunc('month', r.opened_at at time zone 'UTC'), 'YYYY-MM-DD') as month,
        sum(r.invited)::int as invited, sum(least(r.responded, r.invited))::int as answered
      from kpis k join rounds r on k.program_id is null or k.program_id = r.program_id
      where exists (select 1 from kpis) and not r.is_open
      group by k.id, 2`),
  );
  return rows.map((row) => ({ kpiId: row.kpiId, month: row.month, n: Number(row.invited), sum: 0, sumSquares: 0, topBox: Number(row.answered), bottomBox: 0 }));
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

/**
 * The attributes a KPI can be split by: those its respondents carried. A skip scan down the primary
 * key (kpi_id, segment_key, …) jumps from one key to the next instead of reading every rollup row.
 */
export async function segmentKeys(db: Db, organizationId: string, kpiId: string): Promise<string[]> {
  const next = (after: SQL) => sql`(select r.segment_key from kpi_rollups r where r.kpi_id = ${kpiId}::uuid and r.organization_id = ${organizationId}::uuid and r.segment_key > ${after} order by r.segment_key limit 1)`;
  const rows = rowsOf<{ key: string | null }>(
    await db.execute(sql`
      with recursive keys(key) as (
        select ${next(sql`''`)}
        union all
        select ${next(sql`keys.key`)} from keys where keys.key is not null
      )
      select key from keys where key is not null`),
  );
  return rows.map((row) => row.key!);
}

/** Every attribute value the organization's respondents have carried, which a KPI of one segment can follow. */
export async function listSegmentValues(db: Db, organizationId: string): Promise<Array<{ key: string; value: string }>> {
  return db
    .selectDistinct({ key: kpiRollups.segmentKey, value: kpiRollups.segmentValue })
    .from(kpiRollups)
    .where(and(eq(kpiRollups.organizationId, organizationId), sql`${kpiRollups.segmentKey} <> ''`))
    .orderBy(asc(kpiRollups.segmentKey), asc(kpiRollups.segmentValue));
}
