import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { liveSessions, panelSamples } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";

/** A panel's live sessions, latest scheduled first, with how many polls each has prepared. */
export async function listPanelLiveSessions(db: Db, actor: Actor | null, orgId: string, { panelId }: { panelId: string }) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "live.moderate");
  return db
    .select({
      id: liveSessions.id,
      title: liveSessions.title,
      status: liveSessions.status,
      scheduledAt: liveSessions.scheduledAt,
      endedAt: liveSessions.endedAt,
      sampleName: panelSamples.name,
      pollCount: sql<number>`(select count(*)::int from live_polls p where p.session_id = ${liveSessions.id})`,
    })
    .from(liveSessions)
    .leftJoin(panelSamples, eq(panelSamples.id, liveSessions.sampleId))
    .where(and(eq(liveSessions.organizationId, organization.id), eq(liveSessions.programId, panelId)))
    .orderBy(desc(liveSessions.scheduledAt));
}
