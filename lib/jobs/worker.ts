import "server-only";
import type { Db } from "@/db/client";
import { log } from "@/lib/log";
import { jobHandlers } from "./handlers";
import { scheduledNow } from "./instance-clock";
import { runDueJobs, type RunSummary } from "./queue";

const globalForWorker = globalThis as typeof globalThis & { __attuneJobWorker?: { stop: () => Promise<void> }; __attuneJobsRunning?: Promise<RunSummary> };

/** Runs what is due now; concurrent calls in one process share a single pass. */
export function runScheduledWork(db: Db): Promise<RunSummary> {
  globalForWorker.__attuneJobsRunning ??= (async () => runDueJobs(db, jobHandlers, await scheduledNow(db)))().finally(() => {
    globalForWorker.__attuneJobsRunning = undefined;
  });
  return globalForWorker.__attuneJobsRunning;
}

/** Polls the queue every `pollMs` until stopped. Safe with many instances: jobs are claimed row by row. */
export function startJobWorker(db: Db, pollMs: number): { stop: () => Promise<void> } {
  if (globalForWorker.__attuneJobWorker) return globalForWorker.__attuneJobWorker;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    try {
      await runScheduledWork(db);
    } catch (error) {
      log.error({ event: "jobs.poll_failed", err: error }, "job poll failed");
    }
    if (!stopped) timer = setTimeout(tick, pollMs);
  };
  timer = setTimeout(tick, pollMs);
  const worker = {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await globalForWorker.__attuneJobsRunning;
      globalForWorker.__attuneJobWorker = undefined;
    },
  };
  globalForWorker.__attuneJobWorker = worker;
  return worker;
}
