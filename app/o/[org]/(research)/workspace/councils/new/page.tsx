import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { listSurveyChoices } from "@/lib/councils/list-survey-choices";
import { CreateCouncilForm } from "../create-council-form";

export default async function NewCouncilPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { organization, actor } = await loadOrgPage(org, "councils.manage", "/workspace/councils/new");
  const [t, instruments] = await Promise.all([getTranslations("councils"), listSurveyChoices(await getDb(), actor, organization.id)]);
  return (
    <>
      <PageHeader title={t("newTitle")} description={t("newDescription")} />
      <Card>
        <CreateCouncilForm orgId={organization.id} orgSlug={organization.slug} defaultLocale={organization.defaultLocale} instruments={instruments} />
      </Card>
    </>
  );
}
