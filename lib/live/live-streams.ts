import "server-only";
import { getDatabase } from "@/db/client";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import type { Db } from "@/db/client";
import { createGroupedReader } from "@/lib/batching/group-commit";
import { startLiveBus } from "./live-bus";
import { readLivePollResults, readLiveSessionResults, readLiveTexts } from "./read-live-results";
import { readLastEventSeq, readLiveEventsAfter } from "./read-live-snapshot";
import { LiveStreamHub } from "./stream-hub";
import { groupedLiveAnswerStore, readAnswerContexts, type ReadAnswerContext, type StoreLiveAnswer } from "./submit-live-answer";

const HEARTBEAT_MS = 15_000;
// Answers wait this long to share a read and a write with the others arriving meanwhile.
const ANSWER_GATHER_MS = 4;

interface LiveStreams {
  hub: LiveStreamHub;
  stop: () => Promise<void>;
}

// One hub and one bus per process; the custom server and route bundles are separate module graphs.
const globalForLive = globalThis as typeof globalThis & { __attuneLiveStreams?: Promise<LiveStreams>; __attuneLiveAnswers?: { read: ReadAnswerContext; store: StoreLiveAnswer } };

async function start(): Promise<LiveStreams> {
  const database = await getDatabase();
  const { db } = database;
  const hub = new LiveStreamHub({
    resultsIntervalMs: env.ATTUNE_LIVE_RESULTS_MS,
    readers: {
      lastSeq: (sessionId) => readLastEventSeq(db, sessionId),
      eventsAfter: (sessionId, afterSeq, limit) => readLiveEventsAfter(db, sessionId, afterSeq, limit),
      pollResults: (pollId) => readLivePollResults(db, pollId),
      sessionResults: (sessionId) => readLiveSessionResults(db, sessionId),
      texts: (pollId, afterId, limit) => readLiveTexts(db, pollId, afterId, limit),
    },
    onError: (error, context) => log.error({ event: context, err: error }, "live stream work failed"),
  });
  const bus = await startLiveBus(database, {
    onEvent: (sessionId, seq) => hub.onEvent(sessionId, seq),
    onVote: (sessionId, pollId) => hub.onVote(sessionId, pollId),
    onRelisten: () => {
      log.warn({ event: "live.relisten" }, "live bus reconnected; catching up");
      hub.catchUp();
    },
  });
  const heartbeat = setInterval(() => hub.heartbeat(), HEARTBEAT_MS);
  heartbeat.unref();
  return {
    hub,
    stop: async () => {
      clearInterval(heartbeat);
      hub.closeAll();
      await bus.stop().catch(() => undefined);
    },
  };
}

/** The process's hub, its bus listening before the first client reads anything. */
export function getLiveHub(): Promise<LiveStreamHub> {
  if (!globalForLive.__attuneLiveStreams) {
    globalForLive.__attuneLiveStreams = start().catch((error: unknown) => {
      globalForLive.__attuneLiveStreams = undefined;
      throw error;
    });
  }
  return globalForLive.__attuneLiveStreams.then((streams) => streams.hub);
}

/** Ends every live stream (shutdown), so the server can close; clients reconnect elsewhere. */
export async function closeLiveStreams() {
  const pending = globalForLive.__attuneLiveStreams;
  globalForLive.__attuneLiveStreams = undefined;
  if (pending) await (await pending.catch(() => undefined))?.stop();
}

/**
 * The process's grouped answer path: concurrent answers are checked by one read and written by one
 * statement (group commit), instead of a round trip or a commit each.
 */
export function liveAnswerPath(db: Db): { read: ReadAnswerContext; store: StoreLiveAnswer } {
  globalForLive.__attuneLiveAnswers ??= {
    read: createGroupedReader((requests: Parameters<ReadAnswerContext>[0][]) => readAnswerContexts(db, requests), { gatherMs: ANSWER_GATHER_MS }),
    store: groupedLiveAnswerStore(db, { gatherMs: ANSWER_GATHER_MS }),
  };
  return globalForLive.__attuneLiveAnswers;
}
