import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { addToRollupsStatement, storedAnswers } from "./kpi-rollup-statement";

/**
 * Recomputes the rollups of some KPIs of one organization from the stored answers, for a KPI
 * that is new or whose items changed, or (with `months`) only those months, after answers were
 * deleted. Submissions wait on the table lock meanwhile, so none is counted twice or missed: each
 * adds its share either before the recount reads or after it.
 * Run it inside a transaction: the lock lasts until commit.
 */
export async function rebuildKpiRollups(tx: Db, organizationId: string, kpiIds: readonly string[], { months }: { months?: readonly string[] } = {}) {
  if (kpiIds.length === 0 || months?.length === 0) return;
  const ids = sql.join(kpiIds.map((id) => sql`${id}::uuid`), sql`, `);
  const monthList = months && sql`${`{${months.join(",")}}`}::date[]`;
  await tx.execute(sql`lock table kpi_rollups in share row exclusive mode`);
  await tx.execute(sql`delete from kpi_rollups where kpi_id in (${ids}) and ${monthList ? sql`month = any(${monthList})` : sql`true`}`);
  const inMonths = monthList ? sql`date_trunc('month', ra.submitted_at at time zone 'UTC')::date = any(${monthList})` : sql`true`;
  await tx.execute(addToRollupsStatement(storedAnswers(sql`ra.organization_id = ${organizationId}::uuid and ${inMonths}`), { shard: 0, kpiFilter: sql`d.id in (${ids})` }));
}
