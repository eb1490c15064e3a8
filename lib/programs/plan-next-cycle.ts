import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { programCycles, programs } from "@/db/schema";
import { enqueueJob } from "@/lib/jobs/queue";
import { cycleWindow } from "./cycle-schedule";

export const CYCLE_JOB = {
  open: "cycle.open",
  remind: "cycle.remind",
  close: "cycle.close",
} as const;

/**
 * Schedules the cycle after the program's latest one and queues the job that opens it. Idempotent:
 * the (program, sequence) key and the job's dedupe key make a second call a no-op.
 */
export async function planNextCycle(db: Db, programId: string): Promise<{ cycleId: string; opensAt: Date } | null> {
  const [program] = await db.select().from(programs).where(eq(programs.id, programId)).limit(1);
  if (!program || program.status !== "active") return null;
  const [latest] = await db
    .select({ sequence: programCycles.sequence })
    .from(programCycles)
    .where(eq(programCycles.programId, programId))
    .orderBy(desc(programCycles.sequence))
    .limit(1);
  const window = cycleWindow(program, latest ? latest.sequence + 1 : 0);
  const [cycle] = await db
    .insert(programCycles)
    .values({ programId, organizationId: program.organizationId, sequence: window.sequence, opensAt: window.opensAt, closesAt: window.closesAt })
    .onConflictDoNothing()
    .returning({ id: programCycles.id });
  if (!cycle) return null;
  await enqueueJob(db, {
    kind: CYCLE_JOB.open,
    runAt: window.opensAt,
    payload: { cycleId: cycle.id },
    dedupeKey: `${CYCLE_JOB.open}:${cycle.id}`,
    organizationId: program.organizationId,
  });
  return { cycleId: cycle.id, opensAt: window.opensAt };
}
