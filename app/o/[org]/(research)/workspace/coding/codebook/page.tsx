import { getTranslations } from "next-intl/server";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { listTags } from "@/lib/coding/list-tags";
import { CodingTabs } from "../coding-tabs";
import { CodebookRow, CreateTagForm } from "./codebook-forms";

export default async function CodebookPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { organization, actor } = await loadOrgPage(org, "insights.code", "/workspace/coding/codebook");
  const [t, tags] = await Promise.all([getTranslations("coding"), listTags(await getDb(), actor, { id: organization.id })]);
  const targets = tags.map((tag) => ({ value: tag.id, label: tag.name }));
  return (
    <>
      <PageHeader title={t("codebookTitle")} description={t("codebookDescription")} />
      <CodingTabs slug={organization.slug} current="codebook" />
      <div className="space-y-4">
        <Card aria-labelledby="new-tag-title" className="space-y-3">
          <h2 id="new-tag-title" className="text-lg font-semibold">{t("newTagTitle")}</h2>
          <CreateTagForm orgId={organization.id} />
        </Card>
        {tags.length === 0 ? (
          <EmptyState title={t("codebookEmptyTitle")}>{t("codebookEmptyBody")}</EmptyState>
        ) : (
          <ol className="space-y-3" aria-label={t("codebookListLabel")} data-testid="codebook">
            {tags.map((tag, index) => (
              <CodebookRow key={`${tag.id}-${tag.name}-${tag.color}-${tag.description}-${tag.applications}`} orgId={organization.id} tag={tag} index={index} count={tags.length} targets={targets.filter((target) => target.value !== tag.id)} />
            ))}
          </ol>
        )}
      </div>
    </>
  );
}
