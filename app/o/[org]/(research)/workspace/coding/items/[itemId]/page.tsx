import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { getCodingItem } from "@/lib/coding/get-coding-item";
import { codebookTags } from "@/lib/coding/list-tags";
import { inboxFiltersSchema } from "@/lib/coding/schemas";
import { isAppError } from "@/lib/errors";
import { CodingView } from "./coding-view";

export default async function CodingItemPage({ params, searchParams }: { params: Promise<{ org: string; itemId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ org, itemId }, rawQuery] = await Promise.all([params, searchParams]);
  const { organization, actor } = await loadOrgPage(org, "insights.code", `/workspace/coding/items/${itemId}`);
  const db = await getDb();
  const filters = inboxFiltersSchema.parse(rawQuery);
  const detail = await getCodingItem(db, actor, { id: organization.id }, itemId, filters).catch((error) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [t, tags] = await Promise.all([getTranslations("coding"), codebookTags(db, organization.id)]);
  return (
    <>
      <PageHeader title={t("itemTitle")} description={t("itemDescription")} />
      <CodingView
        key={detail.item.id}
        orgId={organization.id}
        slug={organization.slug}
        filters={filters}
        item={detail.item}
        highlights={detail.highlights}
        suggestions={detail.suggestions}
        tags={tags.map(({ id, name, color, description }) => ({ id, name, color, description }))}
        previousId={detail.previousId}
        nextId={detail.nextId}
      />
    </>
  );
}
