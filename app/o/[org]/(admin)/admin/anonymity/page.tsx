import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { loadOrgPage } from "@/lib/auth/org-page";
import { ThresholdsForm } from "./thresholds-form";

export default async function AnonymitySettingsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { organization } = await loadOrgPage(org, "org.manage", "/admin/anonymity");
  const t = await getTranslations("anonymity");
  return (
    <>
      <PageHeader title={t("settingsTitle")} description={t("settingsDescription")} />
      <Card>
        <ThresholdsForm orgId={organization.id} current={{ minGroupSize: organization.minGroupSize, minCommentGroupSize: organization.minCommentGroupSize }} />
      </Card>
    </>
  );
}
