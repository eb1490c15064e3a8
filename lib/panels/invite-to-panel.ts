import "server-only";
import { and, eq, isNotNull, notInArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { memberships, programMembers, programs, users } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { hasEffectiveConsent } from "@/lib/consent/consent-sql";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { importProgramInvitations, issueProgramInvitations, previewProgramInvitations } from "@/lib/programs/invite-to-program";
import { programInviteeSchema } from "@/lib/programs/program-import";
import { requireProgram } from "@/lib/programs/require-program";
import { panelIdSchema } from "./schemas";

const inviteToPanelSchema = z.intersection(panelIdSchema, programInviteeSchema);

/** Invites one customer to a panel; an address that is already an active member is refused. */
export async function inviteToPanel(db: Db, actor: Actor | null, orgId: string, input: unknown, baseUrl: string, now = new Date()) {
  const { panelId, ...invitee } = inviteToPanelSchema.parse(input);
  const result = await issueProgramInvitations(db, actor, orgId, { kind: "panel", id: panelId }, [invitee], baseUrl, now);
  if (result.skipped.length > 0) throw new AppError("CONFLICT", "alreadyPanelMember", { email: "alreadyPanelMember" });
  return result.invited[0];
}

export function previewPanelInvitations(db: Db, actor: Actor | null, orgId: string, csv: string) {
  return previewProgramInvitations(db, actor, orgId, "panel", csv);
}

export async function importPanelInvitations(db: Db, actor: Actor | null, orgId: string, input: { panelId: string; csv: string }, baseUrl: string, now = new Date()) {
  const { panelId } = panelIdSchema.parse(input);
  return importProgramInvitations(db, actor, orgId, { kind: "panel", id: panelId }, input.csv, baseUrl, now);
}

/**
 * Active council members of the organization who granted their council's "panels" consent purpose, and are not
 * already in this panel, with the language they gave so their invitation is written in it.
 */
export async function listCouncilOptIns(db: Db, actor: Actor | null, orgId: string, panelId: string) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "panels.manage");
  const panel = await requireProgram(db, organization.id, panelId, "panel");
  const inPanel = db.select({ userId: programMembers.userId }).from(programMembers).where(and(eq(programMembers.programId, panel.id), eq(programMembers.status, "active")));
  const rows = await db
    .selectDistinctOn([users.email], { email: users.email, name: users.name, language: sql<string | null>`${programMembers.profile}->>'language'` })
    .from(programMembers)
    .innerJoin(programs, eq(programs.id, programMembers.programId))
    .innerJoin(users, eq(users.id, programMembers.userId))
    // Someone no longer in the organization is not asked again.
    .innerJoin(memberships, and(eq(memberships.organizationId, organization.id), eq(memberships.userId, programMembers.userId), sql`${memberships.deactivatedAt} is null`))
    .where(
      and(
        eq(programs.organizationId, organization.id),
        eq(programs.kind, "council"),
        eq(programMembers.status, "active"),
        hasEffectiveConsent(programMembers.programId, programMembers.userId, "panels"),
        isNotNull(users.email),
        notInArray(programMembers.userId, inPanel),
      ),
    )
    .orderBy(users.email);
  return rows.map((row) => ({ email: row.email!.toLowerCase(), name: row.name ?? undefined, locale: (["en", "pl", "ru"].includes(row.language ?? "") ? row.language : undefined) as Locale | undefined }));
}

/** Sends panel invitations, through the same flow as any other, to every council member who opted in and is not in the panel yet. */
export async function inviteCouncilOptIns(db: Db, actor: Actor | null, orgId: string, input: unknown, baseUrl: string, now = new Date()) {
  const { panelId } = panelIdSchema.parse(input);
  const optIns = await listCouncilOptIns(db, actor, orgId, panelId);
  if (optIns.length === 0) throw new AppError("INVALID", "noCouncilOptIns");
  return issueProgramInvitations(db, actor, orgId, { kind: "panel", id: panelId }, optIns, baseUrl, now);
}

