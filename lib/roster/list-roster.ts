import "server-only";
import { and, asc, eq, gt, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";

export const ROSTER_PAGE_SIZE = 25;

export const listRosterQuerySchema = z.object({
  team: z.string().trim().min(1).max(80).optional().catch(undefined),
  location: z.string().trim().min(1).max(80).optional().catch(undefined),
  status: z.enum(["active", "inactive", "all"]).default("all").catch("all"),
  /** Keyset cursor: the email of the last person on the previous page. */
  after: z.string().max(254).optional().catch(undefined),
});
export type ListRosterQuery = z.input<typeof listRosterQuerySchema>;

/** One page of frontline staff ordered by email, with the total matching the filters. */
export async function listRoster(db: Db, actor: Actor | null, orgId: string, query: ListRosterQuery = {}) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "frontline.manage");
  const { team, location, status, after } = listRosterQuerySchema.parse(query);
  const conditions: SQL[] = [eq(memberships.organizationId, organization.id), eq(memberships.role, "frontline")];
  if (team) conditions.push(sql`${memberships.attributes} ->> 'team' = ${team}`);
  if (location) conditions.push(sql`${memberships.attributes} ->> 'location' = ${location}`);
  if (status === "active") conditions.push(isNull(memberships.deactivatedAt));
  if (status === "inactive") conditions.push(isNotNull(memberships.deactivatedAt));
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ membershipId: memberships.id, name: users.name, email: users.email, attributes: memberships.attributes, deactivatedAt: memberships.deactivatedAt, joinedAt: memberships.createdAt })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(...conditions, ...(after ? [gt(users.email, after)] : [])))
      .orderBy(asc(users.email))
      .limit(ROSTER_PAGE_SIZE + 1),
    db.select({ total: sql<number>`count(*)::int` }).from(memberships).where(and(...conditions)),
  ]);
  const hasMore = rows.length > ROSTER_PAGE_SIZE;
  const staff = rows.slice(0, ROSTER_PAGE_SIZE).map(({ deactivatedAt, ...person }) => ({ ...person, isActive: deactivatedAt === null }));
  return { staff, total, nextCursor: hasMore ? staff[staff.length - 1].email : null };
}

/** The teams and locations on the roster, for the filter menus. */
export async function listRosterFacets(db: Db, actor: Actor | null, orgId: string) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "frontline.manage");
  const rows = await db
    .selectDistinct({ team: sql<string | null>`${memberships.attributes} ->> 'team'`, location: sql<string | null>`${memberships.attributes} ->> 'location'` })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organization.id), eq(memberships.role, "frontline")));
  const sorted = (values: Array<string | null>) => [...new Set(values.filter((value): value is string => Boolean(value)))].sort((a, b) => a.localeCompare(b));
  return { teams: sorted(rows.map((row) => row.team)), locations: sorted(rows.map((row) => row.location)) };
}
