import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { liveSessions } from "@/db/schema";
import { AppError } from "@/lib/errors";

/**
 * A session of the organization, locked for the rest of the transaction: its status checks and
 * the events appended after them see no concurrent transition. Another organization's is NOT_FOUND.
 */
export async function lockLiveSession(tx: Db, organizationId: string, sessionId: string) {
  const [session] = await tx
    .select({ id: liveSessions.id, programId: liveSessions.programId, status: liveSessions.status, currentPollId: liveSessions.currentPollId, title: liveSessions.title })
    .from(liveSessions)
    .where(and(eq(liveSessions.id, sessionId), eq(liveSessions.organizationId, organizationId)))
    .for("update");
  if (!session) throw new AppError("NOT_FOUND", "notFound");
  return session;
}

/** Refuses a change to an ended session: once ended, it is stored as it was. */
export function refuseEnded(session: { status: string }) {
  if (session.status === "ended") throw new AppError("CONFLICT", "liveSessionEnded");
}

/** Refuses what only a running session allows (pushing polls, posting). */
export function requireRunning(session: { status: string }) {
  refuseEnded(session);
  if (session.status !== "live") throw new AppError("CONFLICT", "liveSessionNotLive");
}
