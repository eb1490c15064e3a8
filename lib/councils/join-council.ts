import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, organizations, programInvitations, programMembers, programs, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { hashInvitationToken } from "@/lib/organizations/invitation-token";
import { invitationTokenSchema } from "@/lib/organizations/schemas";
import { consentTextHash } from "./consent";
import { joinCouncilSchema, type JoinCouncilInput } from "./schemas";

/** Looks a council invitation up by its token without using it, for the page that asks for consent. */
export async function findCouncilInvitation(db: Db, token: string, now = new Date()) {
  const parsed = invitationTokenSchema.safeParse(token);
  if (!parsed.success) throw new AppError("NOT_FOUND", "invitationInvalid");
  const [invitation] = await db
    .select({
      id: programInvitations.id,
      email: programInvitations.email,
      locale: programInvitations.locale,
      expiresAt: programInvitations.expiresAt,
      acceptedAt: programInvitations.acceptedAt,
      revokedAt: programInvitations.revokedAt,
      organizationId: programInvitations.organizationId,
      organizationName: organizations.name,
      organizationSlug: organizations.slug,
      councilId: programs.id,
      councilName: programs.name,
      purpose: programs.purpose,
      consentText: programs.consentText,
      councilStatus: programs.status,
    })
    .from(programInvitations)
    .innerJoin(programs, eq(programs.id, programInvitations.programId))
    .innerJoin(organizations, eq(organizations.id, programInvitations.organizationId))
    .where(eq(programInvitations.tokenHash, hashInvitationToken(parsed.data)))
    .limit(1);
  if (!invitation || invitation.revokedAt || invitation.councilStatus !== "active") throw new AppError("NOT_FOUND", "invitationInvalid");
  if (invitation.acceptedAt) throw new AppError("GONE", "invitationUsed");
  if (invitation.expiresAt <= now) throw new AppError("GONE", "invitationExpired");
  return invitation;
}

/**
 * The invitee accepts the consent text and gives their profile: they become (or stay) a member of the
 * organization and an active council member bound to the text they read. The invitation is claimed with
 * a conditional update, so a link used twice at once joins once.
 */
export async function joinCouncil(db: Db, actor: Actor | null, input: JoinCouncilInput, now = new Date()) {
  if (!actor) throw new AppError("UNAUTHENTICATED", "signInRequired");
  // The schema only lets a checked consent through; what is stored is the profile.
  const { token, region, language, ageBand, tenure, selfDescribed } = joinCouncilSchema.parse(input);
  const profile = { region, language, ageBand, tenure, ...(selfDescribed ? { selfDescribed } : {}) };
  const invitation = await findCouncilInvitation(db, token, now);
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, actor.userId)).limit(1);
  if (!user?.email || user.email.toLowerCase() !== invitation.email) throw new AppError("FORBIDDEN", "invitationOtherEmail");

  return db.transaction(async (tx) => {
    const claimed = await tx
      .update(programInvitations)
      .set({ acceptedAt: now })
      .where(and(eq(programInvitations.id, invitation.id), isNull(programInvitations.acceptedAt), isNull(programInvitations.revokedAt)))
      .returning({ id: programInvitations.id });
    if (claimed.length === 0) throw new AppError("GONE", "invitationUsed");
    // The profile becomes the member's segment attributes, which their future responses are split by
    // (past responses keep their own snapshot). An existing member keeps their role.
    const segment = { region, language, ageBand, tenure };
    await tx
      .insert(memberships)
      .values({ organizationId: invitation.organizationId, userId: actor.userId, role: "participant", attributes: segment })
      .onConflictDoUpdate({ target: [memberships.organizationId, memberships.userId], set: { attributes: sql`${memberships.attributes} || ${JSON.stringify(segment)}::jsonb` } });
    const membership = { status: "active" as const, profile, consentTextHash: consentTextHash(invitation.consentText), consentedAt: now, joinedAt: now, leftAt: null };
    await tx
      .insert(programMembers)
      .values({ programId: invitation.councilId, organizationId: invitation.organizationId, userId: actor.userId, ...membership })
      .onConflictDoUpdate({ target: [programMembers.programId, programMembers.userId], set: membership });
    await recordAudit(tx, { organizationId: invitation.organizationId, actorUserId: actor.userId, action: "council.joined", targetType: "program", targetId: invitation.councilId, details: { invitationId: invitation.id } });
    return { organizationSlug: invitation.organizationSlug, councilId: invitation.councilId };
  });
}
