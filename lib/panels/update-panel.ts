import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { programs } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { writeConsentVersion } from "@/lib/consent/publish-consent-text";
import { AppError } from "@/lib/errors";
import { requireKnownQuotas } from "./require-known-quotas";
import { updatePanelSchema, type UpdatePanelInput } from "./schemas";

/** Changes a panel's settings; a changed consent text puts active members back to pending consent, as for councils. */
export async function updatePanel(db: Db, actor: Actor | null, orgId: string, input: UpdatePanelInput) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "panels.manage");
  const { panelId, consentText, targetSize, ...settings } = updatePanelSchema.parse(input);
  const ofPanel = and(eq(programs.id, panelId), eq(programs.organizationId, organization.id), eq(programs.kind, "panel"));
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ consentText: programs.consentText }).from(programs).where(ofPanel).for("update");
    if (!before) throw new AppError("NOT_FOUND", "notFound");
    await requireKnownQuotas(tx, organization.id, settings.panelQuotas);
    const isConsentChanged = consentText !== undefined && consentText !== before.consentText;
    const [updated] = await tx.update(programs).set({ ...settings, targetSize: targetSize ?? null }).where(ofPanel).returning({ id: programs.id });
    // Consent covers the text that was read: after a change, members take part again only once they accept the new one.
    if (isConsentChanged) await writeConsentVersion(tx, { organizationId: organization.id, programId: panelId, purpose: "research", body: consentText, isMaterial: true, actorUserId: actor!.userId });
    await recordAudit(tx, { organizationId: organization.id, actorUserId: actor!.userId, action: "panel.updated", targetType: "program", targetId: panelId, details: { consentChanged: isConsentChanged } });
    return updated;
  });
}
