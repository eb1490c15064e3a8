import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { memberships, organizations, panelAttributes, programInvitations, programMembers, programs, users } from "@/db/schema";
import type { MemberProfile } from "@/db/schema/programs";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/authz/require-permission";
import { appendConsentRecord, appendOptionalAnswers } from "@/lib/consent/record-consent";
import { optionalAnswersSchema } from "@/lib/consent/schemas";
import { consentTextHash } from "@/lib/councils/consent";
import { joinCouncilSchema } from "@/lib/councils/schemas";
import { AppError } from "@/lib/errors";
import { hashInvitationToken } from "@/lib/organizations/invitation-token";
import { invitationTokenSchema } from "@/lib/organizations/schemas";

/**
 * What the join form sends: consent to research, a yes or no per optional purpose (`purposes`), the
 * profile, and for panels the organization's own attributes (`custom`).
 */
export const joinProgramSchema = joinCouncilSchema.extend({
  purposes: optionalAnswersSchema,
  /** The earlier form's "ask me to join panels too": the same answer as `purposes.panels = yes`. */
  panelOptIn: z.preprocess((value) => value === "yes" || value === true, z.boolean()).optional(),
  custom: z.record(z.string(), z.string()).default({}),
});
export type JoinProgramInput = z.input<typeof joinProgramSchema>;

/** Looks an invitation to a council or panel up by its token without using it, for the page that asks for consent. */
export async function findProgramInvitation(db: Db, token: string, now = new Date()) {
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
      programId: programs.id,
      programKind: programs.kind,
      programName: programs.name,
      purpose: programs.purpose,
      consentText: programs.consentText,
      dataUsePromises: programs.dataUsePromises,
      programStatus: programs.status,
    })
    .from(programInvitations)
    .innerJoin(programs, eq(programs.id, programInvitations.programId))
    .innerJoin(organizations, eq(organizations.id, programInvitations.organizationId))
    .where(eq(programInvitations.tokenHash, hashInvitationToken(parsed.data)))
    .limit(1);
  if (!invitation || invitation.revokedAt || invitation.programStatus !== "active" || invitation.programKind === "frontline") throw new AppError("NOT_FOUND", "invitationInvalid");
  if (invitation.acceptedAt) throw new AppError("GONE", "invitationUsed");
  if (invitation.expiresAt <= now) throw new AppError("GONE", "invitationExpired");
  return { ...invitation, programKind: invitation.programKind as "council" | "panel" };
}

/** The organization's own profile attributes a panel member answers on joining. */
export async function listJoinAttributes(db: Db, orgId: string) {
  return db.select({ key: panelAttributes.key, label: panelAttributes.label, values: panelAttributes.values }).from(panelAttributes).where(eq(panelAttributes.organizationId, orgId)).orderBy(asc(panelAttributes.label));
}

/**
 * The invitee accepts the consent text and gives their profile: they become (or stay) a member of the
 * organization and an active council or panel member bound to the text they read. The invitation is
 * claimed with a conditional update, so a link used twice at once joins once.
 */
export async function joinProgram(db: Db, actor: Actor | null, input: JoinProgramInput, now = new Date()) {
  if (!actor) throw new AppError("UNAUTHENTICATED", "signInRequired");
  // The schema only lets a checked consent through; what is stored is the profile.
  const { token, region, language, ageBand, tenure, selfDescribed, panelOptIn, purposes, custom: answers } = joinProgramSchema.parse(input);
  const invitation = await findProgramInvitation(db, token, now);
  const custom = invitation.programKind === "panel" ? checkCustomAnswers(await listJoinAttributes(db, invitation.organizationId), answers) : {};
  const profile: MemberProfile = {
    region, language, ageBand, tenure,
    ...(selfDescribed ? { selfDescribed } : {}),
    ...(Object.keys(custom).length > 0 ? { custom } : {}),
  };
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
    const segment = { region, language, ageBand, tenure, ...custom };
    await tx
      .insert(memberships)
      .values({ organizationId: invitation.organizationId, userId: actor.userId, role: "participant", attributes: segment })
      .onConflictDoUpdate({ target: [memberships.organizationId, memberships.userId], set: { attributes: sql`${memberships.attributes} || ${JSON.stringify(segment)}::jsonb` } });
    const membership = { status: "active" as const, profile, consentTextHash: consentTextHash(invitation.consentText), consentedAt: now, joinedAt: now, leftAt: null };
    await tx
      .insert(programMembers)
      .values({ programId: invitation.programId, organizationId: invitation.organizationId, userId: actor.userId, ...membership })
      .onConflictDoUpdate({ target: [programMembers.programId, programMembers.userId], set: membership });
    // Each purpose answered is recorded at its current version; research is the one the form requires.
    const member = { organizationId: invitation.organizationId, programId: invitation.programId, userId: actor.userId };
    await appendConsentRecord(tx, { ...member, purpose: "research", granted: true }, now);
    await appendOptionalAnswers(tx, member, { ...purposes, panels: purposes.panels ?? (panelOptIn ? "yes" : undefined) }, now);
    await recordAudit(tx, { organizationId: invitation.organizationId, actorUserId: actor.userId, action: `${invitation.programKind}.joined`, targetType: "program", targetId: invitation.programId, details: { invitationId: invitation.id } });
    return { organizationSlug: invitation.organizationSlug, programId: invitation.programId, kind: invitation.programKind };
  });
}

/** Every organization attribute needs one of its values; field errors are keyed `custom.<key>` like the form's inputs. */
function checkCustomAnswers(attributes: Array<{ key: string; values: string[] }>, answers: Record<string, string>): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  const custom: Record<string, string> = {};
  for (const attribute of attributes) {
    const answer = answers[attribute.key];
    if (answer && attribute.values.includes(answer)) custom[attribute.key] = answer;
    else fieldErrors[`custom.${attribute.key}`] = "choiceRequired";
  }
  if (Object.keys(fieldErrors).length > 0) throw new AppError("INVALID", "invalid", fieldErrors);
  return custom;
}

/** Form inputs named `custom.<key>` gathered into the answers `joinProgram` expects. */
export function customAnswersFromForm(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => key.startsWith("custom.")).map(([key, value]) => [key.slice("custom.".length), value]));
}
