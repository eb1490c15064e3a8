import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { livePolls } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { appendLiveEvent } from "./append-event";
import { lockLivePoll, requireDraft } from "./lock-live-poll";
import { lockLiveSession, refuseEnded } from "./lock-live-session";
import { pollRefSchema } from "./schemas";

/** Removes a prepared poll that was never pushed (a pushed one is part of the session's record). */
export async function deleteLivePoll(db: Db, actor: Actor | null, org: OrgRef, input: { sessionId: string; pollId: string }) {
  const { organization, userId } = await requirePermission(db, actor, org, "live.moderate");
  const { sessionId, pollId } = pollRefSchema.parse(input);
  return db.transaction(async (tx) => {
    refuseEnded(await lockLiveSession(tx, organization.id, sessionId));
    requireDraft(await lockLivePoll(tx, sessionId, pollId));
    await tx.delete(livePolls).where(eq(livePolls.id, pollId));
    await appendLiveEvent(tx, { sessionId, kind: "polls.changed", payload: {}, actorUserId: userId });
    await recordAudit(tx, { organizationId: organization.id, actorUserId: userId, action: "live_poll.deleted", targetType: "live_poll", targetId: pollId, details: { sessionId } });
    return { pollId };
  });
}
