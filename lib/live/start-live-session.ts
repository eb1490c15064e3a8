import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { liveSessions } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { appendLiveEvent } from "./append-event";
import { lockLiveSession, refuseEnded } from "./lock-live-session";
import { sessionRefSchema } from "./schemas";

/** Opens a scheduled session: participants waiting on its page see it start. */
export async function startLiveSession(db: Db, actor: Actor | null, org: OrgRef, input: { sessionId: string }, now = new Date()) {
  const { organization, userId } = await requirePermission(db, actor, org, "live.moderate");
  const { sessionId } = sessionRefSchema.parse(input);
  return db.transaction(async (tx) => {
    const session = await lockLiveSession(tx, organization.id, sessionId);
    refuseEnded(session);
    if (session.status === "live") throw new AppError("CONFLICT", "liveSessionAlreadyLive");
    await tx.update(liveSessions).set({ status: "live", startedAt: now }).where(eq(liveSessions.id, sessionId));
    await appendLiveEvent(tx, { sessionId, kind: "session.started", payload: { startedAt: now.toISOString() }, actorUserId: userId });
    await recordAudit(tx, { organizationId: organization.id, actorUserId: userId, action: "live_session.started", targetType: "live_session", targetId: sessionId });
    return { sessionId, startedAt: now };
  });
}
