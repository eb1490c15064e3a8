import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { programs } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { scheduleRetentionRun } from "./purge-expired-data";
import { programRetentionSchema, type ProgramRetentionInput } from "./schemas";

/**
 * An admin sets how many months a program keeps identifiable data and free text (none: until
 * erased). It is a promise to participants and a legal setting, so it sits with the organization's
 * admins (org.manage), not with researchers who run the program. Setting one plans the daily run.
 */
export async function setProgramRetention(db: Db, actor: Actor | null, orgId: string, rawInput: ProgramRetentionInput, now = new Date()) {
  const { organization, userId } = await requirePermission(db, actor, { id: orgId }, "org.manage");
  if (!isUuid(rawInput.programId)) throw new AppError("NOT_FOUND", "notFound");
  const { programId, retentionMonths } = programRetentionSchema.parse(rawInput);
  return db.transaction(async (tx) => {
    const [program] = await tx.select({ id: programs.id, retentionMonths: programs.retentionMonths }).from(programs).where(and(eq(programs.id, programId), eq(programs.organizationId, organization.id))).for("update");
    if (!program) throw new AppError("NOT_FOUND", "notFound");
    if (program.retentionMonths === retentionMonths) return { programId, retentionMonths };
    await tx.update(programs).set({ retentionMonths }).where(eq(programs.id, programId));
    if (retentionMonths !== null) await scheduleRetentionRun(tx, organization.id, now);
    await recordAudit(tx, { organizationId: organization.id, actorUserId: userId, action: "program.retention_changed", targetType: "program", targetId: programId, details: { from: program.retentionMonths, to: retentionMonths } });
    return { programId, retentionMonths };
  });
}
