import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { livePosts } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { appendLiveEvent } from "./append-event";
import { lockLivePost } from "./lock-live-post";
import { lockLiveSession, refuseEnded } from "./lock-live-session";
import { postRefSchema } from "./schemas";

/** Takes a post out of participants' and observers' view; moderators still see it, marked. Hiding twice changes nothing. */
export async function hideLivePost(db: Db, actor: Actor | null, org: OrgRef, input: { sessionId: string; postId: string }) {
  const { organization, userId } = await requirePermission(db, actor, org, "live.moderate");
  const { sessionId, postId } = postRefSchema.parse(input);
  return db.transaction(async (tx) => {
    refuseEnded(await lockLiveSession(tx, organization.id, sessionId));
    const post = await lockLivePost(tx, sessionId, postId);
    if (post.status === "hidden") return { changed: false };
    await tx.update(livePosts).set({ status: "hidden" }).where(eq(livePosts.id, postId));
    await appendLiveEvent(tx, { sessionId, kind: "post.hidden", payload: { postId }, actorUserId: userId });
    await recordAudit(tx, { organizationId: organization.id, actorUserId: userId, action: "live_post.hidden", targetType: "live_post", targetId: postId, details: { sessionId } });
    return { changed: true };
  });
}
