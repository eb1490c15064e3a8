import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { programConsentTexts, programMembers, programs } from "@/db/schema";
import type { ConsentPurpose } from "@/db/schema/privacy";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { MANAGE_PERMISSION } from "@/lib/programs/program-kinds";
import { lockConsentProgram } from "./consent-program";
import { publishConsentTextSchema, type PublishConsentTextInput } from "./schemas";

/** A researcher publishes a new version of one purpose's consent text of a council or panel. */
export async function publishConsentText(db: Db, actor: Actor | null, orgId: string, input: PublishConsentTextInput, now = new Date()) {
  const parsed = publishConsentTextSchema.parse(input);
  const { organization, userId } = await requirePermission(db, actor, { id: orgId }, MANAGE_PERMISSION[parsed.kind]);
  return db.transaction(async (tx) => {
    const program = await lockConsentProgram(tx, organization.id, parsed.kind, parsed.programId);
    return writeConsentVersion(tx, { organizationId: organization.id, programId: program.id, purpose: parsed.purpose, body: parsed.body, isMaterial: parsed.isMaterial, actorUserId: userId }, now);
  });
}

/**
 * Appends the next version of a purpose's text, inside the caller's transaction (which holds the
 * program row). Research stays mirrored in `programs.consent_text`, which the join and portal pages
 * read; a material research change puts active members back to pending consent until they accept it
 * (the one place that does so, for councils and panels alike). The first version is always material.
 */
export async function writeConsentVersion(
  tx: Db,
  text: { organizationId: string; programId: string; purpose: ConsentPurpose; body: string; isMaterial: boolean; actorUserId: string | null },
  now = new Date(),
) {
  const [latest] = await tx
    .select({ version: sql<number | null>`max(${programConsentTexts.version})::int` })
    .from(programConsentTexts)
    .where(and(eq(programConsentTexts.programId, text.programId), eq(programConsentTexts.purpose, text.purpose)));
  const version = Number(latest?.version ?? 0) + 1;
  const isMaterial = version === 1 || text.isMaterial;
  await tx.insert(programConsentTexts).values({ organizationId: text.organizationId, programId: text.programId, purpose: text.purpose, version, body: text.body, isMaterial, createdByUserId: text.actorUserId, createdAt: now });
  if (text.purpose === "research") {
    await tx.update(programs).set({ consentText: text.body }).where(eq(programs.id, text.programId));
    if (isMaterial && version > 1) await tx.update(programMembers).set({ status: "pending_consent" }).where(and(eq(programMembers.programId, text.programId), eq(programMembers.status, "active")));
  }
  await recordAudit(tx, { organizationId: text.organizationId, actorUserId: text.actorUserId, action: "consent.text_published", targetType: "program", targetId: text.programId, details: { purpose: text.purpose, version, material: isMaterial } });
  return { purpose: text.purpose, version, isMaterial };
}
