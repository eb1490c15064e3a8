import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { instrumentVersions, instruments, memberships, programCycles, programs, responseAnswers, responses, type MemberAttributes } from "@/db/schema";
import type { Answers } from "@/lib/instruments/answers";
import { FRONTLINE_PULSE } from "@/lib/frontline/default-pulse";
import { answerRows } from "@/lib/responses/answer-rows";
import { createMember } from "./factories";

/** A frontline staff member with a team and location on their membership, on the roster since January 2026. */
export async function createStaff(db: Db, organizationId: string, attributes: MemberAttributes, overrides: { createdAt?: Date; deactivatedAt?: Date } = {}) {
  const staff = await createMember(db, organizationId, "frontline");
  await db.update(memberships).set({ attributes, createdAt: new Date("2026-01-05T09:00:00Z"), ...overrides }).where(eq(memberships.id, staff.membershipId));
  return { ...staff, attributes };
}

export async function createFrontlineProgram(db: Db, organizationId: string, name = "Monthly frontline insights") {
  const [program] = await db
    .insert(programs)
    .values({ organizationId, kind: "frontline", name, cadence: "monthly", startsOn: new Date("2026-08-01T08:00:00Z"), openDay: 1, openForDays: 10 })
    .returning({ id: programs.id });
  return program;
}

/** A cycle with its own published copy of the frontline pulse. */
export async function createFrontlineCycle(db: Db, organizationId: string, programId: string, sequence: number, status: "open" | "closed" = "closed") {
  const opensAt = new Date(Date.UTC(2026, 7 + sequence, 1, 8));
  const closesAt = new Date(Date.UTC(2026, 7 + sequence, 11, 8));
  const [instrument] = await db
    .insert(instruments)
    .values({ organizationId, name: `Frontline pulse ${sequence}`, draft: FRONTLINE_PULSE, latestVersion: 1, hasUnpublishedChanges: false, isOpen: status === "open", audience: ["frontline"], programId })
    .returning({ id: instruments.id });
  const [version] = await db.insert(instrumentVersions).values({ organizationId, instrumentId: instrument.id, version: 1, definition: FRONTLINE_PULSE }).returning({ id: instrumentVersions.id });
  const [cycle] = await db
    .insert(programCycles)
    .values({ programId, organizationId, sequence, opensAt, closesAt, status, instrumentId: instrument.id, openedAt: opensAt, closedAt: status === "closed" ? closesAt : null })
    .returning({ id: programCycles.id });
  return { cycleId: cycle.id, instrumentId: instrument.id, versionId: version.id, opensAt };
}

export function pulseAnswers(empathy: number, painArea: string, struggled = "Customers waited too long"): Answers {
  return { struggled, pain_area: painArea, empathy, urgency: "soon" };
}

/** A completed pulse answered by a staff member, with the typed rows the dashboard aggregates. */
export async function answerPulse(db: Db, organizationId: string, cycle: { instrumentId: string; versionId: string; opensAt: Date }, staff: { userId: string; attributes: MemberAttributes }, answers: Answers) {
  const id = randomUUID();
  const submittedAt = new Date(cycle.opensAt.getTime() + 3_600_000);
  await db.insert(responses).values({ id, organizationId, instrumentId: cycle.instrumentId, instrumentVersionId: cycle.versionId, respondentUserId: staff.userId, status: "completed", locale: "en", answers, attributes: staff.attributes, startedAt: submittedAt, updatedAt: submittedAt, submittedAt });
  const rows = answerRows(FRONTLINE_PULSE, answers).map((row) => ({ ...row, responseId: id, organizationId, instrumentId: cycle.instrumentId, submittedAt }));
  await db.insert(responseAnswers).values(rows);
  return id;
}
