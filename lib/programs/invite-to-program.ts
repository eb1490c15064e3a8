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
import { previewProgramImport, type ProgramInvitee } from "./program-import";
import { csvFileText } from "@/lib/imports/parse-csv-import";
import { CATALOG_NAMESPACE, MANAGE_PERMISSION, type MemberProgramKind } from "./program-kinds";
import { requireProgram } from "./require-program";

export const PROGRAM_INVITATION_TTL_DAYS = 14;

/** Step one of an import: the rows, merged duplicates and row errors of a CSV. Nothing is written. */
export async function previewProgramInvitations(db: Db, actor: Actor | null, orgId: string, kind: MemberProgramKind, csv: string) {
  await requirePermission(db, actor, { id: orgId }, MANAGE_PERMISSION[kind]);
  return previewProgramImport(csvFileText(csv));
}

/** Imports a CSV after its preview: only valid rows are invited; active members are skipped and reported. */
export async function importProgramInvitations(db: Db, actor: Actor | null, orgId: string, program: { kind: MemberProgramKind; id: string }, csv: string, baseUrl: string, now = new Date()) {
  // Who may import is checked before anything about the file is said.
  await requirePermission(db, actor, { id: orgId }, MANAGE_PERMISSION[program.kind]);
  const preview = previewProgramImport(csvFileText(csv));
  if (preview.missingColumns.length > 0 || preview.rows.length === 0) throw new AppError("INVALID", "importNothingToImport");
  const result = await issueProgramInvitations(db, actor, orgId, program, preview.rows, baseUrl, now);
  return { ...result, rowErrors: preview.errors.length, mergedDuplicates: preview.mergedDuplicates };
}

/**
 * Writes one open invitation per address (replacing any earlier open link) in one transaction, then
 * mails each link in the invitee's language, or the program's. Active members are skipped and reported.
 */
export async function issueProgramInvitations(db: Db, actor: Actor | null, orgId: string, program: { kind: MemberProgramKind; id: string }, invitees: ProgramInvitee[], baseUrl: string, now: Date) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, MANAGE_PERMISSION[program.kind]);
  const archivedKey = program.kind === "council" ? "councilArchived" : "panelArchived";
  const { target, invited, skipped } = await db.transaction(async (tx) => {
    const target = await requireProgram(tx, organization.id, program.id, program.kind);
    if (target.status !== "active") throw new AppError("CONFLICT", archivedKey);
    const active = invitees.length
      ? await tx
          .select({ email: users.email })
          .from(programMembers)
          .innerJoin(users, eq(users.id, programMembers.userId))
          .where(and(eq(programMembers.programId, target.id), eq(programMembers.status, "active"), inArray(sql`lower(${users.email})`, invitees.map((invitee) => invitee.email))))
      : [];
    const activeEmails = new Set(active.map((row) => row.email?.toLowerCase()));
    const toInvite = invitees.filter((invitee) => !activeEmails.has(invitee.email));
    if (toInvite.length > 0) {
      await tx
        .update(programInvitations)
        .set({ revokedAt: now })
        .where(and(eq(programInvitations.programId, target.id), inArray(programInvitations.email, toInvite.map((invitee) => invitee.email)), isNull(programInvitations.acceptedAt), isNull(programInvitations.revokedAt)));
    }
    const invited: Array<{ id: string; email: string; token: string; locale: typeof target.defaultLocale; name?: string }> = [];
    for (const invitee of toInvite) {
      const token = newInvitationToken();
      const locale = invitee.locale ?? target.defaultLocale;
      const [created] = await tx
        .insert(programInvitations)
        .values({
          programId: target.id,
          organizationId: organization.id,
          email: invitee.email,
          name: invitee.name ?? null,
          locale,
          tokenHash: hashInvitationToken(token),
          invitedByUserId: actor!.userId,
          expiresAt: new Date(now.getTime() + PROGRAM_INVITATION_TTL_DAYS * 86_400_000),
        })
        .returning({ id: programInvitations.id });
      invited.push({ id: created.id, email: invitee.email, token, locale, name: invitee.name });
    }
    await recordAudit(tx, { organizationId: organization.id, actorUserId: actor!.userId, action: `${program.kind}.members_invited`, targetType: "program", targetId: target.id, details: { invited: invited.length, skipped: activeEmails.size } });
    return { target, invited, skipped: invitees.filter((invitee) => activeEmails.has(invitee.email)).map((invitee) => invitee.email) };
  });

  const namespace = CATALOG_NAMESPACE[program.kind];
  for (const invitation of invited) {
    const t = translatorFor(invitation.locale);
    const link = new URL(`/join/${invitation.token}`, baseUrl).toString();
    const values = { council: target.name, panel: target.name, org: organization.name, link, days: PROGRAM_INVITATION_TTL_DAYS };
    await sendMail(db, { to: invitation.email, subject: t(`${namespace}.mail.subject`, values), text: t(`${namespace}.mail.text`, values) }, { printLocally: true });
  }
  return { invited: invited.map(({ id, email }) => ({ id, email })), skipped };
}
