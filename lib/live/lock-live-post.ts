import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { livePosts } from "@/db/schema";
import { AppError } from "@/lib/errors";

/** A post of the (already locked) session; a post of another session is NOT_FOUND. */
export async function lockLivePost(tx: Db, sessionId: string, postId: string) {
  const [post] = await tx
    .select({ id: livePosts.id, body: livePosts.body, status: livePosts.status, highlighted: livePosts.highlighted, createdAt: livePosts.createdAt })
    .from(livePosts)
    .where(and(eq(livePosts.id, postId), eq(livePosts.sessionId, sessionId)))
    .for("update");
  if (!post) throw new AppError("NOT_FOUND", "notFound");
  return post;
}
