import "server-only";
import type { Db } from "@/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { closeOpenPoll } from "./close-open-poll";
import { lockLiveSession, requireRunning } from "./lock-live-session";
import { sessionRefSchema } from "./schemas";

/** Stops the current poll taking answers; participants go back to waiting for the next. */
export async function closeLivePoll(db: Db, actor: Actor | null, org: OrgRef, input: { sessionId: string }, now = new Date()) {
  const { organization, userId } = await requirePermission(db, actor, org, "live.moderate");
  const { sessionId } = sessionRefSchema.parse(input);
  return db.transaction(async (tx) => {
    const session = await lockLiveSession(tx, organization.id, sessionId);
    requireRunning(session);
    const pollId = await closeOpenPoll(tx, session, userId, now);
    if (!pollId) throw new AppError("CONFLICT", "liveNoOpenPoll");
    await recordAudit(tx, { organizationId: organization.id, actorUserId: userId, action: "live_poll.closed", targetType: "live_poll", targetId: pollId, details: { sessionId } });
    return { pollId };
  });
}
