import "server-only";
import { and, asc, eq, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobs } from "@/db/schema";
import { log } from "@/lib/log";
import { describeJobError } from "./job-error";

export interface Job {
  id: number;
  kind: string;
  organizationId: string | null;
  payload: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
  runAt: Date;
}

/**
 * Does a job's work inside the transaction that completes it; throwing rolls the work back and
 * retries later. A handler may also return work for after that commit, such as a network call that
 * must not hold a transaction open (on embedded PGlite an open transaction holds the whole
 * database): it runs once the job is done, with the database, and looks after its own failures.
 */
export type JobHandler = (tx: Db, job: Job, now: Date) => Promise<void | AfterCommit>;
export type AfterCommit = (db: Db) => Promise<void>;
export type JobHandlers = Record<string, JobHandler>;

export interface NewJob {
  kind: string;
  runAt: Date;
  payload?: Record<string, unknown>;
  /** Enqueueing twice with one key keeps the first job: planning stays idempotent. */
  dedupeKey?: string;
  organizationId?: string | null;
  maxAttempts?: number;
}

export async function enqueueJob(db: Db, job: NewJob): Promise<void> {
  await db
    .insert(jobs)
    .values({ kind: job.kind, runAt: job.runAt, payload: job.payload ?? {}, dedupeKey: job.dedupeKey, organizationId: job.organizationId ?? null, maxAttempts: job.maxAttempts ?? 5 })
    .onConflictDoNothing({ target: jobs.dedupeKey });
}

/** Seconds to wait before attempt n+1: 30 s, 2 min, 8 min, … capped at an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 4 ** (attempts - 1), 3_600_000);
}

export interface RunSummary {
  succeeded: number;
  failed: number;
}

/**
 * Runs every job due at `now`, one transaction each. The row is locked FOR UPDATE SKIP LOCKED and
 * marked done in the same transaction as the handler's writes, so with any number of instances a
 * job's effects commit exactly once.
 */
export async function runDueJobs(db: Db, handlers: JobHandlers, now: Date, { limit = 100 } = {}): Promise<RunSummary> {
  const summary: RunSummary = { succeeded: 0, failed: 0 };
  for (let index = 0; index < limit; index++) {
    const { outcome, afterCommit } = await runNextJob(db, handlers, now);
    if (outcome === "none") break;
    summary[outcome]++;
    await afterCommit?.(db).catch((error: unknown) => log.error({ event: "job.after_commit_failed", err: error }, "work after a job's commit failed"));
  }
  return summary;
}

async function runNextJob(db: Db, handlers: JobHandlers, now: Date): Promise<{ outcome: "none" | "succeeded" | "failed"; afterCommit?: AfterCommit }> {
  return db.transaction(async (tx) => {
    const [job] = await tx
      .select({ id: jobs.id, kind: jobs.kind, organizationId: jobs.organizationId, payload: jobs.payload, attempts: jobs.attempts, maxAttempts: jobs.maxAttempts, runAt: jobs.runAt })
      .from(jobs)
      .where(and(eq(jobs.status, "pending"), lte(jobs.runAt, now)))
      .orderBy(asc(jobs.runAt), asc(jobs.id))
      .limit(1)
      .for("update", { skipLocked: true });
    if (!job) return { outcome: "none" };

    const attempts = job.attempts + 1;
    try {
      const handler = handlers[job.kind];
      if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
      // A savepoint: a failing handler's writes are undone while the attempt is still recorded.
      const afterCommit = await tx.transaction((work) => handler(work as unknown as Db, job, now));
      await tx.update(jobs).set({ status: "done", attempts, lastRunAt: now, finishedAt: now, lastError: null }).where(eq(jobs.id, job.id));
      log.info({ event: "job.done", kind: job.kind, jobId: job.id }, "job done");
      return { outcome: "succeeded", afterCommit: afterCommit || undefined };
    } catch (error) {
      const { message, log: loggedError } = describeJobError(error);
      const givesUp = attempts >= job.maxAttempts;
      await tx
        .update(jobs)
        .set({
          attempts,
          lastRunAt: now,
          lastError: message,
          status: givesUp ? "failed" : "pending",
          runAt: givesUp ? job.runAt : new Date(now.getTime() + retryDelayMs(attempts)),
          finishedAt: givesUp ? now : null,
        })
        .where(eq(jobs.id, job.id));
      log.error({ event: "job.failed", kind: job.kind, jobId: job.id, attempts, givesUp, err: loggedError }, "job failed");
      return { outcome: "failed" };
    }
  });
}

/** Puts a failed job back in the queue, due now. */
export async function retryJob(db: Db, jobId: number, now: Date): Promise<boolean> {
  const updated = await db
    .update(jobs)
    .set({ status: "pending", runAt: now, finishedAt: null, attempts: sql`0` })
    .where(and(eq(jobs.id, jobId), eq(jobs.status, "failed")))
    .returning({ id: jobs.id });
  return updated.length > 0;
}
