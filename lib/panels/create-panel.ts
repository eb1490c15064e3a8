import "server-only";
import type { Db } from "@/db/client";
import { programs } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { writeInitialConsentTexts } from "@/lib/consent/write-initial-consent-texts";
import { translatorFor } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locales";
import { requireKnownQuotas } from "./require-known-quotas";
import { panelSettingsSchema, type PanelSettingsInput } from "./schemas";

/** The consent text a new panel starts with, in its default language: what, why, who sees it, how to leave. */
export function defaultPanelConsentText(locale: Locale, panelName: string): string {
  return translatorFor(locale)("panels.defaultConsent", { panel: panelName });
}

/** Creates a panel: no schedule, members are asked through polls and live sessions when a study needs them. */
export async function createPanel(db: Db, actor: Actor | null, orgId: string, input: PanelSettingsInput, now = new Date()) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "panels.manage");
  const { consentText, ...settings } = panelSettingsSchema.parse(input);
  return db.transaction(async (tx) => {
    await requireKnownQuotas(tx, organization.id, settings.panelQuotas);
    const [panel] = await tx
      .insert(programs)
      .values({
        ...settings,
        organizationId: organization.id,
        kind: "panel",
        cadence: "custom",
        consentText: consentText ?? defaultPanelConsentText(settings.defaultLocale, settings.name),
        // Panels have no cycles; the column only anchors councils' and frontline schedules.
        startsOn: now,
        createdByUserId: actor!.userId,
      })
      .returning({ id: programs.id, name: programs.name, consentText: programs.consentText });
    await writeInitialConsentTexts(tx, { id: panel.id, organizationId: organization.id, name: panel.name, defaultLocale: settings.defaultLocale, consentText: panel.consentText }, actor!.userId, now);
    await recordAudit(tx, { organizationId: organization.id, actorUserId: actor!.userId, action: "panel.created", targetType: "program", targetId: panel.id });
    return { id: panel.id, name: panel.name };
  });
}
