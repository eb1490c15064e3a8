import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { programMembers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { councilIdSchema } from "./schemas";

/** A member leaves at any time: they stop receiving the council's surveys; what they already answered stays. */
export async function leaveCouncil(db: Db, actor: Actor | null, orgId: string, input: unknown, now = new Date()) {
  const { organization, userId } = await requirePermission(db, actor, { id: orgId }, "org.view");
  const { councilId } = councilIdSchema.parse(input);
  await db.transaction(async (tx) => {
    const left = await tx
      .update(programMembers)
      .set({ status: "left", leftAt: now })
      .where(and(eq(programMembers.programId, councilId), eq(programMembers.organizationId, organization.id), eq(programMembers.userId, userId), inArray(programMembers.status, ["active", "pending_consent"])))
      .returning({ id: programMembers.id });
    if (left.length === 0) throw new AppError("NOT_FOUND", "notFound");
    await recordAudit(tx, { organizationId: organization.id, actorUserId: userId, action: "council.left", targetType: "program", targetId: councilId });
  });
}
