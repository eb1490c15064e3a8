import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { livePolls } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { buildPollDefinition } from "@/lib/polls/build-poll-definition";
import { appendLiveEvent } from "./append-event";
import { lockLivePoll, requireDraft } from "./lock-live-poll";
import { lockLiveSession, refuseEnded } from "./lock-live-session";
import { editLivePollSchema, type EditLivePollInput } from "./schemas";

/** Rewrites a prepared (draft) poll; its place in the list stays. */
export async function editLivePoll(db: Db, actor: Actor | null, org: OrgRef, rawInput: EditLivePollInput) {
  const { organization, userId } = await requirePermission(db, actor, org, "live.moderate");
  const { sessionId, pollId, ...content } = editLivePollSchema.parse(rawInput);
  return db.transaction(async (tx) => {
    refuseEnded(await lockLiveSession(tx, organization.id, sessionId));
    requireDraft(await lockLivePoll(tx, sessionId, pollId));
    await tx.update(livePolls).set({ kind: content.kind, definition: buildPollDefinition(content) }).where(eq(livePolls.id, pollId));
    await appendLiveEvent(tx, { sessionId, kind: "polls.changed", payload: {}, actorUserId: userId });
    await recordAudit(tx, { organizationId: organization.id, actorUserId: userId, action: "live_poll.edited", targetType: "live_poll", targetId: pollId, details: { sessionId, kind: content.kind } });
    return { pollId };
  });
}
