import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { invitations, memberships, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { OPERATOR_AUDIT_DETAILS } from "@/lib/audit/operator";
import { requirePermission, type Actor, type OrgContext } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { translatorFor } from "@/lib/i18n/messages";
import { sendMail } from "@/lib/mail/send-mail";
import { hashInvitationToken, INVITATION_TTL_DAYS, newInvitationToken } from "./invitation-token";
import { inviteMemberSchema, type InviteMemberInput } from "./schemas";

/**
 * Invites a person by email with a role. Re-inviting an address with an open invitation
 * replaces it (the old link stops working), so there is only ever one valid link per address.
 */
export async function inviteMember(db: Db, actor: Actor | null, orgId: string, input: InviteMemberInput, baseUrl: string, now = new Date()) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "members.manage");
  return sendInvitation(db, organization, input, actor!.userId, baseUrl, now);
}

/** The command line's way: an operator with database access invites with no one signed in (no inviter, audited as such). */
export async function inviteMemberAsOperator(db: Db, organization: OrgContext["organization"], input: InviteMemberInput, baseUrl: string, now = new Date()) {
  return sendInvitation(db, organization, input, null, baseUrl, now);
}

async function sendInvitation(db: Db, organization: OrgContext["organization"], input: InviteMemberInput, invitedByUserId: string | null, baseUrl: string, now: Date) {
  const { email, role, locale } = inviteMemberSchema.parse(input);
  const token = newInvitationToken();

  const invitation = await db.transaction(async (tx) => {
    const [existingMember] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organizationId, organization.id), eq(users.email, email)))
      .limit(1);
    if (existingMember) throw new AppError("CONFLICT", "alreadyMember", { email: "alreadyMember" });

    await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(and(eq(invitations.organizationId, organization.id), eq(invitations.email, email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
    const [created] = await tx
      .insert(invitations)
      .values({
        organizationId: organization.id,
        email,
        role,
        tokenHash: hashInvitationToken(token),
        invitedByUserId,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000),
      })
      .returning({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt });
    await recordAudit(tx, { organizationId: organization.id, actorUserId: invitedByUserId, action: "member.invited", targetType: "invitation", targetId: created.id, details: { role, ...(invitedByUserId ? {} : OPERATOR_AUDIT_DETAILS) } });
    return created;
  });

  const t = translatorFor(locale);
  const link = new URL(`/invite/${token}`, baseUrl).toString();
  const roleName = t(`roles.${role}`);
  await sendMail(db, {
    to: email,
    subject: t("mail.invitation.subject", { org: organization.name }),
    text: t("mail.invitation.text", { org: organization.name, role: roleName, link, days: INVITATION_TTL_DAYS }),
  }, { printLocally: true });
  return invitation;
}
