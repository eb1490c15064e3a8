import "server-only";
import { and, asc, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { instruments } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";

/** Published instruments a new council can use as its session survey; other programs' surveys are not offered. */
export async function listSurveyChoices(db: Db, actor: Actor | null, orgId: string) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "councils.manage");
  return db
    .select({ id: instruments.id, name: instruments.name })
    .from(instruments)
    .where(and(eq(instruments.organizationId, organization.id), gt(instruments.latestVersion, 0), isNull(instruments.programId)))
    .orderBy(asc(instruments.name));
}
