import "server-only";
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

/** `sessionId:rest` as sent on both channels; null for anything else. */
export function parseLiveNotification(payload: string): { sessionId: string; rest: string } | null {
  const separator = payload.indexOf(":");
  if (separator <= 0 || separator === payload.length - 1) return null;
  return { sessionId: payload.slice(0, separator), rest: payload.slice(separator + 1) };
}

/**
 * The live bus of one process: LISTEN on both channels of the database every instance shares, so
 * that an event appended or a vote stored through any instance reaches the clients of all. The
 * payloads are ids; the handlers read what they need once for the whole process.
 */
export async function startLiveBus(database: Pick<Database, "listen">, handlers: LiveBusHandlers): Promise<() => Promise<void>> {
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
  const stopEvents = await database.listen(
    LIVE_CHANNEL.events,
    (payload) => {
      const parsed = parseLiveNotification(payload);
      const seq = parsed ? Number(parsed.rest) : NaN;
      if (parsed && Number.isInteger(seq)) handlers.onEvent(parsed.sessionId, seq);
    },
    onRelisten,
  );
  const stopVotes = await database.listen(
    LIVE_CHANNEL.votes,
    (payload) => {
      const parsed = parseLiveNotification(payload);
      if (parsed) handlers.onVote(parsed.sessionId, parsed.rest);
    },
    onRelisten,
  );
  return async () => {
    await Promise.all([stopEvents(), stopVotes()]);
  };
}
