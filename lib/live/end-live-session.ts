import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { liveSessions } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { enqueueJob } from "@/lib/jobs/queue";
import { emitWebhookEvent } from "@/lib/webhooks/emit-webhook-event";
import { appendLiveEvent } from "./append-event";
import { closeOpenPoll } from "./close-open-poll";
import { LIVE_JOB } from "./jobs";
import { lockLiveSession, requireRunning } from "./lock-live-session";
import { sessionRefSchema } from "./schemas";

/**
 * Ends a running session: the open poll closes, everyone sees the end, and a job stores the
 * session's answers as ordinary responses (once per session, by its dedupe key).
 */
export async function endLiveSession(db: Db, actor: Actor | null, org: OrgRef, input: { sessionId: string }, now = new Date()) {
  const { organization, userId } = await requirePermission(db, actor, org, "live.moderate");
  const { sessionId } = sessionRefSchema.parse(input);
  return db.transaction(async (tx) => {
    const session = await lockLiveSession(tx, organization.id, sessionId);
    requireRunning(session);
    await closeOpenPoll(tx, session, userId, now);
    await tx.update(liveSessions).set({ status: "ended", endedAt: now }).where(eq(liveSessions.id, sessionId));
    await appendLiveEvent(tx, { sessionId, kind: "session.ended", payload: { endedAt: now.toISOString() }, actorUserId: userId });
    await enqueueJob(tx, { kind: LIVE_JOB.store, runAt: now, payload: { sessionId }, dedupeKey: `${LIVE_JOB.store}:${sessionId}`, organizationId: organization.id });
    await emitWebhookEvent(tx, organization.id, "session.ended", { sessionId, programId: session.programId, endedAt: now.toISOString() });
    await recordAudit(tx, { organizationId: organization.id, actorUserId: userId, action: "live_session.ended", targetType: "live_session", targetId: sessionId });
    return { sessionId, endedAt: now };
  });
}
