import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { livePolls } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { buildPollDefinition } from "@/lib/polls/build-poll-definition";
import { appendLiveEvent } from "./append-event";
import { lockLiveSession, refuseEnded } from "./lock-live-session";
import { addLivePollSchema, type AddLivePollInput } from "./schemas";

/** Prepares a poll at the end of the session's list, before or during the session. */
export async function addLivePoll(db: Db, actor: Actor | null, org: OrgRef, rawInput: AddLivePollInput) {
  const { organization, userId } = await requirePermission(db, actor, org, "live.moderate");
  const { sessionId, ...content } = addLivePollSchema.parse(rawInput);
  return db.transaction(async (tx) => {
    refuseEnded(await lockLiveSession(tx, organization.id, sessionId));
    const [{ next }] = await tx.select({ next: sql<number>`coalesce(max(${livePolls.position}), 0)::int + 1` }).from(livePolls).where(eq(livePolls.sessionId, sessionId));
    const [poll] = await tx
      .insert(livePolls)
      .values({ sessionId, organizationId: organization.id, position: next, kind: content.kind, definition: buildPollDefinition(content) })
      .returning({ id: livePolls.id, position: livePolls.position });
    await appendLiveEvent(tx, { sessionId, kind: "polls.changed", payload: {}, actorUserId: userId });
    await recordAudit(tx, { organizationId: organization.id, actorUserId: userId, action: "live_poll.added", targetType: "live_poll", targetId: poll.id, details: { sessionId, kind: content.kind } });
    return { pollId: poll.id, position: poll.position };
  });
}
