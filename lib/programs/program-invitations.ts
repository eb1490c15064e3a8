import "server-only";
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { programInvitations, programs } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { MANAGE_PERMISSION, type MemberProgramKind } from "./program-kinds";
import { requireProgram } from "./require-program";

export type ProgramInvitationState = "pending" | "expired" | "accepted" | "revoked";

export function invitationState(invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date): ProgramInvitationState {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  return invitation.expiresAt <= now ? "expired" : "pending";
}

/** A council's or panel's invitations, newest first, each with its state (pending, expired, accepted, revoked). */
export async function listProgramInvitations(db: Db, actor: Actor | null, orgId: string, kind: MemberProgramKind, programId: string, now = new Date()) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, MANAGE_PERMISSION[kind]);
  await requireProgram(db, organization.id, programId, kind);
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
    .where(eq(programInvitations.programId, programId))
    .orderBy(desc(programInvitations.createdAt))
    .limit(500);
  return rows.map((row) => ({ ...row, state: invitationState(row, now) }));
}

export async function revokeProgramInvitation(db: Db, actor: Actor | null, orgId: string, kind: MemberProgramKind, input: { programId: string; invitationId: string }, now = new Date()) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, MANAGE_PERMISSION[kind]);
  const { programId, invitationId } = input;
  if (!isUuid(programId) || !isUuid(invitationId)) throw new AppError("NOT_FOUND", "notFound");
  await db.transaction(async (tx) => {
    const revoked = await tx
      .update(programInvitations)
      .set({ revokedAt: now })
      .where(
        and(
          eq(programInvitations.id, invitationId),
          eq(programInvitations.programId, programId),
          inArray(programInvitations.programId, tx.select({ id: programs.id }).from(programs).where(eq(programs.kind, kind))),
          eq(programInvitations.organizationId, organization.id),
          isNull(programInvitations.acceptedAt),
          isNull(programInvitations.revokedAt),
        ),
      )
      .returning({ id: programInvitations.id });
    if (revoked.length === 0) throw new AppError("NOT_FOUND", "notFound");
    await recordAudit(tx, { organizationId: organization.id, actorUserId: actor!.userId, action: `${kind}.invitation_revoked`, targetType: "program_invitation", targetId: invitationId });
  });
}
