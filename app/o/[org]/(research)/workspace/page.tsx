import { getTranslations } from "next-intl/server";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { PeopleSummary } from "@/components/org/people-summary";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { countMembersByRole } from "@/lib/organizations/count-members-by-role";

export default async function WorkspacePage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { organization, actor } = await loadOrgPage(org, "workspace.view", "/workspace");
  const [t, counts] = await Promise.all([getTranslations("workspace"), countMembersByRole(await getDb(), actor, organization.id)]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description", { org: organization.name })} />
      <div className="space-y-6">
        <PeopleSummary counts={counts} />
        <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
      </div>
    </>
  );
}
