import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { instruments, responses } from "@/db/schema";
import type { Job } from "@/lib/jobs/queue";
import { notifyOnce } from "./cycle-mail";
import { eligiblePeople } from "./eligibility";
import { loadCycleForUpdate } from "./load-cycle";
import { reminderJobPayloadSchema } from "./schemas";

/**
 * Job "cycle.remind": reminder k of an open cycle, mailed only to the people it is for who have not
 * completed their response and have not had reminder k yet; never beyond the program's maximum.
 */
export async function remindCycle(db: Db, job: Job, now: Date): Promise<void> {
  const { cycleId, reminder } = reminderJobPayloadSchema.parse(job.payload);
  const loaded = await loadCycleForUpdate(db, cycleId);
  if (!loaded || loaded.cycle.status !== "open" || !loaded.cycle.instrumentId || reminder > loaded.program.maxReminders) return;
  const { cycle, program, org } = loaded;
  const instrumentId = cycle.instrumentId!;
  const [[instrument], completed] = await Promise.all([
    db.select({ name: instruments.name }).from(instruments).where(eq(instruments.id, instrumentId)),
    db.select({ userId: responses.respondentUserId }).from(responses).where(and(eq(responses.instrumentId, instrumentId), eq(responses.status, "completed"))),
  ]);
  const answered = new Set(completed.map((row) => row.userId));
  const mail = { cycleId: cycle.id, orgSlug: org.slug, orgName: org.name, instrumentId, surveyName: instrument?.name ?? program.name, closesAt: cycle.closesAt };
  for (const person of await eligiblePeople(db, program)) {
    if (!answered.has(person.userId)) await notifyOnce(db, person, "reminder", reminder, mail, now);
  }
}
