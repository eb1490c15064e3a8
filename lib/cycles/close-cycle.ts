import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cycleNotifications, instruments, programCycles, responses } from "@/db/schema";
import type { Job } from "@/lib/jobs/queue";
import { emitWebhookEvent } from "@/lib/webhooks/emit-webhook-event";
import { loadCycleForUpdate } from "./load-cycle";
import { cycleJobPayloadSchema } from "./schemas";

/**
 * Job "cycle.close": stops answers to an open cycle and counts, once, who was invited and who
 * answered, for response rates to read. A cycle that is not open is left alone.
 */
export async function closeCycle(db: Db, job: Job, now: Date): Promise<void> {
  const { cycleId } = cycleJobPayloadSchema.parse(job.payload);
  const loaded = await loadCycleForUpdate(db, cycleId);
  if (!loaded || loaded.cycle.status !== "open") return;
  if (loaded.cycle.instrumentId) await db.update(instruments).set({ isOpen: false, updatedAt: now }).where(eq(instruments.id, loaded.cycle.instrumentId));
  const [closed] = await db
    .update(programCycles)
    .set({
      status: "closed",
      closedAt: now,
      invitedCount: sql`(select count(*)::int from ${cycleNotifications} where ${cycleNotifications.cycleId} = ${cycleId} and ${cycleNotifications.kind} = 'invitation')`,
      respondedCount: loaded.cycle.instrumentId ? sql`(select count(*)::int from ${responses} where ${responses.instrumentId} = ${loaded.cycle.instrumentId} and ${responses.status} = 'completed')` : 0,
    })
    .where(eq(programCycles.id, cycleId))
    .returning({ invitedCount: programCycles.invitedCount, respondedCount: programCycles.respondedCount });
  await emitWebhookEvent(db, loaded.cycle.organizationId, "cycle.closed", {
    cycleId,
    programId: loaded.cycle.programId,
    instrumentId: loaded.cycle.instrumentId,
    closedAt: now.toISOString(),
    invitedCount: closed.invitedCount ?? 0,
    respondedCount: closed.respondedCount ?? 0,
  });
}
