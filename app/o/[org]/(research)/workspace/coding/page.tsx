import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { filterQuery } from "@/components/coding/filter-query";
import { InboxFilterForm } from "@/components/coding/inbox-filter-form";
import { ItemMeta } from "@/components/coding/item-meta";
import { TagChip } from "@/components/coding/tag-chip";
import { Alert, Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { inboxFilterOptions, listInbox } from "@/lib/coding/list-inbox";
import { codebookTags } from "@/lib/coding/list-tags";
import { inboxQuerySchema } from "@/lib/coding/schemas";
import { syncCodingItems } from "@/lib/coding/sync-coding-items";
import { CodingTabs } from "./coding-tabs";

export default async function CodingInboxPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ org }, rawQuery] = await Promise.all([params, searchParams]);
  const { organization, actor } = await loadOrgPage(org, "insights.code", "/workspace/coding");
  const db = await getDb();
  const { cursor, ...filters } = inboxQuerySchema.parse(rawQuery);
  // Bounded: each load brings in and reads at most a batch of new texts.
  const sync = await syncCodingItems(db, organization.id);
  const [t, page, options, tags] = await Promise.all([getTranslations("coding"), listInbox(db, actor, { id: organization.id }, { ...filters, cursor }), inboxFilterOptions(db, organization.id), codebookTags(db, organization.id)]);
  const isFiltered = Object.values(filters).some(Boolean);
  const base = `/o/${organization.slug}/workspace/coding`;
  return (
    <>
      <PageHeader title={t("inboxTitle")} description={t("inboxDescription")} />
      <CodingTabs slug={organization.slug} current="inbox" />
      {sync.pending > 0 && <div className="mb-4"><Alert tone="warning">{t("pending", { count: sync.pending })}</Alert></div>}
      <Card className="mb-4">
        <InboxFilterForm
          values={filters}
          programs={options.programs.map((program) => ({ value: program.id, label: program.name }))}
          languages={options.languages}
          segments={options.segments}
          tags={tags.map((tag) => ({ value: tag.id, label: tag.name }))}
          clearHref={base}
        />
      </Card>
      {page.items.length === 0 ? (
        <EmptyState title={isFiltered || cursor ? t("emptyFilteredTitle") : t("emptyTitle")}>{isFiltered ? t("emptyFilteredBody") : t("emptyBody")}</EmptyState>
      ) : (
        <ol className="space-y-3" aria-label={t("itemsLabel")} data-testid="coding-inbox">
          {page.items.map((item) => (
            <li key={item.id}>
              <Card className="space-y-2 p-4" data-testid="coding-item">
                <p className="line-clamp-4 whitespace-pre-wrap" data-user-content lang={item.language ?? undefined}>{item.text}</p>
                <ItemMeta source={item.source} programName={item.programName} saidAt={item.saidAt} attributes={item.attributes} language={item.language} />
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  {item.sentiment && item.sentimentStatus !== "dismissed" && (
                    <Badge tone={item.sentimentStatus === "accepted" ? "success" : "neutral"}>
                      {item.sentimentStatus === "accepted" ? t("sentimentAccepted", { sentiment: t(`sentiment.${item.sentiment}`) }) : t("sentimentSuggested", { sentiment: t(`sentiment.${item.sentiment}`) })}
                    </Badge>
                  )}
                  {item.tags.map((tag) => <TagChip key={tag.id} tag={tag} />)}
                  {item.isCodedByMe && <Badge tone="success">{t("codedByYou")}</Badge>}
                  <Link href={`${base}/items/${item.id}${filterQuery(filters)}`} className="ml-auto font-medium text-primary underline-offset-2 hover:underline">
                    {t("codeItem")}
                  </Link>
                </div>
              </Card>
            </li>
          ))}
        </ol>
      )}
      <nav aria-label={t("pagesLabel")} className="mt-4 flex flex-wrap justify-between gap-2 text-sm">
        {cursor ? <Link href={`${base}${filterQuery(filters)}`} className="text-primary underline">{t("firstPage")}</Link> : <span />}
        {page.nextCursor && <Link href={`${base}${filterQuery(filters, { cursor: page.nextCursor })}`} className="text-primary underline">{t("nextPage")}</Link>}
      </nav>
    </>
  );
}
