import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { programs } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { writeConsentVersion } from "@/lib/consent/publish-consent-text";
import { AppError } from "@/lib/errors";
import { updateCouncilSchema, type UpdateCouncilInput } from "./schemas";

/**
 * Changes a council's settings; sessions already scheduled keep their dates, later ones follow the new cadence.
 * A changed consent text is published as a new material version of the research purpose, which puts
 * active members back to pending consent until they accept it.
 */
export async function updateCouncil(db: Db, actor: Actor | null, orgId: string, input: UpdateCouncilInput) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "councils.manage");
  const { councilId, consentText, cadenceMonths, ...settings } = updateCouncilSchema.parse(input);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ consentText: programs.consentText })
      .from(programs)
      .where(and(eq(programs.id, councilId), eq(programs.organizationId, organization.id), eq(programs.kind, "council")))
      .for("update");
    if (!before) throw new AppError("NOT_FOUND", "notFound");
    const isConsentChanged = consentText !== undefined && consentText !== before.consentText;
    const [updated] = await tx
      .update(programs)
      .set({ ...settings, ...(cadenceMonths ? { cadenceMonths } : {}) })
      .where(and(eq(programs.id, councilId), eq(programs.organizationId, organization.id), eq(programs.kind, "council")))
      .returning({ id: programs.id });
    if (!updated) throw new AppError("NOT_FOUND", "notFound");
    // Consent covers the text that was read: after a change, members take part again only once they accept the new one.
    if (isConsentChanged) await writeConsentVersion(tx, { organizationId: organization.id, programId: councilId, purpose: "research", body: consentText, isMaterial: true, actorUserId: actor!.userId });
    await recordAudit(tx, { organizationId: organization.id, actorUserId: actor!.userId, action: "council.updated", targetType: "program", targetId: councilId, details: { consentChanged: isConsentChanged } });
    return updated;
  });
}
