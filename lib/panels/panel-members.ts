import "server-only";
import { and, asc, eq, gt, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { programMembers, users } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { requireProgram } from "@/lib/programs/require-program";

export const PANEL_MEMBERS_PAGE_SIZE = 50;
const querySchema = z.object({ after: z.string().max(254).optional().catch(undefined) });

/** One page of a panel's members (active and former) ordered by email, with their profiles. */
export async function listPanelMembers(db: Db, actor: Actor | null, orgId: string, panelId: string, query: { after?: string } = {}) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "panels.manage");
  await requireProgram(db, organization.id, panelId, "panel");
  const { after } = querySchema.parse(query);
  const conditions: SQL[] = [eq(programMembers.programId, panelId)];
  if (after) conditions.push(gt(users.email, after));
  const rows = await db
    .select({ id: programMembers.id, userId: programMembers.userId, name: users.name, email: users.email, status: programMembers.status, profile: programMembers.profile, joinedAt: programMembers.joinedAt })
    .from(programMembers)
    .innerJoin(users, eq(users.id, programMembers.userId))
    .where(and(...conditions))
    .orderBy(asc(users.email))
    .limit(PANEL_MEMBERS_PAGE_SIZE + 1);
  const members = rows.slice(0, PANEL_MEMBERS_PAGE_SIZE);
  return { members, nextCursor: rows.length > PANEL_MEMBERS_PAGE_SIZE ? members[members.length - 1].email : null };
}

/** The active members of a panel with their attribute values, for quotas and samples. */
export async function activePanelProfiles(db: Db, panelId: string) {
  return db.select({ userId: programMembers.userId, profile: programMembers.profile }).from(programMembers).where(and(eq(programMembers.programId, panelId), eq(programMembers.status, "active")));
}
