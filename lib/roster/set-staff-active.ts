import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { memberships } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";

export const setStaffActiveSchema = z.object({
  membershipId: z.uuid({ message: "notFound" }),
  isActive: z.preprocess((value) => value === true || value === "true", z.boolean()),
});
export interface SetStaffActiveInput {
  membershipId: string;
  isActive: boolean | "true" | "false";
}

/**
 * Deactivates a leaver (they lose access at once; their reports and responses stay) or brings them
 * back. Only frontline staff are on the roster, so other members answer "not found".
 */
export async function setStaffActive(db: Db, actor: Actor | null, orgId: string, input: SetStaffActiveInput, now = new Date()) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "frontline.manage");
  // A malformed id names nobody on the roster, like an unknown one.
  const parsed = setStaffActiveSchema.safeParse(input);
  if (!parsed.success) throw new AppError("NOT_FOUND", "notFound");
  const { membershipId, isActive } = parsed.data;
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(memberships)
      .set({ deactivatedAt: isActive ? null : now })
      .where(and(eq(memberships.id, membershipId), eq(memberships.organizationId, organization.id), eq(memberships.role, "frontline")))
      .returning({ id: memberships.id });
    if (!updated) throw new AppError("NOT_FOUND", "notFound");
    await recordAudit(tx, { organizationId: organization.id, actorUserId: actor!.userId, action: isActive ? "staff.reactivated" : "staff.deactivated", targetType: "membership", targetId: membershipId });
    return { membershipId, isActive };
  });
}
