import { eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { programMembers, programs } from "@/db/schema";
import { FRONTLINE_PULSE } from "@/lib/frontline/default-pulse";
import { answerConsent, createConsentTexts } from "./consent-factories";
import { createMember } from "./factories";
import { createOpenInstrument, sampleDefinition } from "./instrument-factories";

/** A program with a published survey template, starting at `startsOn`; cycles are not planned yet. */
export async function createProgramWithTemplate(db: Db, orgId: string, { kind = "council" as "council" | "frontline", startsOn = new Date("2027-01-05T08:00:00Z"), ...settings }: Partial<typeof programs.$inferInsert> & { kind?: "council" | "frontline" } = {}) {
  const definition = kind === "frontline" ? FRONTLINE_PULSE : sampleDefinition();
  const { instrumentId, researcher } = await createOpenInstrument(db, orgId, { definition, isOpen: false, audience: [kind === "frontline" ? "frontline" : "participant"] });
  const [program] = await db
    .insert(programs)
    .values({ organizationId: orgId, kind, name: kind === "frontline" ? "Frontline pulse" : "Customer council", cadence: kind === "frontline" ? "monthly" : "quarterly", startsOn, openDay: startsOn.getUTCDate(), openForDays: 14, maxReminders: 2, reminderEveryDays: 4, templateInstrumentId: instrumentId, createdByUserId: researcher.userId, ...settings })
    .returning();
  if (kind === "council") await createConsentTexts(db, orgId, program.id);
  return { program, researcher, templateInstrumentId: instrumentId };
}

/** A participant who is a council member with the given status; an active one agreed to research use and to being quoted. */
export async function createCouncilMember(db: Db, orgId: string, programId: string, status: "active" | "left" | "pending_consent" = "active") {
  const member = await createMember(db, orgId, "participant");
  await db.insert(programMembers).values({ programId, organizationId: orgId, userId: member.userId, status });
  if (status === "active") await answerConsent(db, orgId, programId, member.userId, ["research", "quotes"]);
  return member;
}

export async function setCouncilMemberStatus(db: Db, userId: string, status: "active" | "left") {
  await db.update(programMembers).set({ status }).where(eq(programMembers.userId, userId));
}
