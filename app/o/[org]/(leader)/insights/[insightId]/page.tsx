import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { RepresentationTable } from "@/components/coding/representation-table";
import { EvidenceList } from "@/components/decisions/evidence-list";
import { kpiNamer, segmentLabeler } from "@/components/kpis/format-kpi";
import { Alert, Badge, Card, PageHeader } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { getDb } from "@/db/client";
import type { MemberAttributes } from "@/db/schema";
import { loadOrgPage } from "@/lib/auth/org-page";
import { syncCodingItems } from "@/lib/coding/sync-coding-items";
import { isAppError } from "@/lib/errors";
import { getInsight } from "@/lib/insights/get-insight";
import { evidenceCount } from "@/lib/insights/insight-voices";
import { listCitableHighlights, listCitableItems, listTagChoices } from "@/lib/insights/list-citable-highlights";
import { DEFAULT_SEGMENT_ATTRIBUTE } from "@/lib/insights/schemas";
import { listKpiDefinitions } from "@/lib/kpis/read-kpi-rollups";
import { AttachButton, AttachKpiForm, DetachButton, InsightStatusForm, InsightTextForm } from "../insight-forms";

type Query = Record<string, string | string[] | undefined>;
const text = (query: Query, key: string) => (typeof query[key] === "string" ? (query[key] as string).slice(0, 200) : "");

