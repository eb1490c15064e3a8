import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { ROLES, type Role } from "@/lib/authz/roles";

/** How many people the organization listens to and works with, per role (counts only). */
export async function countMembersByRole(db: Db, actor: Actor | null, orgId: string): Promise<Record<Role, number>> {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "dashboard.view");
  const rows = await db
    .select({ role: memberships.role, count: sql<number>`count(*)::int` })
    .from(memberships)
    .where(eq(memberships.organizationId, organization.id))
    .groupBy(memberships.role);
  const counts = Object.fromEntries(ROLES.map((role) => [role, 0])) as Record<Role, number>;
  for (const row of rows) counts[row.role] = Number(row.count);
  return counts;
}
