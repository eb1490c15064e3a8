import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { programMembers, programs } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { consentTextHash } from "@/lib/councils/consent";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import type { MemberProgramKind } from "./program-kinds";

/** A member accepts a council's or panel's changed consent text and takes part again. */
export async function renewProgramConsent(db: Db, actor: Actor | null, orgId: string, kind: MemberProgramKind, programId: string, now = new Date()) {
  const { organization, userId } = await requirePermission(db, actor, { id: orgId }, "org.view");
  if (!isUuid(programId)) throw new AppError("NOT_FOUND", "notFound");
  await db.transaction(async (tx) => {
    const [program] = await tx
      .select({ consentText: programs.consentText })
      .from(programs)
      .where(and(eq(programs.id, programId), eq(programs.organizationId, organization.id), eq(programs.kind, kind), eq(programs.status, "active")))
      .limit(1);
    if (!program) throw new AppError("NOT_FOUND", "notFound");
    const renewed = await tx
      .update(programMembers)
      .set({ status: "active", consentTextHash: consentTextHash(program.consentText), consentedAt: now })
      .where(and(eq(programMembers.programId, programId), eq(programMembers.userId, userId), eq(programMembers.status, "pending_consent")))
      .returning({ id: programMembers.id });
    if (renewed.length === 0) throw new AppError("NOT_FOUND", "notFound");
    await recordAudit(tx, { organizationId: organization.id, actorUserId: userId, action: `${kind}.consent_renewed`, targetType: "program", targetId: programId });
  });
}
