import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organizations } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { anonymityThresholdsSchema, type AnonymityThresholdsInput } from "./schemas";

/** An admin sets the smallest groups whose scores and comments may be shown; the change is audited. */
export async function setAnonymityThresholds(db: Db, actor: Actor | null, orgId: string, rawInput: AnonymityThresholdsInput) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "org.manage");
  // Checked here too: the thresholds guard every dashboard, whoever calls this.
  const input = anonymityThresholdsSchema.parse(rawInput);
  return db.transaction(async (tx) => {
    await tx.update(organizations).set({ minGroupSize: input.minGroupSize, minCommentGroupSize: input.minCommentGroupSize }).where(eq(organizations.id, organization.id));
    await recordAudit(tx, {
      organizationId: organization.id,
      actorUserId: actor!.userId,
      action: "organization.anonymity_changed",
      targetType: "organization",
      targetId: organization.id,
      details: { minGroupSize: input.minGroupSize, minCommentGroupSize: input.minCommentGroupSize, previousMinGroupSize: organization.minGroupSize, previousMinCommentGroupSize: organization.minCommentGroupSize },
    });
    return { minGroupSize: input.minGroupSize, minCommentGroupSize: input.minCommentGroupSize };
  });
}
