import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { memberships, users } from "@/db/schema";
import type { Role } from "@/lib/authz/roles";

export interface ErasureTarget {
  membershipId: string;
  userId: string;
  role: Role;
  email: string | null;
  name: string | null;
}

/** A member of this organization by membership id or email (locked for the erasure); null when there is none here. */
export async function findErasureTarget(tx: Db, organizationId: string, by: { membershipId?: string; email?: string }): Promise<ErasureTarget | null> {
  const match = by.membershipId ? eq(memberships.id, by.membershipId) : sql`lower(${users.email}) = ${(by.email ?? "").toLowerCase()}`;
  const [row] = await tx
    .select({ membershipId: memberships.id, userId: memberships.userId, role: memberships.role, email: users.email, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), match))
    .limit(1)
    .for("update", { of: memberships });
  return row ?? null;
}

export interface ErasureScope {
  responses: number;
  inProgress: number;
  posts: number;
  liveAnswers: number;
  reports: number;
  quotes: number;
  /** Whether the account survives for another organization. */
  hasOtherOrganizations: boolean;
}

/** What an erasure would take in this organization: shown before anyone confirms. */
export async function describeErasureScope(db: Db, organizationId: string, userId: string): Promise<ErasureScope> {
  const [row] = rowsOf<Record<keyof ErasureScope, number | boolean>>(
    await db.execute(sql`
      with own as (select id, status from responses where organization_id = ${organizationId}::uuid and respondent_user_id = ${userId})
      select
        (select count(*)::int from own where status = 'completed') as responses,
        (select count(*)::int from own where status <> 'completed') as "inProgress",
        (select count(*)::int from live_posts p join live_sessions s on s.id = p.session_id where s.organization_id = ${organizationId}::uuid and p.user_id = ${userId}) as posts,
        (select count(*)::int from live_answers a join live_sessions s on s.id = a.session_id where s.organization_id = ${organizationId}::uuid and a.user_id = ${userId}) as "liveAnswers",
        (select count(*)::int from field_reports where organization_id = ${organizationId}::uuid and author_user_id = ${userId}) as reports,
        (select count(*)::int from cycle_memos m, jsonb_array_elements(m.quotes) q where m.organization_id = ${organizationId}::uuid and (q.value->>'responseId') in (select id::text from own)) as quotes,
        exists (select 1 from memberships where user_id = ${userId} and organization_id <> ${organizationId}::uuid) as "hasOtherOrganizations"`),
  );
  return {
    responses: Number(row.responses),
    inProgress: Number(row.inProgress),
    posts: Number(row.posts),
    liveAnswers: Number(row.liveAnswers),
    reports: Number(row.reports),
    quotes: Number(row.quotes),
    hasOtherOrganizations: Boolean(row.hasOtherOrganizations),
  };
}
