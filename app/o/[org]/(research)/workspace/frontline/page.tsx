import { getTranslations } from "next-intl/server";
import { CycleList } from "@/components/cycles/cycle-list";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { getFrontlineProgram } from "@/lib/frontline/get-frontline-program";
import { FrontlineSettingsForm } from "./frontline-settings-form";

const DEFAULTS = { openDay: 1, openForDays: 7, maxReminders: 2, reminderEveryDays: 3, isActive: true };

export default async function FrontlinePage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { organization, actor } = await loadOrgPage(org, "frontline.manage", "/workspace/frontline");
  const [t, program] = await Promise.all([getTranslations("cycles"), getFrontlineProgram(await getDb(), actor, organization.id)]);
  const settings = program ? { ...program, isActive: program.status === "active" } : DEFAULTS;
  return (
    <>
      <PageHeader title={t("frontlineTitle")} description={t("frontlineDescription")} />
      <Card className="mb-6" aria-labelledby="frontline-settings-title">
        <h2 id="frontline-settings-title" className="mb-1 text-lg font-semibold">{t("settingsTitle")}</h2>
        <p className="mb-4 text-sm text-muted">{program ? t("settingsExisting") : t("settingsFirst")}</p>
        <FrontlineSettingsForm orgId={organization.id} settings={settings} />
      </Card>
      <h2 className="mb-3 text-lg font-semibold">{t("cyclesTitle")}</h2>
      {program ? <CycleList orgSlug={organization.slug} programId={program.id} /> : <p className="text-sm text-muted">{t("listEmpty")}</p>}
    </>
  );
}
