import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { programInvitations } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { requireCouncil } from "./require-council";
import { councilInvitationIdSchema } from "./schemas";

export type CouncilInvitationState = "pending" | "expired" | "accepted" | "revoked";

export function invitationState(invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date): CouncilInvitationState {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  return invitation.expiresAt <= now ? "expired" : "pending";
}

/** A council's invitations, newest first, each with its state (pending, expired, accepted, revoked). */
export async function listCouncilInvitations(db: Db, actor: Actor | null, orgId: string, councilId: string, now = new Date()) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "councils.manage");
  await requireCouncil(db, organization.id, councilId);
  const rows = await db
    .select({
      id: programInvitations.id,
      email: programInvitations.email,
      name: programInvitations.name,
      locale: programInvitations.locale,
      expiresAt: programInvitations.expiresAt,
      acceptedAt: programInvitations.acceptedAt,
      revokedAt: programInvitations.revokedAt,
      createdAt: programInvitations.createdAt,
    })
    .from(programInvitations)
    .where(eq(programInvitations.programId, councilId))
    .orderBy(desc(programInvitations.createdAt))
    .limit(500);
  return rows.map((row) => ({ ...row, state: invitationState(row, now) }));
}

export async function revokeCouncilInvitation(db: Db, actor: Actor | null, orgId: string, input: unknown, now = new Date()) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "councils.manage");
  const { councilId, invitationId } = councilInvitationIdSchema.parse(input);
  await db.transaction(async (tx) => {
    const revoked = await tx
      .update(programInvitations)
      .set({ revokedAt: now })
      .where(
        and(
          eq(programInvitations.id, invitationId),
          eq(programInvitations.programId, councilId),
          eq(programInvitations.organizationId, organization.id),
          isNull(programInvitations.acceptedAt),
          isNull(programInvitations.revokedAt),
        ),
      )
      .returning({ id: programInvitations.id });
    if (revoked.length === 0) throw new AppError("NOT_FOUND", "notFound");
    await recordAudit(tx, { organizationId: organization.id, actorUserId: actor!.userId, action: "council.invitation_revoked", targetType: "program_invitation", targetId: invitationId });
  });
}
