import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { livePolls, liveSessions } from "@/db/schema";
import { appendLiveEvent } from "./append-event";

/**
 * Closes the session's current poll, if any, inside the caller's transaction (the session row is
 * already locked): the poll stops taking answers and everyone is told. Returns the closed poll's id.
 */
export async function closeOpenPoll(tx: Db, session: { id: string; currentPollId: string | null }, userId: string, now: Date): Promise<string | null> {
  if (!session.currentPollId) return null;
  await tx.update(livePolls).set({ status: "closed", closedAt: now }).where(eq(livePolls.id, session.currentPollId));
  await tx.update(liveSessions).set({ currentPollId: null }).where(eq(liveSessions.id, session.id));
  await appendLiveEvent(tx, { sessionId: session.id, kind: "poll.closed", payload: { pollId: session.currentPollId }, actorUserId: userId });
  return session.currentPollId;
}
