import { randomUUID } from "node:crypto";
import { eq, like } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { jobs } from "@/db/schema";
import { useTestDatabase } from "@/tests/db";
import { enqueueJob, retryDelayMs, runDueJobs, type JobHandlers } from "./queue";

const T0 = new Date("2027-01-01T09:00:00Z");

describe("job queue", () => {
  const database = useTestDatabase();
  const prefix = `test.${randomUUID().slice(0, 8)}`;

  afterEach(async () => {
    await database.db.delete(jobs).where(like(jobs.kind, `${prefix}%`));
  });

  it("runs a job only once it is due, and enqueueing with one dedupe key twice keeps one job", async () => {
    await database.inRollback(async (db) => {
      const ran: string[] = [];
      const handlers: JobHandlers = { [`${prefix}.hello`]: async (_tx, job) => void ran.push(String(job.payload.name)) };
      await enqueueJob(db, { kind: `${prefix}.hello`, runAt: new Date(T0.getTime() + 60_000), payload: { name: "a" }, dedupeKey: `${prefix}:a` });
      await enqueueJob(db, { kind: `${prefix}.hello`, runAt: new Date(T0.getTime() + 60_000), payload: { name: "again" }, dedupeKey: `${prefix}:a` });

      expect(await runDueJobs(db, handlers, T0)).toEqual({ succeeded: 0, failed: 0 });
      expect(await runDueJobs(db, handlers, new Date(T0.getTime() + 60_000))).toEqual({ succeeded: 1, failed: 0 });
      expect(ran).toEqual(["a"]);
      expect(await runDueJobs(db, handlers, new Date(T0.getTime() + 3_600_000))).toEqual({ succeeded: 0, failed: 0 });
      const [row] = await db.select().from(jobs).where(eq(jobs.dedupeKey, `${prefix}:a`));
      expect(row).toMatchObject({ status: "done", attempts: 1 });
    });
  });

  it("undoes a failing job's writes, retries it with backoff and gives up after its last attempt", async () => {
    await database.inRollback(async (db) => {
      const kind = `${prefix}.flaky`;
      const handlers: JobHandlers = {
        [kind]: async (tx, job) => {
          await enqueueJob(tx, { kind: `${prefix}.side-effect`, runAt: T0, dedupeKey: `${prefix}:side:${job.attempts}` });
          throw new Error("mail server down");
        },
      };
      await enqueueJob(db, { kind, runAt: T0, maxAttempts: 2, dedupeKey: `${prefix}:flaky` });

      expect(await runDueJobs(db, handlers, T0)).toEqual({ succeeded: 0, failed: 1 });
      let [row] = await db.select().from(jobs).where(eq(jobs.dedupeKey, `${prefix}:flaky`));
      expect(row).toMatchObject({ status: "pending", attempts: 1, lastError: "mail server down" });
      expect(row.runAt.getTime()).toBe(T0.getTime() + retryDelayMs(1));
      expect(await db.select().from(jobs).where(like(jobs.kind, `${prefix}.side-effect`))).toHaveLength(0);

      expect(await runDueJobs(db, handlers, new Date(T0.getTime() + retryDelayMs(1)))).toEqual({ succeeded: 0, failed: 1 });
      [row] = await db.select().from(jobs).where(eq(jobs.dedupeKey, `${prefix}:flaky`));
      expect(row).toMatchObject({ status: "failed", attempts: 2 });
    });
  });

  it("runs each job exactly once when two workers poll at the same moment", async () => {
    const db = database.db;
    const kind = `${prefix}.count`;
    const runs = new Map<string, number>();
    const handlers: JobHandlers = {
      [kind]: async (_tx, job) => {
        const key = String(job.payload.n);
        runs.set(key, (runs.get(key) ?? 0) + 1);
      },
    };
    for (let n = 0; n < 30; n++) await enqueueJob(db, { kind, runAt: T0, payload: { n }, dedupeKey: `${prefix}:count:${n}` });

    const [first, second] = await Promise.all([runDueJobs(db, handlers, T0), runDueJobs(db, handlers, T0)]);
    expect(first.succeeded + second.succeeded).toBe(30);
    expect(runs.size).toBe(30);
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
  });

  it("stores a failed job's error without the email addresses it names", async () => {
    await database.inRollback(async (db) => {
      const kind = `${prefix}.bounce`;
      const handlers: JobHandlers = { [kind]: async () => { throw new Error("550 <ana.kowalska@northwind.example> rejected"); } };
      await enqueueJob(db, { kind, runAt: T0, dedupeKey: `${prefix}:bounce`, maxAttempts: 1 });
      expect(await runDueJobs(db, handlers, T0)).toEqual({ succeeded: 0, failed: 1 });
      const [row] = await db.select({ status: jobs.status, lastError: jobs.lastError }).from(jobs).where(eq(jobs.dedupeKey, `${prefix}:bounce`));
      expect(row).toEqual({ status: "failed", lastError: "550 <[email]> rejected" });
    });
  });
});
