import "server-only";
import { and, asc, desc, eq, gt, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { livePolls } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { appendLiveEvent } from "./append-event";
import { lockLivePoll } from "./lock-live-poll";
import { lockLiveSession, refuseEnded } from "./lock-live-session";
import { moveLivePollSchema } from "./schemas";

/**
 * Moves a poll one place up or down by swapping positions with its neighbour. At either end it
 * stays where it is and nothing is recorded. Returns whether it moved.
 */
export async function moveLivePoll(db: Db, actor: Actor | null, org: OrgRef, input: { sessionId: string; pollId: string; direction: "up" | "down" | string }) {
  const { organization, userId } = await requirePermission(db, actor, org, "live.moderate");
  const { sessionId, pollId, direction } = moveLivePollSchema.parse(input);
  return db.transaction(async (tx) => {
    refuseEnded(await lockLiveSession(tx, organization.id, sessionId));
    const poll = await lockLivePoll(tx, sessionId, pollId);
    const [neighbour] = await tx
      .select({ id: livePolls.id, position: livePolls.position })
      .from(livePolls)
      .where(and(eq(livePolls.sessionId, sessionId), direction === "up" ? lt(livePolls.position, poll.position) : gt(livePolls.position, poll.position)))
      .orderBy(direction === "up" ? desc(livePolls.position) : asc(livePolls.position))
      .limit(1);
    if (!neighbour) return { moved: false };
    await tx.update(livePolls).set({ position: neighbour.position }).where(eq(livePolls.id, poll.id));
    await tx.update(livePolls).set({ position: poll.position }).where(eq(livePolls.id, neighbour.id));
    await appendLiveEvent(tx, { sessionId, kind: "polls.changed", payload: {}, actorUserId: userId });
    await recordAudit(tx, { organizationId: organization.id, actorUserId: userId, action: "live_poll.reordered", targetType: "live_poll", targetId: pollId, details: { sessionId, direction } });
    return { moved: true };
  });
}
