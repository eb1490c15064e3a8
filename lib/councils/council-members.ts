import "server-only";
import { and, asc, eq, gt, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { programMembers, users } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { requireCouncil } from "./require-council";

export const COUNCIL_MEMBERS_PAGE_SIZE = 50;

/** Keyset cursor: the email of the last member on the previous page. */
export const councilMembersQuerySchema = z.object({ after: z.string().max(254).optional().catch(undefined) });

/** One page of a council's members (active and former) ordered by email, with their profiles. */
export async function listCouncilMembers(db: Db, actor: Actor | null, orgId: string, councilId: string, query: { after?: string } = {}) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "councils.manage");
  await requireCouncil(db, organization.id, councilId);
  const { after } = councilMembersQuerySchema.parse(query);
  const conditions: SQL[] = [eq(programMembers.programId, councilId)];
  if (after) conditions.push(gt(users.email, after));
  const rows = await db
    .select({ id: programMembers.id, userId: programMembers.userId, name: users.name, email: users.email, status: programMembers.status, profile: programMembers.profile, joinedAt: programMembers.joinedAt, leftAt: programMembers.leftAt })
    .from(programMembers)
    .innerJoin(users, eq(users.id, programMembers.userId))
    .where(and(...conditions))
    .orderBy(asc(users.email))
    .limit(COUNCIL_MEMBERS_PAGE_SIZE + 1);
  const members = rows.slice(0, COUNCIL_MEMBERS_PAGE_SIZE);
  return { members, nextCursor: rows.length > COUNCIL_MEMBERS_PAGE_SIZE ? members[members.length - 1].email : null };
}
