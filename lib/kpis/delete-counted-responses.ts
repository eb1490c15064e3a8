import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { uuidList } from "@/db/sql-lists";
import { rebuildKpiRollups } from "./rebuild-kpi-rollups";

/**
 * Deletes responses and takes exactly their share out of the KPI rollups: the months and KPIs their
 * answers fed are recounted from the answers that remain, with the rollup statement itself, so no
 * scoring rule is repeated here. The rollups stay locked from before the delete until commit.
 */
export async function deleteCountedResponses(tx: Db, organizationId: string, responseIds: readonly string[]): Promise<number> {
  if (responseIds.length === 0) return 0;
  const ids = uuidList(responseIds);
  await tx.execute(sql`lock table kpi_rollups in share row exclusive mode`);
  const fed = rowsOf<{ kpiId: string; month: string }>(
    await tx.execute(sql`
      select distinct d.id as "kpiId", to_char(date_trunc('month', ra.submitted_at at time zone 'UTC'), 'YYYY-MM-DD') as month
      from response_answers ra
      join responses r on r.id = ra.response_id and r.status = 'completed'
      join kpi_definitions d on d.organization_id = ra.organization_id and ra.item_code = any(d.item_codes)
      where ra.response_id = any(${ids}) and ra.organization_id = ${organizationId}::uuid and ra.scaled_value is not null`),
  );
  const deleted = rowsOf<{ id: string }>(await tx.execute(sql`delete from responses where id = any(${ids}) and organization_id = ${organizationId}::uuid returning id`));
  await rebuildKpiRollups(tx, organizationId, [...new Set(fed.map((row) => row.kpiId))], { months: [...new Set(fed.map((row) => row.month))] });
  return deleted.length;
}
