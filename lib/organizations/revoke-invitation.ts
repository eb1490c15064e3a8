import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { invitations } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { invitationIdSchema } from "./schemas";

export async function revokeInvitation(db: Db, actor: Actor | null, orgId: string, input: { invitationId: string }, now = new Date()) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "members.manage");
  const { invitationId } = invitationIdSchema.parse(input);
  await db.transaction(async (tx) => {
    const revoked = await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(and(eq(invitations.id, invitationId), eq(invitations.organizationId, organization.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning({ id: invitations.id });
    if (revoked.length === 0) throw new AppError("NOT_FOUND", "notFound");
    await recordAudit(tx, { organizationId: organization.id, actorUserId: actor!.userId, action: "member.invitation_revoked", targetType: "invitation", targetId: invitationId });
  });
}