export default async function InsightPage({ params, searchParams }: { params: Promise<{ org: string; insightId: string }>; searchParams: Promise<Query> }) {
  const { org, insightId } = await params;
  const query = await searchParams;
  const { organization, actor } = await loadOrgPage(org, "insights.view", `/insights/${encodeURIComponent(insightId)}`);
  const db = await getDb();
  const insight = await getInsight(db, actor, { id: organization.id }, insightId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  // The picker quotes what is in the coding inbox: bring in what arrived since it was last opened (cheap when nothing is new).
  if (insight.canCode) await syncCodingItems(db, organization.id);
  const highlightSearch = text(query, "q");
  const tagId = text(query, "tag");
  const itemSearch = text(query, "iq");
  const [t, tk, tc, format, picker] = await Promise.all([
    getTranslations("insights"),
    getTranslations("kpis"),
    getTranslations("councils"),
    getFormatter(),
    insight.canCode
      ? Promise.all([
          listCitableHighlights(db, actor, organization.id, { search: highlightSearch, tagId: tagId || undefined }),
          listCitableItems(db, actor, organization.id, { search: itemSearch }),
          listKpiDefinitions(db, organization.id),
          listTagChoices(db, organization.id),
        ])
      : null,
  ]);
  const segments = segmentLabeler(tk, tc);
  const kpiName = kpiNamer(tk);
  const day = (value: string | Date) => format.dateTime(new Date(value), { dateStyle: "medium" });
  const segmentText = (attributes: MemberAttributes) => Object.entries(attributes).filter(([, value]) => value).map(([key, value]) => `${segments.attribute(key)}: ${segments.value(key, value)}`).join(" · ");
  const passageMeta = (passage: { source: string; saidAt: string; attributes: MemberAttributes }) => [t(`source_${passage.source}`), day(passage.saidAt), segmentText(passage.attributes)].filter(Boolean).join(" · ");
  const { voices } = insight;
  // The chosen attribute first (region by default), then every other one the evidence carries.
  const segmentAttributes = [DEFAULT_SEGMENT_ATTRIBUTE, ...Object.keys(voices.segments).filter((key) => key !== DEFAULT_SEGMENT_ATTRIBUTE).sort()];
  const attachedHighlights = new Set(insight.passages.flatMap((passage) => (passage.kind === "highlight" ? [passage.id] : [])));
  const attachedItems = new Set(insight.passages.flatMap((passage) => (passage.kind === "quote" ? [passage.itemId] : [])));
  const keepQuery = (drop: string[]) => Object.entries({ q: highlightSearch, tag: tagId, iq: itemSearch }).filter(([key, value]) => value && !drop.includes(key));

  return (
    <>
      <p className="mb-2 text-sm"><Link href={`/o/${org}/insights`} className="text-primary underline">{t("back")}</Link></p>
      <PageHeader title={insight.claim} actions={<Badge tone={insight.status === "published" ? "success" : undefined}>{t(`status_${insight.status}`)}</Badge>} />
      <div className="space-y-6">
        <Card aria-labelledby="voices-title" className="space-y-3">
          <h2 id="voices-title" className="text-lg font-semibold">{t("voicesTitle")}</h2>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="insight-voices">
            <div><dt className="text-sm text-muted">{t("peopleLabel")}</dt><dd className="text-2xl font-semibold" data-testid="people-count">{voices.people}</dd></div>
            {segmentAttributes.map((attribute) => (
              <div key={attribute}><dt className="text-sm text-muted">{t("segmentsLabel", { attribute: segments.attribute(attribute) })}</dt><dd className="text-2xl font-semibold">{voices.segments[attribute] ?? 0}</dd></div>
            ))}
            <div><dt className="text-sm text-muted">{t("evidenceLabel")}</dt><dd className="text-2xl font-semibold">{evidenceCount(voices)}</dd></div>
          </dl>
          {voices.people === 1 && <Alert tone="warning">{t("oneVoiceWarning")}</Alert>}
          {voices.people === 0 && <p className="text-sm text-muted">{t("noVoices")}</p>}
          <p className="text-sm text-muted">{t("voicesHelp")}</p>
        </Card>

        {insight.body && (
          <Card aria-labelledby="body-title" className="space-y-2">
            <h2 id="body-title" className="text-lg font-semibold">{t("bodyTitle")}</h2>
            <p className="max-w-prose whitespace-pre-wrap break-words" data-user-content>{insight.body}</p>
          </Card>
        )}

        <Card aria-labelledby="evidence-title" className="space-y-3">
          <h2 id="evidence-title" className="text-lg font-semibold">{t("evidenceTitle")}</h2>
          {insight.passages.length === 0 ? (
            <p className="text-sm text-muted">{t("noEvidence")}</p>
          ) : (
            <ol className="space-y-3" data-testid="insight-evidence">
              {insight.passages.map((passage, index) => (
                <li key={passage.id} className="flex flex-wrap items-start justify-between gap-3 rounded-md border border-border p-3" data-testid="insight-passage">
                  <div className="min-w-0 flex-1 space-y-1">
                    {passage.kind === "kpi" ? (
                      <>
                        <p className="text-sm font-medium">{t("kind_kpi")}</p>
                        <EvidenceList items={[passage.kpi]} />
                      </>
                    ) : (
                      <>
                        <p className="text-sm font-medium">{t(`kind_${passage.kind}`)}</p>
                        {passage.text === null ? (
                          <p className="text-sm italic text-muted" data-testid="withheld">{t("notQuotable")}</p>
                        ) : (
                          <blockquote className="border-l-4 border-primary pl-3 whitespace-pre-wrap break-words" data-user-content>{passage.text}</blockquote>
                        )}
                        <p className="text-sm text-muted">{passageMeta(passage)}</p>
                        {passage.tags.length > 0 && <p className="flex flex-wrap gap-1">{passage.tags.map((tag) => <Badge key={tag.id}><span data-user-content>{tag.name}</span></Badge>)}</p>}
                      </>
                    )}
                  </div>
                  {insight.canCode && <DetachButton orgId={organization.id} insightId={insight.id} evidenceId={passage.id} label={t("detachLabel", { number: index + 1 })} />}
                </li>
              ))}
            </ol>
          )}
        </Card>

        <Card aria-labelledby="representation-title">
          <h2 id="representation-title" className="mb-3 text-lg font-semibold">{t("representationTitle")}</h2>
          <RepresentationTable representation={insight.representation} />
        </Card>

        {insight.canCode && picker && (
          <>
            <Card aria-labelledby="status-title" className="space-y-3">
              <h2 id="status-title" className="text-lg font-semibold">{t("statusTitle")}</h2>
              <p className="max-w-prose text-sm text-muted">{insight.status === "draft" ? t("publishHelp") : insight.isCited ? t("citedHelp") : t("unpublishHelp")}</p>
              {insight.publishedAt && <p className="text-sm">{t("publishedOn", { date: day(insight.publishedAt) })}</p>}
              {!(insight.status === "published" && insight.isCited) && <InsightStatusForm orgId={organization.id} insightId={insight.id} status={insight.status} />}
            </Card>

            <Card aria-labelledby="edit-title" className="space-y-3">
              <h2 id="edit-title" className="text-lg font-semibold">{t("editTitle")}</h2>
              <InsightTextForm orgId={organization.id} orgSlug={organization.slug} insight={{ id: insight.id, claim: insight.claim, body: insight.body }} />
            </Card>

            <Card aria-labelledby="picker-title" className="space-y-6">
              <div>
                <h2 id="picker-title" className="text-lg font-semibold">{t("pickerTitle")}</h2>
                <p className="max-w-prose text-sm text-muted">{t("pickerHelp")}</p>
              </div>

              <section aria-labelledby="pick-highlights" className="space-y-3">
                <h3 id="pick-highlights" className="font-semibold">{t("highlightsTitle")}</h3>
                <form method="get" className="flex flex-wrap items-end gap-3" role="search" aria-label={t("highlightsSearch")}>
                  {keepQuery(["q", "tag"]).map(([key, value]) => <input key={key} type="hidden" name={key} value={value} />)}
                  <TextField id="highlight-search" name="q" type="search" label={t("highlightsSearch")} defaultValue={highlightSearch} className="min-w-0 flex-1" />
                  {picker[3].length > 0 && <SelectField id="highlight-tag" name="tag" label={t("tagLabel")} defaultValue={tagId} options={[{ value: "", label: t("anyTag") }, ...picker[3].map((tag) => ({ value: tag.id, label: tag.name }))]} />}
                  <Button type="submit" variant="secondary">{t("search")}</Button>
                </form>
                <div aria-live="polite">
                  {picker[0].length === 0 ? (
                    <p className="text-sm text-muted">{highlightSearch || tagId ? t("noHighlightsFound") : t("noHighlights")}</p>
                  ) : (
                    <ul className="space-y-2" data-testid="highlight-results">
                      {picker[0].map((row) => (
                        <li key={row.id} className="flex flex-wrap items-start justify-between gap-3 rounded-md border border-border p-3">
                          <div className="min-w-0 flex-1 space-y-1">
                            <blockquote className="whitespace-pre-wrap break-words" data-user-content>{row.text}</blockquote>
                            <p className="text-sm text-muted">{passageMeta(row)}{row.quotable ? "" : ` · ${t("notQuotableShort")}`}</p>
                            {row.tags.length > 0 && <p className="flex flex-wrap gap-1">{row.tags.map((tag) => <Badge key={tag.id}><span data-user-content>{tag.name}</span></Badge>)}</p>}
                          </div>
                          {attachedHighlights.has(row.id) ? <Badge tone="success">{t("attachedShort")}</Badge> : <AttachButton orgId={organization.id} insightId={insight.id} kind="highlight" id={row.id} label={t("attachHighlightLabel", { text: row.text.slice(0, 60) })} />}
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              </section>

              <section aria-labelledby="pick-quotes" className="space-y-3">
                <h3 id="pick-quotes" className="font-semibold">{t("quotesTitle")}</h3>
                <p className="max-w-prose text-sm text-muted">{t("quotesHelp")}</p>
                <form method="get" className="flex flex-wrap items-end gap-3" role="search" aria-label={t("quotesSearch")}>
                  {keepQuery(["iq"]).map(([key, value]) => <input key={key} type="hidden" name={key} value={value} />)}
                  <TextField id="item-search" name="iq" type="search" label={t("quotesSearch")} defaultValue={itemSearch} className="min-w-0 flex-1" />
                  <Button type="submit" variant="secondary">{t("search")}</Button>
                </form>
                <div aria-live="polite">
                  {picker[1].length === 0 ? (
                    <p className="text-sm text-muted">{itemSearch ? t("noItemsFound") : t("noItems")}</p>
                  ) : (
                    <ul className="space-y-2" data-testid="item-results">
                      {picker[1].map((row) => (
                        <li key={row.id} className="flex flex-wrap items-start justify-between gap-3 rounded-md border border-border p-3" data-testid="item-result">
                          <div className="min-w-0 flex-1 space-y-1">
                            <p className="line-clamp-4 whitespace-pre-wrap break-words" data-user-content>{row.text}</p>
                            <p className="text-sm text-muted">{passageMeta(row)}{row.quotable ? "" : ` · ${t("notQuotableShort")}`}</p>
                          </div>
                          {attachedItems.has(row.id) ? <Badge tone="success">{t("attachedShort")}</Badge> : <AttachButton orgId={organization.id} insightId={insight.id} kind="quote" id={row.id} label={t("attachQuoteLabel", { text: row.text.slice(0, 60) })} />}
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              </section>

              <section aria-labelledby="pick-kpis" className="space-y-3">
                <h3 id="pick-kpis" className="font-semibold">{t("kpisTitle")}</h3>
                <p className="max-w-prose text-sm text-muted">{t("kpisHelp")}</p>
                {picker[2].length === 0 ? <p className="text-sm text-muted">{t("noKpis")}</p> : <AttachKpiForm orgId={organization.id} insightId={insight.id} kpis={picker[2].map((definition) => ({ value: definition.key, label: kpiName(definition) }))} />}
              </section>
            </Card>
          </>
        )}
      </div>
    </>
  );
}
