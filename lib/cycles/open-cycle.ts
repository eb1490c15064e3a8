import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { instrumentVersions, instruments, programCycles } from "@/db/schema";
import type { Job } from "@/lib/jobs/queue";
import { enqueueJob } from "@/lib/jobs/queue";
import { monthsBetweenCycles } from "@/lib/programs/cycle-schedule";
import { CYCLE_JOB, planNextCycle } from "@/lib/programs/plan-next-cycle";
import { notifyOnce } from "./cycle-mail";
import { eligiblePeople } from "./eligibility";
import { loadCycleForUpdate } from "./load-cycle";
import { periodLabel } from "./period-label";
import { reminderTimes } from "./reminder-times";
import { cycleJobPayloadSchema } from "./schemas";

/**
 * Job "cycle.open": freezes the program's survey into the cycle's own instrument, opens it to the
 * people the program is for, invites them, queues the reminders and the close, and plans the next
 * cycle. A cycle that is no longer scheduled is left alone, so running it twice changes nothing.
 */
export async function openCycle(db: Db, job: Job, now: Date): Promise<void> {
  const { cycleId } = cycleJobPayloadSchema.parse(job.payload);
  const loaded = await loadCycleForUpdate(db, cycleId);
  if (!loaded || loaded.cycle.status !== "scheduled" || loaded.program.status !== "active") return;
  const { cycle, program, org } = loaded;
  if (now >= cycle.closesAt) return skipMissedCycle(db, cycle.id, program.id, now);
  if (!program.templateInstrumentId) throw new Error(`program ${program.id} has no survey to open cycles with`);
  const [template] = await db
    .select({ definition: instrumentVersions.definition })
    .from(instruments)
    .innerJoin(instrumentVersions, and(eq(instrumentVersions.instrumentId, instruments.id), eq(instrumentVersions.version, instruments.latestVersion)))
    .where(eq(instruments.id, program.templateInstrumentId));
  if (!template) throw new Error(`the survey of program ${program.id} has no published version`);

  const surveyName = `${program.name} — ${periodLabel(cycle.opensAt, monthsBetweenCycles(program), program.defaultLocale)}`;
  const [instrument] = await db
    .insert(instruments)
    .values({
      organizationId: program.organizationId,
      name: surveyName,
      draft: template.definition,
      latestVersion: 1,
      hasUnpublishedChanges: false,
      isOpen: true,
      programId: program.id,
      audience: program.kind === "council" ? ["participant"] : ["frontline"],
      createdByUserId: program.createdByUserId,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: instruments.id });
  await db.insert(instrumentVersions).values({ organizationId: program.organizationId, instrumentId: instrument.id, version: 1, definition: template.definition, publishedAt: now });
  await db.update(programCycles).set({ status: "open", instrumentId: instrument.id, openedAt: now }).where(eq(programCycles.id, cycle.id));

  const mail = { cycleId: cycle.id, orgSlug: org.slug, orgName: org.name, instrumentId: instrument.id, surveyName, closesAt: cycle.closesAt };
  for (const person of await eligiblePeople(db, program)) await notifyOnce(db, person, "invitation", 0, mail, now);

  const jobBase = { organizationId: program.organizationId, payload: { cycleId: cycle.id } };
  for (const [index, runAt] of reminderTimes(cycle, program).entries()) {
    const reminder = index + 1;
    await enqueueJob(db, { ...jobBase, kind: CYCLE_JOB.remind, runAt, payload: { cycleId: cycle.id, reminder }, dedupeKey: `${CYCLE_JOB.remind}:${cycle.id}:${reminder}` });
  }
  await enqueueJob(db, { ...jobBase, kind: CYCLE_JOB.close, runAt: cycle.closesAt, dedupeKey: `${CYCLE_JOB.close}:${cycle.id}` });
  await planNextCycle(db, program.id);
}

/** A cycle whose whole window passed before it could open (the instance was down) is closed unopened: nobody is asked about a past month. */
async function skipMissedCycle(db: Db, cycleId: string, programId: string, now: Date): Promise<void> {
  await db.update(programCycles).set({ status: "closed", closedAt: now }).where(eq(programCycles.id, cycleId));
  await planNextCycle(db, programId);
}
