import "server-only";
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { programMembers, programs } from "@/db/schema";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";

export interface ProgramListQuery {
  kind?: "council" | "frontline" | "panel";
  status?: "active" | "archived";
  /** The (createdAt, id) of the last program of the previous page. */
  after?: { createdAt: Date; id: string } | null;
  limit: number;
}

/**
 * One page of the organization's programs of every kind, newest first, by keyset on (created_at, id):
 * a program created while a client pages shows up on its first page, never twice.
 */
export async function listPrograms(db: Db, actor: Actor | null, org: OrgRef, query: ProgramListQuery) {
  const { organization } = await requirePermission(db, actor, org, "programs.view");
  const conditions: SQL[] = [eq(programs.organizationId, organization.id)];
  if (query.kind) conditions.push(eq(programs.kind, query.kind));
  if (query.status) conditions.push(eq(programs.status, query.status));
  // Keyed at millisecond precision, as a Date carries it: created_at's microseconds would split ties.
  const createdAt = sql`date_trunc('milliseconds', ${programs.createdAt})`;
  if (query.after) conditions.push(sql`(${createdAt}, ${programs.id}) < (${query.after.createdAt.toISOString()}::timestamptz, ${query.after.id}::uuid)`);
  const rows = await db
    .select({
      id: programs.id,
      kind: programs.kind,
      name: programs.name,
      purpose: programs.purpose,
      status: programs.status,
      defaultLocale: programs.defaultLocale,
      targetSize: programs.targetSize,
      createdAt: programs.createdAt,
      // Frontline programs have a staff roster, not members.
      activeMembers: sql<number | null>`case when ${programs.kind} = 'frontline' then null else (select count(*)::int from ${programMembers} where ${programMembers.programId} = ${programs.id} and ${programMembers.status} = 'active') end`,
    })
    .from(programs)
    .where(and(...conditions))
    .orderBy(desc(createdAt), desc(programs.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return { programs: page, next: rows.length > query.limit ? { createdAt: last.createdAt, id: last.id } : null };
}
