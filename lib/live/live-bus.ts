import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/connect";
import { LIVE_CHANNEL } from "./events";

export interface LiveBusHandlers {
  /** Event `seq` of a session committed (appendLiveEvent). */
  onEvent(sessionId: string, seq: number): void;
  /** An answer to a poll was stored (submitLiveAnswer). */
  onVote(sessionId: string, pollId: string): void;
  /** The listen connection dropped and is back: notifications in between are lost, catch up from the database. */
  onRelisten(): void;
}

export interface LiveBus {
  stop(): Promise<void>;
  /** Sends a ping through the database to this bus; when the previous one never arrived, listens again first. */
  check(): Promise<void>;
}

/** `sessionId:rest` as sent on both channels; null for anything else. */
export function parseLiveNotification(payload: string): { sessionId: string; rest: string } | null {
  const separator = payload.indexOf(":");
  if (separator <= 0 || separator === payload.length - 1) return null;
  return { sessionId: payload.slice(0, separator), rest: payload.slice(separator + 1) };
}

const PING = "ping:";

/**
 * The live bus of one process: LISTEN on both channels of the database every instance shares, so
 * that an event appended or a vote stored through any instance reaches the clients of all. The
 * payloads are ids; the handlers read what they need once for the whole process.
 *
 * postgres.js listens again by itself after a dropped connection (onRelisten); if the database
 * stays away longer than its one attempt, nothing would listen any more, so every `watchdogMs` the
 * bus notifies itself and, when that ping did not come back, listens from scratch and catches up.
 */
export async function startLiveBus(database: Pick<Database, "listen" | "db">, handlers: LiveBusHandlers, { watchdogMs = 30_000 } = {}): Promise<LiveBus> {
  const busId = randomUUID();
  let pingsSent = 0;
  let pingsSeen = 0;
  // Both channels re-listen after one dropped connection: one catch-up is enough.
  let relistenQueued = false;
  const onRelisten = () => {
    if (relistenQueued) return;
    relistenQueued = true;
    setTimeout(() => {
      relistenQueued = false;
      handlers.onRelisten();
    }, 50);
  };
  const onEvents = (payload: string) => {
    if (payload.startsWith(PING)) {
      const [id, n] = payload.slice(PING.length).split(":");
      if (id === busId) pingsSeen = Math.max(pingsSeen, Number(n));
      return;
    }
    const parsed = parseLiveNotification(payload);
    const seq = parsed ? Number(parsed.rest) : NaN;
    if (parsed && Number.isInteger(seq)) handlers.onEvent(parsed.sessionId, seq);
  };
  const onVotes = (payload: string) => {
    const parsed = parseLiveNotification(payload);
    if (parsed) handlers.onVote(parsed.sessionId, parsed.rest);
  };

  let stops: Array<() => Promise<void>> = [];
  const listenAll = async () => {
    stops = [];
    stops.push(await database.listen(LIVE_CHANNEL.events, onEvents, onRelisten));
    stops.push(await database.listen(LIVE_CHANNEL.votes, onVotes, onRelisten));
  };
  const unlistenAll = () => Promise.all(stops.map((stop) => stop().catch(() => undefined)));
  await listenAll();

  let isChecking = false;
  const check = async () => {
    if (isChecking) return;
    isChecking = true;
    try {
      if (pingsSent > pingsSeen) {
        await unlistenAll();
        await listenAll();
        pingsSeen = pingsSent;
        handlers.onRelisten();
      }
      pingsSent += 1;
      await database.db.execute(sql`select pg_notify(${LIVE_CHANNEL.events}, ${`${PING}${busId}:${pingsSent}`})`);
    } catch {
      // The database is away: the next check tries again.
    } finally {
      isChecking = false;
    }
  };
  const watchdog = watchdogMs > 0 ? setInterval(() => void check(), watchdogMs) : null;
  watchdog?.unref();

  return {
    check,
    stop: async () => {
      if (watchdog) clearInterval(watchdog);
      await unlistenAll();
    },
  };
}
