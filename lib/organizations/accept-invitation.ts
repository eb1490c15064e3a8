import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { invitations, memberships, organizations, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { hashInvitationToken } from "./invitation-token";
import { invitationTokenSchema } from "./schemas";

/** Looks an invitation up by its token without using it, for the page that asks to accept. */
export async function findInvitation(db: Db, token: string, now = new Date()) {
  const parsed = invitationTokenSchema.safeParse(token);
  if (!parsed.success) throw new AppError("NOT_FOUND", "invitationInvalid");
  const [invitation] = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      organizationId: invitations.organizationId,
      organizationName: organizations.name,
      organizationSlug: organizations.slug,
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .where(eq(invitations.tokenHash, hashInvitationToken(parsed.data)))
    .limit(1);
  if (!invitation || invitation.revokedAt) throw new AppError("NOT_FOUND", "invitationInvalid");
  if (invitation.acceptedAt) throw new AppError("GONE", "invitationUsed");
  if (invitation.expiresAt <= now) throw new AppError("GONE", "invitationExpired");
  return invitation;
}

/**
 * Turns an invitation into a membership for the signed-in person whose email it was sent to.
 * The update that marks it accepted is conditional, so a link used twice at once yields one membership.
 */
export async function acceptInvitation(db: Db, actor: Actor | null, token: string, now = new Date()) {
  if (!actor) throw new AppError("UNAUTHENTICATED", "signInRequired");
  const invitation = await findInvitation(db, token, now);
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, actor.userId)).limit(1);
  if (!user?.email || user.email.toLowerCase() !== invitation.email) throw new AppError("FORBIDDEN", "invitationOtherEmail");

  return db.transaction(async (tx) => {
    const claimed = await tx
      .update(invitations)
      .set({ acceptedAt: now })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning({ id: invitations.id });
    if (claimed.length === 0) throw new AppError("GONE", "invitationUsed");
    await tx
      .insert(memberships)
      .values({ organizationId: invitation.organizationId, userId: actor.userId, role: invitation.role })
      .onConflictDoNothing();
    await recordAudit(tx, { organizationId: invitation.organizationId, actorUserId: actor.userId, action: "member.joined", targetType: "invitation", targetId: invitation.id, details: { role: invitation.role } });
    return { organizationSlug: invitation.organizationSlug, role: invitation.role };
  });
}
