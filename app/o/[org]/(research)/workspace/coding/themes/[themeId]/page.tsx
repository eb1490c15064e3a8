import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { TrendChart } from "@/components/charts/trend-chart";
import { RepresentationTable } from "@/components/coding/representation-table";
import { segmentLabeler } from "@/components/kpis/format-kpi";
import { TagChip } from "@/components/coding/tag-chip";
import { buttonClasses } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { isAppError } from "@/lib/errors";
import { getThemeView, type ThemeView } from "@/lib/themes/get-theme-view";
import { AssignTagForm, DeleteThemeButton, EditThemeForm, RemoveTagButton } from "../theme-forms";

const SELECT = "min-h-11 w-full rounded-md border border-border bg-surface px-3 sm:w-auto";

async function loadView(...args: Parameters<typeof getThemeView>): Promise<ThemeView> {
  try {
    return await getThemeView(...args);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function ThemePage({ params, searchParams }: { params: Promise<{ org: string; themeId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ org, themeId }, query] = await Promise.all([params, searchParams]);
  const { organization, actor } = await loadOrgPage(org, "insights.code", `/workspace/coding/themes/${themeId}`);
  const segmentKey = typeof query.segment === "string" ? query.segment : undefined;
  const [t, ta, tk, tc, format, view] = await Promise.all([getTranslations("themes"), getTranslations("anonymity"), getTranslations("kpis"), getTranslations("councils"), getFormatter(), loadView(await getDb(), actor, organization.id, themeId, { segmentKey })]);
  const segments = segmentLabeler(tk, tc);
  const base = `/o/${organization.slug}/workspace/coding`;
  const monthLabel = (month: string) => format.dateTime(new Date(`${month}-01T00:00:00Z`), { month: "short", year: "numeric", timeZone: "UTC" });
  const maxItems = Math.max(1, ...view.months.map((month) => month.items));
  const peak = view.months.reduce((best, month) => (month.items > (best?.items ?? -1) ? month : best), view.months[0]);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`${base}/themes`} className="text-primary underline-offset-2 hover:underline">{t("backToThemes")}</Link>
      </p>
      <PageHeader title={view.theme.name} description={view.theme.description || undefined} actions={<DeleteThemeButton orgId={organization.id} orgSlug={organization.slug} theme={view.theme} />} />
      <p className="mb-6 text-sm text-muted" data-testid="theme-totals">{t("totals", { items: view.totals.items, people: view.totals.people })}</p>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card aria-labelledby="theme-tags-title">
          <h2 id="theme-tags-title" className="mb-3 text-lg font-semibold">{t("tagsTitle")}</h2>
          {view.tags.length === 0 ? (
            <p className="mb-3 text-sm text-muted">{t("noTagsInTheme")}</p>
          ) : (
            <ul className="mb-4 space-y-1">
              {view.tags.map((tag) => (
                <li key={tag.id} className="flex flex-wrap items-center justify-between gap-2">
                  <TagChip tag={tag} />
                  <RemoveTagButton orgId={organization.id} themeId={view.theme.id} tag={tag} />
                </li>
              ))}
            </ul>
          )}
          {view.assignableTags.length > 0 ? (
            <AssignTagForm orgId={organization.id} themeId={view.theme.id} tags={view.assignableTags} />
          ) : (
            <p className="text-sm text-muted">
              {t("noTagsToAssign")} <Link href={`${base}/codebook`} className="text-primary underline">{t("openCodebook")}</Link>
            </p>
          )}
        </Card>
        <Card aria-labelledby="theme-edit-title">
          <h2 id="theme-edit-title" className="mb-3 text-lg font-semibold">{t("editTitle")}</h2>
          <EditThemeForm orgId={organization.id} theme={view.theme} />
        </Card>
      </div>

      {view.totals.items === 0 ? (
        <div className="mt-6">
          <EmptyState title={t("noItemsTitle")}>{t("noItemsBody")}</EmptyState>
        </div>
      ) : (
        <div className="mt-6 space-y-6">
          <Card aria-labelledby="theme-size-title">
            <h2 id="theme-size-title" className="mb-3 text-lg font-semibold">{t("sizeTitle")}</h2>
            <div className="max-w-2xl">
              <TrendChart
                title={t("sizeChartTitle")}
                summary={t("sizeSummary", { months: view.months.length, peak: peak ? monthLabel(peak.month) : "", items: peak?.items ?? 0 })}
                points={view.months.map((month) => ({ label: monthLabel(month.month), value: month.items, lower: null, upper: null, text: t("monthCell", { items: month.items, people: month.people }) }))}
                max={maxItems}
                tableLabel={t("sizeTable")}
                columnLabels={[t("month"), t("itemsAndPeople")]}
                formatTick={(value) => format.number(value, { maximumFractionDigits: 1 })}
              />
            </div>
          </Card>

          <Card aria-labelledby="theme-segment-title">
            <h2 id="theme-segment-title" className="mb-3 text-lg font-semibold">{t("segmentTitle")}</h2>
            {view.segment === null ? (
              <p className="text-sm text-muted">{t("noSegments")}</p>
            ) : (
              <>
                <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
                  <div className="space-y-1">
                    <label htmlFor="theme-segment" className="block text-sm font-medium">{t("segmentLabel")}</label>
                    <select id="theme-segment" name="segment" defaultValue={view.segment.key} className={SELECT}>
                      {view.segmentKeys.map((key) => <option key={key} value={key}>{segments.attribute(key)}</option>)}
                    </select>
                  </div>
                  <button type="submit" className={buttonClasses("secondary")}>{t("segmentShow")}</button>
                </form>
                <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("segmentCaption", { key: segments.attribute(view.segment.key) })}>
                  <table className="w-full text-left text-sm" data-testid="theme-segments">
                    <caption className="sr-only">{t("segmentCaption", { key: segments.attribute(view.segment.key) })}</caption>
                    <thead className="text-muted">
                      <tr>
                        <th scope="col" className="py-1 pr-4 font-medium">{segments.attribute(view.segment.key)}</th>
                        <th scope="col" className="py-1 pr-4 font-medium">{t("segmentItems")}</th>
                        {view.totals.fieldReports > 0 && <th scope="col" className="py-1 font-medium">{t("segmentFieldReports")}</th>}
                      </tr>
                    </thead>
                    <tbody>
                      {view.segment.rows.map((row) => (
                        <tr key={row.value} className="border-t border-border">
                          <th scope="row" className="py-1 pr-4 font-normal">{segments.value(view.segment!.key, row.value)}</th>
                          <td className="py-1 pr-4 tabular-nums">{row.items}</td>
                          {row.fieldReports !== null && (
                            <td className="py-1 tabular-nums">
                              {row.fieldReports.suppressed ? <span className="text-muted">{ta(`reason_${row.fieldReports.reason}`, { min: view.thresholds.minGroupSize })}</span> : row.fieldReports.n}
                            </td>
                          )}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                {view.totals.fieldReports > 0 && <p className="mt-2 text-xs text-muted">{t("segmentFrontlineNote", { min: view.thresholds.minGroupSize })}</p>}
              </>
            )}
          </Card>

          <Card aria-labelledby="theme-quotes-title">
            <h2 id="theme-quotes-title" className="mb-1 text-lg font-semibold">{t("quotesTitle")}</h2>
            <p className="mb-4 text-sm text-muted">{t("quotesRule")}</p>
            {view.quotes.length === 0 ? (
              <p className="text-sm text-muted">{t("noQuotes")}</p>
            ) : (
              <ol className="space-y-3">
                {view.quotes.map((quote) => (
                  <li key={quote.highlightId} data-testid="theme-quote">
                    <figure className="rounded-md border border-border p-3">
                      <blockquote className="text-base">“{quote.passage}”</blockquote>
                      <figcaption className="mt-2 text-xs text-muted">
                        {[t(`source_${quote.source}`), format.dateTime(new Date(quote.saidAt), { dateStyle: "medium", timeZone: "UTC" }), ...Object.entries(quote.segment).map(([key, value]) => `${key}: ${value}`), t("quoteStrength", { tags: quote.themeTags, coders: quote.coders })].join(" · ")}
                      </figcaption>
                    </figure>
                  </li>
                ))}
              </ol>
            )}
            {(view.leftOut.noConsent > 0 || view.leftOut.frontline > 0) && (
              <ul className="mt-4 space-y-1 text-sm text-muted" data-testid="theme-quotes-left-out">
                {view.leftOut.noConsent > 0 && <li>{t("leftOutConsent", { count: view.leftOut.noConsent })}</li>}
                {view.leftOut.frontline > 0 && <li>{t("leftOutFrontline", { count: view.leftOut.frontline, min: view.thresholds.minCommentGroupSize })}</li>}
              </ul>
            )}
          </Card>

          <Card aria-labelledby="theme-representation-title">
            <h2 id="theme-representation-title" className="mb-3 text-lg font-semibold">{t("representationTitle")}</h2>
            <RepresentationTable representation={view.representation} />
          </Card>
        </div>
      )}
    </>
  );
}
