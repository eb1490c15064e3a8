import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { PeopleSummary } from "@/components/org/people-summary";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { countMembersByRole } from "@/lib/organizations/count-members-by-role";

export default async function WorkspacePage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { organization, actor } = await loadOrgPage(org, "workspace.view", "/workspace");
  const [t, ti, counts] = await Promise.all([getTranslations("workspace"), getTranslations("instruments"), countMembersByRole(await getDb(), actor, organization.id)]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description", { org: organization.name })} />
      <div className="space-y-6">
        <PeopleSummary counts={counts} />
        <Card>
          <h2 className="text-lg font-semibold">
            <Link href={`/o/${organization.slug}/workspace/instruments`} className="text-primary underline-offset-2 hover:underline">
              {ti("workspaceLink")}
            </Link>
          </h2>
          <p className="mt-1 text-sm text-muted">{ti("workspaceLinkBody")}</p>
        </Card>
        <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
      </div>
    </>
  );
}
