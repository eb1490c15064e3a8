import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { programs } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { listSegmentValues } from "./read-kpi-rollups";

/** The active programmes a response-rate KPI can follow. */
export async function listKpiProgrammeChoices(db: Db, actor: Actor | null, orgId: string) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "kpis.manage");
  return db
    .select({ id: programs.id, name: programs.name, kind: programs.kind })
    .from(programs)
    .where(and(eq(programs.organizationId, organization.id), eq(programs.status, "active")))
    .orderBy(asc(programs.kind), asc(programs.name));
}

/** The attribute values a KPI of one segment can follow. */
export async function listKpiSegmentChoices(db: Db, actor: Actor | null, orgId: string) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "kpis.manage");
  return listSegmentValues(db, organization.id);
}
