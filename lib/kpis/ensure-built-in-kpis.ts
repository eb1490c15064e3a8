import "server-only";
import type { Db } from "@/db/client";
import { kpiDefinitions } from "@/db/schema";
import { BUILT_IN_KPIS } from "./built-in-kpis";
import { rebuildKpiRollups } from "./rebuild-kpi-rollups";

/** Gives an organization the built-in KPIs it lacks, counting the answers it already holds. */
export async function ensureBuiltInKpis(tx: Db, organizationId: string) {
  const added = await tx
    .insert(kpiDefinitions)
    .values(BUILT_IN_KPIS.map((kpi) => ({ ...kpi, organizationId })))
    .onConflictDoNothing()
    .returning({ id: kpiDefinitions.id });
  await rebuildKpiRollups(tx, organizationId, added.map((row) => row.id));
}
