import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { livePolls, liveSessions } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { appendLiveEvent } from "./append-event";
import { closeOpenPoll } from "./close-open-poll";
import { lockLivePoll } from "./lock-live-poll";
import { lockLiveSession, requireRunning } from "./lock-live-session";
import { pollRefSchema } from "./schemas";

/**
 * Puts a prepared poll in front of every participant. One poll is open at a time: the current one
 * closes first, so the timeline reads poll.closed then poll.opened. A poll is pushed once.
 */
export async function pushLivePoll(db: Db, actor: Actor | null, org: OrgRef, input: { sessionId: string; pollId: string }, now = new Date()) {
  const { organization, userId } = await requirePermission(db, actor, org, "live.moderate");
  const { sessionId, pollId } = pollRefSchema.parse(input);
  return db.transaction(async (tx) => {
    const session = await lockLiveSession(tx, organization.id, sessionId);
    requireRunning(session);
    const poll = await lockLivePoll(tx, sessionId, pollId);
    if (poll.status !== "draft") throw new AppError("CONFLICT", "livePollAlreadyPushed");
    await closeOpenPoll(tx, session, userId, now);
    await tx.update(livePolls).set({ status: "open", openedAt: now }).where(eq(livePolls.id, pollId));
    await tx.update(liveSessions).set({ currentPollId: pollId }).where(eq(liveSessions.id, sessionId));
    await appendLiveEvent(tx, { sessionId, kind: "poll.opened", payload: { pollId, position: poll.position, kind: poll.kind, definition: poll.definition }, actorUserId: userId });
    await recordAudit(tx, { organizationId: organization.id, actorUserId: userId, action: "live_poll.pushed", targetType: "live_poll", targetId: pollId, details: { sessionId } });
    return { pollId };
  });
}
