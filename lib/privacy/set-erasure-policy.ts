import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organizations } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { erasurePolicySchema, type ErasurePolicyInput } from "./schemas";

/** An admin chooses what erasure does with a person's numeric answers: keep them without the person, or delete them. */
export async function setErasurePolicy(db: Db, actor: Actor | null, orgId: string, rawInput: ErasurePolicyInput) {
  const { organization, userId } = await requirePermission(db, actor, { id: orgId }, "org.manage");
  const { policy } = erasurePolicySchema.parse(rawInput);
  return db.transaction(async (tx) => {
    const [current] = await tx.select({ policy: organizations.erasurePolicy }).from(organizations).where(eq(organizations.id, organization.id)).for("update");
    if (current.policy === policy) return { policy };
    await tx.update(organizations).set({ erasurePolicy: policy }).where(eq(organizations.id, organization.id));
    await recordAudit(tx, { organizationId: organization.id, actorUserId: userId, action: "organization.erasure_policy_changed", targetType: "organization", targetId: organization.id, details: { from: current.policy, to: policy } });
    return { policy };
  });
}
