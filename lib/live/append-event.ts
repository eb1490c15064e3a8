import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { liveEvents, liveSessions } from "@/db/schema";
import { LIVE_CHANNEL, type LiveEventKind, type LiveEventPayloads } from "./events";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Appends an event to a session's timeline inside the caller's transaction. The sequence number
 * is taken by updating the session row, whose lock makes concurrent appends wait, so numbers are
 * gapless and commit in order: a client that saw seq N has seen everything before it. The
 * notification carries only ids and is delivered by PostgreSQL at commit, never for a rollback.
 */
export async function appendLiveEvent<K extends LiveEventKind>(
  tx: Tx | Db,
  event: { sessionId: string; kind: K; payload: LiveEventPayloads[K]; actorUserId?: string | null },
): Promise<number> {
  const [{ seq }] = await tx
    .update(liveSessions)
    .set({ lastEventSeq: sql`${liveSessions.lastEventSeq} + 1` })
    .where(eq(liveSessions.id, event.sessionId))
    .returning({ seq: liveSessions.lastEventSeq });
  await tx.insert(liveEvents).values({ sessionId: event.sessionId, seq, kind: event.kind, payload: event.payload as Record<string, unknown>, actorUserId: event.actorUserId ?? null });
  await tx.execute(sql`select pg_notify(${LIVE_CHANNEL.events}, ${`${event.sessionId}:${seq}`})`);
  return seq;
}
