import { sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { consentRecords, programConsentTexts } from "@/db/schema";
import { CONSENT_PURPOSES, type ConsentPurpose } from "@/db/schema/privacy";

/** Version 1 of every purpose's text, as a council or panel created through the app has (kept if already there). */
export async function createConsentTexts(db: Db, orgId: string, programId: string) {
  await db
    .insert(programConsentTexts)
    .values(CONSENT_PURPOSES.map((purpose) => ({ organizationId: orgId, programId, purpose, version: 1, body: `The ${purpose} consent text, version 1.`, isMaterial: true })))
    .onConflictDoNothing();
}

/** A member's answer to purposes at each one's latest version (texts are created first when missing). */
export async function answerConsent(db: Db, orgId: string, programId: string, userId: string, purposes: readonly ConsentPurpose[], granted = true) {
  await createConsentTexts(db, orgId, programId);
  for (const purpose of purposes) {
    await db.insert(consentRecords).values({
      organizationId: orgId,
      programId,
      userId,
      purpose,
      granted,
      version: sql`(select max(version) from program_consent_texts where program_id = ${programId}::uuid and purpose = ${purpose})`,
    });
  }
}
