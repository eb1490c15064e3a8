import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { programMembers, programs } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { appendConsentRecord, appendOptionalAnswers } from "@/lib/consent/record-consent";
import { optionalAnswersSchema } from "@/lib/consent/schemas";
import { consentTextHash } from "@/lib/councils/consent";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import type { MemberProgramKind } from "./program-kinds";

/**
 * A member answers a council's or panel's changed consent texts: one waiting for research consent
 * accepts the new research version and takes part again; the optional purposes whose material version
 * changed are answered yes or no (`answers`, e.g. from `consent.quotes` inputs), each at its current version.
 */
export async function renewProgramConsent(db: Db, actor: Actor | null, orgId: string, kind: MemberProgramKind, programId: string, now = new Date(), answers: unknown = {}) {
  const { organization, userId } = await requirePermission(db, actor, { id: orgId }, "org.view");
  if (!isUuid(programId)) throw new AppError("NOT_FOUND", "notFound");
  const purposes = optionalAnswersSchema.parse(answers);
  await db.transaction(async (tx) => {
    const [program] = await tx
      .select({ consentText: programs.consentText })
      .from(programs)
      .where(and(eq(programs.id, programId), eq(programs.organizationId, organization.id), eq(programs.kind, kind), eq(programs.status, "active")))
      .limit(1);
    if (!program) throw new AppError("NOT_FOUND", "notFound");
    const [member] = await tx
      .select({ status: programMembers.status })
      .from(programMembers)
      .where(and(eq(programMembers.programId, programId), eq(programMembers.userId, userId), inArray(programMembers.status, ["active", "pending_consent"])))
      .for("update");
    const isAnsweringOptional = Object.values(purposes).some(Boolean);
    if (!member || (member.status === "active" && !isAnsweringOptional)) throw new AppError("NOT_FOUND", "notFound");
    const record = { organizationId: organization.id, programId, userId };
    if (member.status === "pending_consent") {
      await tx.update(programMembers).set({ status: "active", consentTextHash: consentTextHash(program.consentText), consentedAt: now }).where(and(eq(programMembers.programId, programId), eq(programMembers.userId, userId)));
      await appendConsentRecord(tx, { ...record, purpose: "research", granted: true }, now);
      await recordAudit(tx, { organizationId: organization.id, actorUserId: userId, action: `${kind}.consent_renewed`, targetType: "program", targetId: programId });
    }
    await appendOptionalAnswers(tx, record, purposes, now);
  });
}
