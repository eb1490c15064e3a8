import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { fieldReports } from "@/db/schema";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";

const MY_REPORTS_LIMIT = 50;

/** The signed-in staff member's own reports, newest first. */
export async function listMyFieldReports(db: Db, actor: Actor | null, org: OrgRef) {
  const { organization, userId } = await requirePermission(db, actor, org, "frontline.submit");
  return db
    .select({ id: fieldReports.id, kind: fieldReports.kind, urgency: fieldReports.urgency, body: fieldReports.body, createdAt: fieldReports.createdAt })
    .from(fieldReports)
    .where(and(eq(fieldReports.organizationId, organization.id), eq(fieldReports.authorUserId, userId)))
    .orderBy(desc(fieldReports.createdAt), desc(fieldReports.id))
    .limit(MY_REPORTS_LIMIT);
}
