import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { formatN } from "@/components/frontline/format";
import { formatKpiEstimate, segmentLabeler } from "@/components/kpis/format-kpi";
import { RefreshWhileOpen } from "@/components/resonance/refresh-while-open";
import { divergenceReasons } from "@/components/resonance/resonance-labels";
import { Alert, Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { can } from "@/lib/authz/policy";
import { isAppError } from "@/lib/errors";
import type { KpiValue } from "@/lib/kpis/kpi-value";
import { getResonanceResults } from "@/lib/resonance/get-resonance-results";
import { resonanceQuerySchema } from "@/lib/resonance/schemas";
import { CloseResonanceTestForm } from "../../../resonance-forms";

const SELECT = "min-h-11 w-full rounded-md border border-border bg-surface px-3 sm:w-auto";
const PREFERRED_SPLITS = ["language", "region", "ageBand"];

export default async function ResonanceResultsPage({ params, searchParams }: { params: Promise<{ org: string; campaignId: string; testId: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const [{ org, campaignId, testId }, query] = await Promise.all([params, searchParams]);
  const { organization, actor, role } = await loadOrgPage(org, "campaigns.manage", `/campaigns/${encodeURIComponent(campaignId)}/resonance/${encodeURIComponent(testId)}`);
  const results = await getResonanceResults(await getDb(), actor, { id: organization.id }, testId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  if (results.test.campaignId !== campaignId) notFound();
  const [t, tk, tc, ta, format] = await Promise.all([getTranslations("resonance"), getTranslations("kpis"), getTranslations("councils"), getTranslations("anonymity"), getFormatter()]);
  const { test, concepts } = results;
  const segments = segmentLabeler(tk, tc);
  const attributes = [...new Set(concepts.flatMap((concept) => concept.splits.map((split) => split.attribute)))];
  const requested = resonanceQuerySchema.parse({ split: query.split }).split;
  const split = requested && attributes.includes(requested) ? requested : (PREFERRED_SPLITS.find((key) => attributes.includes(key)) ?? attributes[0]);
  const shown = (value: KpiValue) => (value.status === "ok" ? formatKpiEstimate(format, "mean", value.estimate) : null);
  const valueText = (value: KpiValue) => {
    const estimate = shown(value);
    if (!estimate) return tk("notEnoughData", { n: value.status === "ok" ? value.estimate.n : value.n, minN: results.minN });
    return `${estimate.value}${estimate.interval ? ` (${estimate.interval})` : ""}`;
  };
  const dateTime = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const isOpen = test.status === "open";
  const flags = concepts.flatMap((concept) => [
    ...(concept.isDisrespectfulOverall ? [{ key: `${concept.prefix}-all`, text: t("disrespectfulOverall", { concept: concept.title, threshold: test.respectfulThreshold }) }] : []),
    ...concept.divergent.map((flag) => ({
      key: `${concept.prefix}-${flag.attribute}-${flag.value}`,
      text: t("divergentSegment", { concept: concept.title, attribute: segments.attribute(flag.attribute), value: segments.value(flag.attribute, flag.value), reasons: divergenceReasons(t, flag.reasons, test.respectfulThreshold) }),
    })),
  ]);
  return (
    <>
      <RefreshWhileOpen isOpen={isOpen} />
      <p className="mb-2 text-sm"><Link href={`/o/${org}/campaigns/${campaignId}`} className="text-primary underline">{t("back")}</Link></p>
      <PageHeader
        title={t("resultsTitle", { campaign: test.campaignName })}
        description={[t("sentOn", { date: dateTime(test.openedAt) }), test.sampleName ? t("panelSample", { panel: test.panelName, sample: test.sampleName }) : t(test.panelKind === "council" ? "wholeCouncil" : "wholePanel", { panel: test.panelName }), t("answered", { respondents: test.respondents, invited: test.invited })].join(" · ")}
        actions={<Badge tone={isOpen ? "success" : undefined}>{isOpen ? t("openUntil", { deadline: dateTime(test.deadline) }) : t("closed")}</Badge>}
      />
      <div className="space-y-6">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <p className="max-w-prose text-sm text-muted">{t("resultsHelp", { minN: results.minN, min: results.minGroupSize })}</p>
          <div className="flex flex-wrap items-start gap-3">
            <a href={`/api/o/${org}/resonance/${test.id}/export`} className="inline-flex min-h-11 items-center text-sm text-primary underline" download>{t("exportCsv")}</a>
            {isOpen && can(role, "panels.manage") && <CloseResonanceTestForm orgId={organization.id} testId={test.id} />}
          </div>
        </div>

        {test.respondents === 0 ? (
          <EmptyState title={t("noAnswers")} />
        ) : (
          <>
            <Card aria-labelledby="divergence-title" className="space-y-3">
              <h2 id="divergence-title" className="text-lg font-semibold">{t("divergenceTitle")}</h2>
              {flags.length === 0 ? (
                <p className="text-sm" data-testid="no-divergence">{t("noDivergence")}</p>
              ) : (
                <Alert tone="warning">
                  <ul className="space-y-1">
                    {flags.map((flag) => <li key={flag.key} data-testid="divergence-flag">{flag.text}</li>)}
                  </ul>
                </Alert>
              )}
            </Card>

            <div className="grid gap-6 lg:grid-cols-2">
              {concepts.map((concept) => (
                <Card key={concept.prefix} aria-labelledby={`concept-${concept.prefix}`} className="space-y-3" data-testid="concept-resonance">
                  <h2 id={`concept-${concept.prefix}`} className="text-lg font-semibold" data-user-content>{concept.title}</h2>
                  <p>
                    <span className="text-sm text-muted">{t("resonanceLabel")} </span>
                    <span className="text-3xl font-semibold tabular-nums" data-testid="concept-value">{shown(concept.resonance)?.value ?? "—"}</span>{" "}
                    <span className="text-sm text-muted">{shown(concept.resonance)?.interval ? tk("interval", { interval: shown(concept.resonance)!.interval! }) : valueText(concept.resonance)} · {formatN(format, concept.respondents)}</span>
                  </p>
                  <table className="w-full text-left text-sm">
                    <caption className="sr-only">{t("itemsCaption", { concept: concept.title })}</caption>
                    <thead className="text-muted">
                      <tr>
                        <th scope="col" className="py-1 pr-3 font-medium">{t("itemColumn")}</th>
                        <th scope="col" className="w-2/5 py-1 pr-3 font-medium"><span className="sr-only">{tk("valueColumn")}</span></th>
                        <th scope="col" className="py-1 text-right font-medium">{tk("valueColumn")} ({tk("intervalColumn")})</th>
                      </tr>
                    </thead>
                    <tbody>
                      {concept.items.map((item) => {
                        const estimate = item.value.status === "ok" ? item.value.estimate : null;
                        const isLow = item.key === "respectful" && estimate !== null && estimate.value < test.respectfulThreshold;
                        return (
                          <tr key={item.key}>
                            <th scope="row" className="py-1 pr-3 font-normal">{t(`item.${item.key}`)}</th>
                            <td className="py-1 pr-3" aria-hidden="true">
                              <div className="h-3 w-full rounded bg-border">
                                <div className={isLow ? "h-3 rounded bg-danger" : "h-3 rounded bg-primary"} style={{ width: `${Math.max(0, Math.min(100, estimate?.value ?? 0))}%` }} />
                              </div>
                            </td>
                            <td className="py-1 text-right tabular-nums">{valueText(item.value)}</td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </Card>
              ))}
            </div>

            <Card aria-labelledby="split-title" className="space-y-4">
              <h2 id="split-title" className="text-lg font-semibold">{t("splitTitle")}</h2>
              {!split ? (
                <p className="text-sm text-muted">{t("noSegments")}</p>
              ) : (
                <>
                  <form method="get" role="search" aria-label={t("splitTitle")} className="flex flex-wrap items-end gap-3">
                    <div className="w-full space-y-1 sm:w-auto">
                      <label htmlFor="resonance-split" className="block text-sm font-medium">{t("splitBy")}</label>
                      <select id="resonance-split" name="split" defaultValue={split} className={SELECT}>
                        {attributes.map((attribute) => <option key={attribute} value={attribute}>{segments.attribute(attribute)}</option>)}
                      </select>
                    </div>
                    <button type="submit" className="min-h-11 rounded-md border border-border px-4 text-sm font-medium">{t("showSplit")}</button>
                  </form>
                  {concepts.map((concept) => {
                    const rows = concept.splits.find((entry) => entry.attribute === split)?.segments ?? [];
                    return (
                      // Focusable so that a keyboard can scroll a table wider than a phone.
                      <div key={concept.prefix} className="overflow-x-auto" tabIndex={0} role="group" aria-label={t("splitCaption", { concept: concept.title, attribute: segments.attribute(split) })}>
                        <table className="w-full text-left text-sm" data-testid="resonance-split">
                          <caption className="pb-2 text-left font-medium" data-user-content>{t("splitCaption", { concept: concept.title, attribute: segments.attribute(split) })}</caption>
                          <thead className="text-muted">
                            <tr>
                              <th scope="col" className="py-2 pr-3 font-medium">{tk("segmentColumn")}</th>
                              <th scope="col" className="py-2 pr-3 text-right font-medium">n</th>
                              <th scope="col" className="py-2 pr-3 text-right font-medium">{t("resonanceLabel")} ({tk("intervalColumn")})</th>
                              <th scope="col" className="py-2 pr-3 text-right font-medium">{t("respectfulColumn")}</th>
                              <th scope="col" className="py-2 pr-3 font-medium">{tk("differenceColumn")}</th>
                              <th scope="col" className="py-2 font-medium">{t("flagColumn")}</th>
                            </tr>
                          </thead>
                          <tbody className="divide-y divide-border">
                            {rows.map((segment) => (
                              <tr key={segment.value} data-testid="resonance-segment">
                                <th scope="row" className="py-2 pr-3 font-normal">{segments.value(split, segment.value)}</th>
                                {segment.suppressed ? (
                                  <td colSpan={5} className="py-2 text-muted">{ta(`reason_${segment.reason}`, { min: results.minGroupSize })}</td>
                                ) : (
                                  <>
                                    <td className="py-2 pr-3 text-right tabular-nums">{format.number(segment.resonance.status === "ok" ? segment.resonance.estimate.n : segment.resonance.n)}</td>
                                    <td className="py-2 pr-3 text-right tabular-nums">{valueText(segment.resonance)}</td>
                                    <td className="py-2 pr-3 text-right tabular-nums">{shown(segment.respectful)?.value ?? "—"}</td>
                                    <td className="py-2 pr-3">
                                      {segment.difference === "below" ? tk("differenceBelow") : segment.difference === "above" ? tk("differenceAbove") : segment.adjustedP === null ? tk("differenceUntested") : tk("differenceNone")}
                                    </td>
                                    <td className="py-2">{segment.divergence.length > 0 ? <Badge tone="danger">{t("diverges")}</Badge> : null}</td>
                                  </>
                                )}
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      </div>
                    );
                  })}
                </>
              )}
            </Card>

            <Card aria-labelledby="quotes-title" className="space-y-4">
              <h2 id="quotes-title" className="text-lg font-semibold">{t("quotesTitle")}</h2>
              {!results.showsQuotes ? (
                <p className="text-sm text-muted">{t("quotesWithheld", { min: results.minCommentGroupSize })}</p>
              ) : (
                concepts.map((concept) => (
                  <section key={concept.prefix} aria-labelledby={`quotes-${concept.prefix}`} className="space-y-2">
                    <h3 id={`quotes-${concept.prefix}`} className="font-medium" data-user-content>{concept.title}</h3>
                    {concept.quotes.length === 0 ? (
                      <p className="text-sm text-muted">{t("noQuotes")}</p>
                    ) : (
                      <ul className="space-y-2">
                        {concept.quotes.map((quote) => <li key={quote.ref} className="border-l-4 border-border pl-3 text-sm" data-user-content>{quote.text}</li>)}
                      </ul>
                    )}
                  </section>
                ))
              )}
            </Card>
          </>
        )}
      </div>
    </>
  );
}
