import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { programMembers, programs } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { appendConsentRecord } from "@/lib/consent/record-consent";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import type { MemberProgramKind } from "./program-kinds";

/**
 * A member leaves a council or panel at any time: they are asked nothing more; what they already
 * answered stays. Leaving is how research consent is withdrawn, so it is recorded as a refusal.
 */
export async function leaveProgram(db: Db, actor: Actor | null, orgId: string, kind: MemberProgramKind, programId: string, now = new Date()) {
  const { organization, userId } = await requirePermission(db, actor, { id: orgId }, "org.view");
  if (!isUuid(programId)) throw new AppError("NOT_FOUND", "notFound");
  await db.transaction(async (tx) => {
    const ofKind = tx.select({ id: programs.id }).from(programs).where(and(eq(programs.id, programId), eq(programs.kind, kind)));
    const left = await tx
      .update(programMembers)
      .set({ status: "left", leftAt: now })
      .where(and(eq(programMembers.programId, programId), inArray(programMembers.programId, ofKind), eq(programMembers.organizationId, organization.id), eq(programMembers.userId, userId), inArray(programMembers.status, ["active", "pending_consent"])))
      .returning({ id: programMembers.id });
    if (left.length === 0) throw new AppError("NOT_FOUND", "notFound");
    await appendConsentRecord(tx, { organizationId: organization.id, programId, userId, purpose: "research", granted: false }, now);
    await recordAudit(tx, { organizationId: organization.id, actorUserId: userId, action: `${kind}.left`, targetType: "program", targetId: programId });
  });
}
