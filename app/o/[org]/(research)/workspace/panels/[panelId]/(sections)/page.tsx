import { getTranslations } from "next-intl/server";
import { labelAttributes } from "@/components/panels/attribute-labels";
import { PanelForm } from "@/components/panels/panel-form";
import { ConsentSettings } from "@/components/consent/consent-settings";
import { Card } from "@/components/ui/card";
import { getProgramConsent } from "@/lib/consent/get-program-consent";
import { publishConsentTextAction, setDataUsePromisesAction } from "../../../consent/actions";
import { getDb } from "@/db/client";
import { attributeDefinitions, listPanelAttributes } from "@/lib/panels/panel-attributes";
import { updatePanelAction } from "../../actions";
import { loadPanelPage } from "../load-panel";

export default async function PanelOverviewPage({ params }: { params: Promise<{ org: string; panelId: string }> }) {
  const { org, panelId } = await params;
  const { organization, actor, panel } = await loadPanelPage(org, panelId);
  const db = await getDb();
  const [t, custom, consent] = await Promise.all([getTranslations("panels"), listPanelAttributes(db, actor, organization.id), getProgramConsent(db, actor, organization.id, "panel", panel.id)]);
  const saved: Record<string, string> = {
    name: panel.name,
    purpose: panel.purpose,
    defaultLocale: panel.defaultLocale,
    targetSize: panel.targetSize ? String(panel.targetSize) : "",
    ...Object.fromEntries(panel.panelQuotas.map((quota) => [`quota.${quota.attribute}.${quota.value}`, String(quota.minShare)])),
  };
  return (
    <div className="space-y-6">
      <Card>
        <h2 className="text-lg font-semibold">{t("sizeTitle")}</h2>
        <p className="mt-1 text-2xl font-semibold tabular-nums" data-testid="panel-size">
          {panel.targetSize ? t("membersOfTarget", { count: panel.activeMembers, target: panel.targetSize }) : t("activeMembers", { count: panel.activeMembers })}
        </p>
      </Card>
      <Card>
        <h2 className="mb-4 text-lg font-semibold">{t("settingsTitle")}</h2>
        <PanelForm action={updatePanelAction} hidden={{ orgId: organization.id, panelId: panel.id }} saved={saved} attributes={await labelAttributes(attributeDefinitions(custom))} isNew={false} />
      </Card>
      <ConsentSettings orgId={organization.id} kind="panel" programId={panel.id} consent={consent} publishAction={publishConsentTextAction} promisesAction={setDataUsePromisesAction} />
    </div>
  );
}
