import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { consentRecords, programMembers, programs } from "@/db/schema";
import type { ConsentPurpose } from "@/db/schema/privacy";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import type { OptionalAnswers } from "./schemas";
import { latestVersionOf } from "./read-consent";
import { recordConsentSchema, type RecordConsentInput } from "./schemas";

/**
 * A member grants or withdraws one optional purpose (quotes, contact, panels) of a council or panel
 * they belong to, at its current version. A withdrawal holds from this row on: every reader of
 * consent looks at the latest record, so their quotes disappear at once.
 */
export async function recordConsent(db: Db, actor: Actor | null, orgId: string, input: RecordConsentInput, now = new Date()) {
  const { organization, userId } = await requirePermission(db, actor, { id: orgId }, "org.view");
  const { kind, programId, purpose, granted } = recordConsentSchema.parse(input);
  return db.transaction(async (tx) => {
    const ofKind = tx.select({ id: programs.id }).from(programs).where(and(eq(programs.id, programId), eq(programs.organizationId, organization.id), eq(programs.kind, kind)));
    const [member] = await tx
      .select({ id: programMembers.id })
      .from(programMembers)
      .where(and(eq(programMembers.programId, programId), inArray(programMembers.programId, ofKind), eq(programMembers.userId, userId), inArray(programMembers.status, ["active", "pending_consent"])))
      .for("update");
    if (!member) throw new AppError("NOT_FOUND", "notFound");
    const version = await appendConsentRecord(tx, { organizationId: organization.id, programId, userId, purpose, granted }, now);
    if (version === null) throw new AppError("NOT_FOUND", "consentPurposeNotOffered");
    return { purpose, version, granted };
  });
}

/**
 * Appends one decision at the purpose's current version and audits it (purpose and version only);
 * null when the program has no text for that purpose, which is then simply not asked.
 */
export async function appendConsentRecord(tx: Db, record: { organizationId: string; programId: string; userId: string; purpose: ConsentPurpose; granted: boolean }, now = new Date()): Promise<number | null> {
  const version = await latestVersionOf(tx, record.programId, record.purpose);
  if (version === null) return null;
  await tx.insert(consentRecords).values({ ...record, version, decidedAt: now });
  await recordAudit(tx, {
    organizationId: record.organizationId,
    actorUserId: record.userId,
    action: record.granted ? "consent.granted" : "consent.withdrawn",
    targetType: "program",
    targetId: record.programId,
    details: { purpose: record.purpose, version },
  });
  return version;
}

/** The optional purposes a join or renew form answered, each recorded at its current version; unanswered ones are left as they are. */
export async function appendOptionalAnswers(tx: Db, member: { organizationId: string; programId: string; userId: string }, answers: OptionalAnswers, now = new Date()) {
  for (const [purpose, answer] of Object.entries(answers) as Array<[ConsentPurpose, "yes" | "no" | undefined]>) {
    if (answer) await appendConsentRecord(tx, { ...member, purpose, granted: answer === "yes" }, now);
  }
}
