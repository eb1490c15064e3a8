import type { Db } from "../connect";
import { consentRecords, programs } from "../schema";
import { eq } from "drizzle-orm";
import type { DataUsePromise } from "@/lib/consent/data-use-promises";
import { writeInitialConsentTexts } from "@/lib/consent/write-initial-consent-texts";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Every eighth member (from the sixth) said no to being quoted, so the demo shows refusals too. */
export const refusesQuotes = (index: number) => index % 8 === 5;

/**
 * A demo council's or panel's consent: version 1 of every purpose's text, each member's answers when
 * they joined (research always; most agree to quotes, some refuse; about half to contact and to
 * panels), and the program's data-use promises.
 */
export async function seedConsent(
  tx: Tx,
  program: { id: string; organizationId: string; name: string; consentText: string; researcherUserId: string; createdAt: Date },
  members: Array<{ userId: string }>,
  decidedAt: Date,
  promises: DataUsePromise[],
) {
  await writeInitialConsentTexts(tx as unknown as Db, { ...program, defaultLocale: "en" }, program.researcherUserId, program.createdAt);
  await tx.update(programs).set({ dataUsePromises: promises }).where(eq(programs.id, program.id));
  const answers = members.flatMap((member, index) => [
    { purpose: "research" as const, granted: true },
    { purpose: "quotes" as const, granted: !refusesQuotes(index) },
    { purpose: "contact" as const, granted: index % 2 === 0 },
    { purpose: "panels" as const, granted: index % 3 !== 2 },
  ].map((answer) => ({ organizationId: program.organizationId, programId: program.id, userId: member.userId, version: 1, decidedAt, ...answer })));
  await tx.insert(consentRecords).values(answers);
}
