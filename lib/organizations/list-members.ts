import "server-only";
import { and, asc, desc, eq, gt, ilike, isNull, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { invitations, memberships, users } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { ROLES } from "@/lib/authz/roles";

export const MEMBERS_PAGE_SIZE = 25;

export const listMembersQuerySchema = z.object({
  role: z.enum(ROLES).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  /** Keyset cursor: the email of the last member on the previous page. */
  after: z.string().max(254).optional().catch(undefined),
});
export type ListMembersQuery = z.infer<typeof listMembersQuerySchema>;

function escapeLike(text: string) {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** One page of members ordered by email, filtered by role and by a name/email search. */
export async function listMembers(db: Db, actor: Actor | null, orgId: string, query: ListMembersQuery = {}) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "members.view");
  const { role, q, after } = listMembersQuerySchema.parse(query);
  const conditions: SQL[] = [eq(memberships.organizationId, organization.id)];
  if (role) conditions.push(eq(memberships.role, role));
  if (q) conditions.push(or(ilike(users.email, `%${escapeLike(q)}%`), ilike(users.name, `%${escapeLike(q)}%`))!);
  if (after) conditions.push(gt(users.email, after));
  const rows = await db
    .select({ membershipId: memberships.id, userId: users.id, name: users.name, email: users.email, role: memberships.role, joinedAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(...conditions))
    .orderBy(asc(users.email))
    .limit(MEMBERS_PAGE_SIZE + 1);
  const hasMore = rows.length > MEMBERS_PAGE_SIZE;
  const members = rows.slice(0, MEMBERS_PAGE_SIZE);
  return { members, nextCursor: hasMore ? members[members.length - 1].email : null };
}

export async function listOpenInvitations(db: Db, actor: Actor | null, orgId: string) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "members.view");
  return db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt, createdAt: invitations.createdAt })
    .from(invitations)
    .where(and(eq(invitations.organizationId, organization.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .orderBy(desc(invitations.createdAt));
}
