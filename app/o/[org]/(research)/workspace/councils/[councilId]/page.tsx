import { getTranslations } from "next-intl/server";
import { CycleList } from "@/components/cycles/cycle-list";
import { ConsentSettings } from "@/components/consent/consent-settings";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { getProgramConsent } from "@/lib/consent/get-program-consent";
import { publishConsentTextAction, setDataUsePromisesAction } from "../../consent/actions";
import { CouncilSettingsForm } from "./settings-form";
import { loadCouncilPage } from "./load-council";

export default async function CouncilOverviewPage({ params }: { params: Promise<{ org: string; councilId: string }> }) {
  const { org, councilId } = await params;
  const { organization, actor, council } = await loadCouncilPage(org, councilId);
  const [t, consent] = await Promise.all([getTranslations("councils"), getProgramConsent(await getDb(), actor, organization.id, "council", council.id)]);
  const saved: Record<string, string> = {
    name: council.name,
    purpose: council.purpose,
    defaultLocale: council.defaultLocale,
    cadence: council.cadence,
    cadenceMonths: String(council.cadenceMonths),
    openDay: String(council.openDay),
    openForDays: String(council.openForDays),
    maxReminders: String(council.maxReminders),
    reminderEveryDays: String(council.reminderEveryDays),
    targetSize: council.targetSize ? String(council.targetSize) : "",
    ...Object.fromEntries(council.compositionTargets.map((target) => [`target.${target.attribute}.${target.value}`, String(target.share)])),
  };
  return (
    <div className="space-y-6">
      <Card>
        <h2 className="mb-3 text-lg font-semibold">{t("sessionsTitle")}</h2>
        <CycleList orgSlug={organization.slug} programId={council.id} />
      </Card>
      <Card>
        <h2 className="mb-4 text-lg font-semibold">{t("settingsTitle")}</h2>
        <CouncilSettingsForm orgId={organization.id} councilId={council.id} saved={saved} />
      </Card>
      <ConsentSettings orgId={organization.id} kind="council" programId={council.id} consent={consent} publishAction={publishConsentTextAction} promisesAction={setDataUsePromisesAction} />
    </div>
  );
}
