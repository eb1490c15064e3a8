import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { instrumentVersions, instruments, jobs, programCycles, programs } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { localize } from "@/lib/instruments/localize";
import { firstOpeningOnOrAfter } from "@/lib/programs/cycle-schedule";
import { CYCLE_JOB, planNextCycle } from "@/lib/programs/plan-next-cycle";
import { FRONTLINE_PULSE } from "./default-pulse";
import { findFrontlineProgram } from "./get-frontline-program";
import { resumeStart } from "./resume-start";
import { configureFrontlineProgramSchema, type ConfigureFrontlineProgramInput } from "./schemas";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Saves the organization's one frontline program. The first save creates it with the default
 * pulse as its survey and plans its first cycle on the next open day; later saves re-plan only
 * cycles that have not opened yet, so an open or closed month is never rewritten, and the next
 * cycle opens from now on (never in a month that already had one, never in the past).
 */
export async function configureFrontlineProgram(db: Db, actor: Actor | null, orgId: string, input: ConfigureFrontlineProgramInput, now = new Date()) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "frontline.manage");
  const { isActive, ...schedule } = configureFrontlineProgramSchema.parse(input);
  const status = isActive ? ("active" as const) : ("archived" as const);
  return db.transaction(async (tx) => {
    // One frontline program per organization: serialize first saves on the organization's row.
    await tx.execute(sql`select 1 from organizations where id = ${organization.id} for update`);
    const existing = await findFrontlineProgram(tx as unknown as Db, organization.id);
    let programId: string;
    if (existing) {
      programId = existing.id;
      await tx.update(programs).set({ ...schedule, status }).where(eq(programs.id, programId));
      await unplanScheduledCycles(tx, programId);
      const [latest] = await tx.select({ sequence: programCycles.sequence, opensAt: programCycles.opensAt }).from(programCycles).where(eq(programCycles.programId, programId)).orderBy(desc(programCycles.sequence)).limit(1);
      const startsOn = resumeStart(now, schedule.openDay, latest ? latest.sequence + 1 : 0, latest?.opensAt ?? null);
      await tx.update(programs).set({ startsOn }).where(eq(programs.id, programId));
    } else {
      const templateInstrumentId = await createPulseTemplate(tx, organization, actor!.userId, now);
      const [created] = await tx
        .insert(programs)
        .values({
          organizationId: organization.id,
          kind: "frontline",
          name: localize(FRONTLINE_PULSE.title, organization.defaultLocale, FRONTLINE_PULSE.defaultLocale),
          defaultLocale: organization.defaultLocale,
          cadence: "monthly",
          startsOn: firstOpeningOnOrAfter(now, schedule.openDay),
          ...schedule,
          status,
          templateInstrumentId,
          createdByUserId: actor!.userId,
        })
        .returning({ id: programs.id });
      programId = created.id;
    }
    await planNextCycle(tx as unknown as Db, programId);
    await recordAudit(tx, { organizationId: organization.id, actorUserId: actor!.userId, action: existing ? "frontline.reconfigured" : "frontline.created", targetType: "program", targetId: programId, details: { ...schedule, isActive } });
    return { programId };
  });
}

/** Deletes the cycles that have not opened and their pending open jobs, so they can be planned again. */
async function unplanScheduledCycles(tx: Tx, programId: string) {
  const scheduled = await tx.delete(programCycles).where(and(eq(programCycles.programId, programId), eq(programCycles.status, "scheduled"))).returning({ id: programCycles.id });
  if (scheduled.length === 0) return;
  await tx.delete(jobs).where(and(eq(jobs.status, "pending"), inArray(jobs.dedupeKey, scheduled.map((cycle) => `${CYCLE_JOB.open}:${cycle.id}`))));
}

/** The default pulse as a published, closed instrument: each cycle answers a frozen copy of it. */
async function createPulseTemplate(tx: Tx, organization: { id: string; defaultLocale: "en" | "pl" | "ru" }, userId: string, now: Date): Promise<string> {
  const [instrument] = await tx
    .insert(instruments)
    .values({
      organizationId: organization.id,
      name: localize(FRONTLINE_PULSE.title, organization.defaultLocale, FRONTLINE_PULSE.defaultLocale),
      draft: FRONTLINE_PULSE,
      latestVersion: 1,
      hasUnpublishedChanges: false,
      isOpen: false,
      audience: ["frontline"],
      createdByUserId: userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: instruments.id });
  await tx.insert(instrumentVersions).values({ organizationId: organization.id, instrumentId: instrument.id, version: 1, definition: FRONTLINE_PULSE, publishedByUserId: userId, publishedAt: now });
  return instrument.id;
}
