import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { ButtonLink } from "@/components/ui/button-link";
import { SelectField } from "@/components/ui/field";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { listInsights } from "@/lib/insights/get-insight";
import { evidenceCount } from "@/lib/insights/insight-voices";
import { INSIGHT_STATUSES } from "@/lib/insights/schemas";

export default async function InsightsPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { org } = await params;
  const query = await searchParams;
  const { organization, actor } = await loadOrgPage(org, "insights.view", "/insights");
  const shownStatus = INSIGHT_STATUSES.find((candidate) => candidate === query.status);
  const [t, format, list] = await Promise.all([getTranslations("insights"), getFormatter(), listInsights(await getDb(), actor, { id: organization.id }, { status: shownStatus, page: typeof query.page === "string" ? query.page : undefined })]);
  const pageHref = (page: number) => `/o/${org}/insights?${new URLSearchParams({ ...(shownStatus ? { status: shownStatus } : {}), page: String(page) })}`;
  return (
    <>
      <PageHeader title={t("title")} description={list.canCode ? t("description") : t("descriptionReader")} actions={list.canCode ? <ButtonLink href={`/o/${org}/insights/new`}>{t("newInsight")}</ButtonLink> : undefined} />
      <div className="space-y-4">
        {list.canCode && (
          <form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("filterLabel")}>
            <SelectField id="insight-status-filter" name="status" label={t("statusFilter")} defaultValue={shownStatus ?? ""} options={[{ value: "", label: t("statusAll") }, ...INSIGHT_STATUSES.map((value) => ({ value, label: t(`status_${value}`) }))]} />
            <Button type="submit" variant="secondary">{t("filter")}</Button>
          </form>
        )}
        <p className="text-sm text-muted" aria-live="polite">{t("countShown", { count: list.total })}</p>
        {list.insights.length === 0 ? (
          <EmptyState title={shownStatus ? t("emptyFiltered") : t("emptyTitle")} action={list.canCode && !shownStatus ? <ButtonLink href={`/o/${org}/insights/new`}>{t("newInsight")}</ButtonLink> : undefined}>
            {list.canCode ? t("emptyBody") : t("emptyReader")}
          </EmptyState>
        ) : (
          <ul className="space-y-3" data-testid="insight-list">
            {list.insights.map((insight) => (
              <li key={insight.id}>
                <Card className="space-y-2" data-testid="insight-row">
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <Link href={`/o/${org}/insights/${insight.id}`} className="font-medium break-words text-primary underline" data-user-content>{insight.claim}</Link>
                    <Badge tone={insight.status === "published" ? "success" : undefined}>{t(`status_${insight.status}`)}</Badge>
                  </div>
                  <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-muted">
                    <span>{t("evidenceCounts", { total: evidenceCount(insight.voices), highlights: insight.voices.evidence.highlight, quotes: insight.voices.evidence.quote, kpis: insight.voices.evidence.kpi })}</span>
                    <span>{t("peopleCount", { people: insight.voices.people })}</span>
                    {insight.voices.people === 1 && <span className="font-medium text-warning">{t("oneVoice")}</span>}
                    <span>{t("updated", { date: format.dateTime(insight.updatedAt, { dateStyle: "medium" }) })}</span>
                  </p>
                </Card>
              </li>
            ))}
          </ul>
        )}
        {list.pageCount > 1 && (
          <nav aria-label={t("pagination")} className="flex flex-wrap items-center gap-4 text-sm">
            {list.page > 1 && <Link href={pageHref(list.page - 1)} className="inline-flex min-h-11 items-center text-primary underline">{t("previous")}</Link>}
            <span>{t("pageOf", { page: list.page, pages: list.pageCount })}</span>
            {list.page < list.pageCount && <Link href={pageHref(list.page + 1)} className="inline-flex min-h-11 items-center text-primary underline">{t("next")}</Link>}
          </nav>
        )}
      </div>
    </>
  );
}
