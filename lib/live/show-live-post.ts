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

/** Shows a hidden post again; the event carries the post, since other clients had dropped it. */
export async function showLivePost(db: Db, actor: Actor | null, org: OrgRef, input: { sessionId: string; postId: string }) {
  const { organization, userId } = await requirePermission(db, actor, org, "live.moderate");
  const { sessionId, postId } = postRefSchema.parse(input);
  return db.transaction(async (tx) => {
    refuseEnded(await lockLiveSession(tx, organization.id, sessionId));
    const post = await lockLivePost(tx, sessionId, postId);
    if (post.status === "visible") return { changed: false };
    await tx.update(livePosts).set({ status: "visible" }).where(eq(livePosts.id, postId));
    await appendLiveEvent(tx, { sessionId, kind: "post.shown", payload: { postId, body: post.body, createdAt: post.createdAt.toISOString(), highlighted: post.highlighted }, actorUserId: userId });
    await recordAudit(tx, { organizationId: organization.id, actorUserId: userId, action: "live_post.shown", targetType: "live_post", targetId: postId, details: { sessionId } });
    return { changed: true };
  });
}
