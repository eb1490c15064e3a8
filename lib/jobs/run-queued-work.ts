import "server-only";
import type { Db } from "@/db/client";
import { log } from "@/lib/log";
import { runScheduledWork } from "./worker";

/** Runs just-queued jobs now, without making the caller wait; the poller would pick them up anyway. */
export function runQueuedWork(db: Db): void {
  void runScheduledWork(db).catch((error) => log.error({ event: "jobs.run_failed", err: error }, "queued work run failed"));
}
