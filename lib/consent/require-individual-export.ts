import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { programs } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { isAggregateOnly } from "./data-use-promises";

/** The error key of a refused export, shown in place of the export buttons too. */
export const EXPORT_REFUSED_AGGREGATE_ONLY = "exportRefusedAggregateOnly";

/** Whether the program (if any) promised that only aggregated results leave the research team. */
export async function isIndividualExportRefused(db: Db, programId: string | null): Promise<boolean> {
  if (!programId) return false;
  const [program] = await db.select({ promises: programs.dataUsePromises }).from(programs).where(eq(programs.id, programId)).limit(1);
  return program ? isAggregateOnly(program.promises) : false;
}

/**
 * Refuses an individual-level export (one row per person or answer) of a program that promised
 * aggregate-only use, and audits the refusal; the aggregate views and exports are not affected.
 */
export async function requireIndividualExportAllowed(db: Db, attempt: { organizationId: string; actorUserId: string; programId: string | null; targetType: string; targetId: string; format: string }) {
  if (!(await isIndividualExportRefused(db, attempt.programId))) return;
  await recordAudit(db, {
    organizationId: attempt.organizationId,
    actorUserId: attempt.actorUserId,
    action: "responses.export_refused",
    targetType: attempt.targetType,
    targetId: attempt.targetId,
    details: { reason: "aggregate_only", format: attempt.format, programId: attempt.programId },
  });
  throw new AppError("FORBIDDEN", EXPORT_REFUSED_AGGREGATE_ONLY);
}
