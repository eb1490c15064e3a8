import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { liveSessions } from "@/db/schema";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { listLivePolls } from "./list-live-polls";

/** What the moderator's console renders before its stream connects: when the session is planned and every poll. */
export async function getLiveConsole(db: Db, actor: Actor | null, org: OrgRef, { sessionId }: { sessionId: string }) {
  const { organization } = await requirePermission(db, actor, org, "live.moderate");
  const [session] = await db
    .select({ scheduledAt: liveSessions.scheduledAt })
    .from(liveSessions)
    .where(and(eq(liveSessions.id, sessionId), eq(liveSessions.organizationId, organization.id)));
  if (!session) throw new AppError("NOT_FOUND", "notFound");
  return { scheduledAt: session.scheduledAt, polls: await listLivePolls(db, actor, { id: organization.id }, { sessionId }) };
}
