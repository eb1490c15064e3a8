import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { programInvitations, programMembers, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { translatorFor } from "@/lib/i18n/messages";
import { sendMail } from "@/lib/mail/send-mail";
import { hashInvitationToken, newInvitationToken } from "@/lib/organizations/invitation-token";
import { previewCouncilImport, MAX_COUNCIL_IMPORT_BYTES } from "./council-import";
import { requireCouncil } from "./require-council";
import { councilIdSchema, inviteToCouncilSchema, type CouncilInvitee } from "./schemas";

export const COUNCIL_INVITATION_TTL_DAYS = 14;

/** Invites one customer; an address that is already an active member is refused. */
export async function inviteToCouncil(db: Db, actor: Actor | null, orgId: string, input: unknown, baseUrl: string, now = new Date()) {
  const { councilId, ...invitee } = inviteToCouncilSchema.parse(input);
  const result = await issueCouncilInvitations(db, actor, orgId, councilId, [invitee], baseUrl, now);
  if (result.skipped.length > 0) throw new AppError("CONFLICT", "alreadyCouncilMember", { email: "alreadyCouncilMember" });
  return result.invited[0];
}

/** Step one of an import: the rows, merged duplicates and row errors of a CSV. Nothing is written. */
export async function previewCouncilInvitations(db: Db, actor: Actor | null, orgId: string, csv: string) {
  await requirePermission(db, actor, { id: orgId }, "councils.manage");
  if (csv.length > MAX_COUNCIL_IMPORT_BYTES) throw new AppError("INVALID", "importTooLarge");
  return previewCouncilImport(csv);
}

/** Imports a CSV after its preview: only valid rows are invited; active members are skipped and reported. */
export async function importCouncilInvitations(db: Db, actor: Actor | null, orgId: string, input: { councilId: string; csv: string }, baseUrl: string, now = new Date()) {
  const { councilId } = councilIdSchema.parse(input);
  if (input.csv.length > MAX_COUNCIL_IMPORT_BYTES) throw new AppError("INVALID", "importTooLarge");
  const preview = previewCouncilImport(input.csv);
  if (preview.missingColumns.length > 0 || preview.rows.length === 0) throw new AppError("INVALID", "importNothingToImport");
  const result = await issueCouncilInvitations(db, actor, orgId, councilId, preview.rows, baseUrl, now);
  return { ...result, rowErrors: preview.errors.length, mergedDuplicates: preview.mergedDuplicates };
}

/**
 * Writes one open invitation per address (replacing any earlier open link) in one transaction, then
 * mails each link in the invitee's language, or the council's.
 */
async function issueCouncilInvitations(db: Db, actor: Actor | null, orgId: string, councilId: string, invitees: CouncilInvitee[], baseUrl: string, now: Date) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "councils.manage");
  const { council, invited, skipped } = await db.transaction(async (tx) => {
    const council = await requireCouncil(tx, organization.id, councilId);
    if (council.status !== "active") throw new AppError("CONFLICT", "councilArchived");
    const active = await tx
      .select({ email: users.email })
      .from(programMembers)
      .innerJoin(users, eq(users.id, programMembers.userId))
      .where(and(eq(programMembers.programId, council.id), eq(programMembers.status, "active"), inArray(sql`lower(${users.email})`, invitees.map((invitee) => invitee.email))));
    const activeEmails = new Set(active.map((row) => row.email?.toLowerCase()));
    const toInvite = invitees.filter((invitee) => !activeEmails.has(invitee.email));
    if (toInvite.length > 0) {
      await tx
        .update(programInvitations)
        .set({ revokedAt: now })
        .where(and(eq(programInvitations.programId, council.id), inArray(programInvitations.email, toInvite.map((invitee) => invitee.email)), isNull(programInvitations.acceptedAt), isNull(programInvitations.revokedAt)));
    }
    const invited: Array<{ id: string; email: string; token: string; locale: typeof council.defaultLocale; name?: string }> = [];
    for (const invitee of toInvite) {
      const token = newInvitationToken();
      const locale = invitee.locale ?? council.defaultLocale;
      const [created] = await tx
        .insert(programInvitations)
        .values({
          programId: council.id,
          organizationId: organization.id,
          email: invitee.email,
          name: invitee.name ?? null,
          locale,
          tokenHash: hashInvitationToken(token),
          invitedByUserId: actor!.userId,
          expiresAt: new Date(now.getTime() + COUNCIL_INVITATION_TTL_DAYS * 86_400_000),
        })
        .returning({ id: programInvitations.id });
      invited.push({ id: created.id, email: invitee.email, token, locale, name: invitee.name });
    }
    await recordAudit(tx, { organizationId: organization.id, actorUserId: actor!.userId, action: "council.members_invited", targetType: "program", targetId: council.id, details: { invited: invited.length, skipped: activeEmails.size } });
    return { council, invited, skipped: invitees.filter((invitee) => activeEmails.has(invitee.email)).map((invitee) => invitee.email) };
  });

  for (const invitation of invited) {
    const t = translatorFor(invitation.locale);
    const link = new URL(`/join/${invitation.token}`, baseUrl).toString();
    await sendMail(db, {
      to: invitation.email,
      subject: t("councils.mail.subject", { council: council.name, org: organization.name }),
      text: t("councils.mail.text", { council: council.name, org: organization.name, link, days: COUNCIL_INVITATION_TTL_DAYS }),
    });
  }
  return { invited: invited.map(({ id, email }) => ({ id, email })), skipped };
}
