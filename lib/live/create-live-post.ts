import "server-only";
import { and, count, eq, gt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { livePosts, users } from "@/db/schema";
import type { Actor, OrgRef, SessionActor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { appendLiveEvent } from "./append-event";
import { requireLiveAccess } from "./live-access";
import { lockLiveSession, requireRunning } from "./lock-live-session";
import { FLOOD_MAX_POSTS, FLOOD_WINDOW_MS, livePostSchema } from "./schemas";

/**
 * A participant's post to the session's thread, while it is live. The event names the author for
 * moderators (the stream strips it for everyone else). A person may post at most FLOOD_MAX_POSTS
 * times in FLOOD_WINDOW_MS, counted in the database under the session lock, so it holds across instances.
 */
export async function createLivePost(db: Db, actor: Actor | SessionActor | null, org: OrgRef, input: { sessionId: string; body: string }, now = new Date()) {
  // Access first: an address naming no session is not found, whatever the post says.
  const { context, audience } = await requireLiveAccess(db, actor, org, input.sessionId);
  const parsed = livePostSchema.parse(input);
  if (audience !== "participant") throw new AppError("FORBIDDEN", "liveOnlyParticipantsPost");
  const { userId } = context;
  return db.transaction(async (tx) => {
    requireRunning(await lockLiveSession(tx, context.organization.id, parsed.sessionId));
    const [recent] = await tx
      .select({ n: count() })
      .from(livePosts)
      .where(and(eq(livePosts.sessionId, parsed.sessionId), eq(livePosts.userId, userId), gt(livePosts.createdAt, new Date(now.getTime() - FLOOD_WINDOW_MS))));
    if (recent.n >= FLOOD_MAX_POSTS) throw new AppError("RATE_LIMITED", "livePostTooFast");
    const [post] = await tx.insert(livePosts).values({ sessionId: parsed.sessionId, userId, body: parsed.body, createdAt: now }).returning({ id: livePosts.id, createdAt: livePosts.createdAt });
    const [author] = await tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, userId));
    const name = author?.name || author?.email || "";
    await appendLiveEvent(tx, { sessionId: parsed.sessionId, kind: "post.created", payload: { postId: post.id, body: parsed.body, createdAt: post.createdAt.toISOString(), author: { userId, name } }, actorUserId: userId });
    return { postId: post.id, createdAt: post.createdAt };
  });
}
