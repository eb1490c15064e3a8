import "server-only";
import { and, asc, eq, lte, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { liveSessions, programs } from "@/db/schema";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";

/** How far ahead a scheduled session counts as "soon" on a leader's dashboard. */
export const WATCH_SOON_MS = 24 * 60 * 60 * 1000;

/** Sessions an observer may watch now or within a day: live ones first. */
export async function listWatchableLiveSessions(db: Db, actor: Actor | null, org: OrgRef, now = new Date()) {
  const { organization } = await requirePermission(db, actor, org, "live.observe");
  return db
    .select({ id: liveSessions.id, title: liveSessions.title, status: liveSessions.status, scheduledAt: liveSessions.scheduledAt, panelName: programs.name })
    .from(liveSessions)
    .innerJoin(programs, eq(programs.id, liveSessions.programId))
    .where(
      and(
        eq(liveSessions.organizationId, organization.id),
        or(eq(liveSessions.status, "live"), and(eq(liveSessions.status, "scheduled"), lte(liveSessions.scheduledAt, new Date(now.getTime() + WATCH_SOON_MS)))),
      ),
    )
    .orderBy(sql`${liveSessions.status} = 'live' desc`, asc(liveSessions.scheduledAt))
    .limit(10);
}
