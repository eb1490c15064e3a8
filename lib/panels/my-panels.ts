import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { programMembers, programs } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { leaveProgram } from "@/lib/programs/leave-program";
import { renewProgramConsent } from "@/lib/programs/renew-program-consent";
import { optionalAnswersFromForm } from "@/lib/consent/schemas";
import { panelIdSchema } from "./schemas";

/** The panels the signed-in person belongs to, for their portal. */
export async function listMyPanels(db: Db, actor: Actor | null, orgId: string) {
  const { organization, userId } = await requirePermission(db, actor, { id: orgId }, "org.view");
  return db
    .select({ id: programs.id, name: programs.name, purpose: programs.purpose, consentText: programs.consentText, joinedAt: programMembers.joinedAt, memberStatus: programMembers.status })
    .from(programMembers)
    .innerJoin(programs, eq(programs.id, programMembers.programId))
    .where(and(eq(programMembers.organizationId, organization.id), eq(programMembers.userId, userId), inArray(programMembers.status, ["active", "pending_consent"]), eq(programs.status, "active"), eq(programs.kind, "panel")))
    .orderBy(asc(programs.name));
}

/** A member leaves a panel at any time; what they already answered stays. */
export async function leavePanel(db: Db, actor: Actor | null, orgId: string, input: unknown, now = new Date()) {
  const { panelId } = panelIdSchema.parse(input);
  await leaveProgram(db, actor, orgId, "panel", panelId, now);
}

/** A member accepts the panel's changed consent text and takes part again. */
export async function renewPanelConsent(db: Db, actor: Actor | null, orgId: string, input: unknown, now = new Date()) {
  const { panelId } = panelIdSchema.parse(input);
  await renewProgramConsent(db, actor, orgId, "panel", panelId, now, optionalAnswersFromForm(input as Record<string, string>));
}
