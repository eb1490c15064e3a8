import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { livePosts } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { appendLiveEvent } from "./append-event";
import { lockLivePost } from "./lock-live-post";
import { lockLiveSession, refuseEnded } from "./lock-live-session";
import { highlightLivePostSchema } from "./schemas";

/** Highlights a post for everyone (or takes the highlight off). Setting what is already set changes nothing. */
export async function highlightLivePost(db: Db, actor: Actor | null, org: OrgRef, input: { sessionId: string; postId: string; highlighted: boolean | string }) {
  const { organization, userId } = await requirePermission(db, actor, org, "live.moderate");
  const { sessionId, postId, highlighted } = highlightLivePostSchema.parse(input);
  return db.transaction(async (tx) => {
    refuseEnded(await lockLiveSession(tx, organization.id, sessionId));
    const post = await lockLivePost(tx, sessionId, postId);
    if (post.highlighted === highlighted) return { changed: false };
    await tx.update(livePosts).set({ highlighted }).where(eq(livePosts.id, postId));
    await appendLiveEvent(tx, { sessionId, kind: "post.highlighted", payload: { postId, highlighted }, actorUserId: userId });
    await recordAudit(tx, { organizationId: organization.id, actorUserId: userId, action: "live_post.highlighted", targetType: "live_post", targetId: postId, details: { sessionId, highlighted } });
    return { changed: true };
  });
}
