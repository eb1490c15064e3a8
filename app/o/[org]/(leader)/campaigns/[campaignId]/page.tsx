import Image from "next/image";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { formatN } from "@/components/frontline/format";
import { formatKpiEstimate, kpiShortfall, formatPeriod, kpiNamer } from "@/components/kpis/format-kpi";
import { EvidenceList } from "@/components/decisions/evidence-list";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { can } from "@/lib/authz/policy";
import { getCampaign } from "@/lib/campaigns/get-campaign";
import { CAMPAIGN_STATUSES } from "@/lib/campaigns/schemas";
import { listCitableMemos } from "@/lib/decisions/freeze-memo-evidence";
import { listCitableInsights } from "@/lib/insights/get-insight";
import { listCampaignDecisions } from "@/lib/decisions/list-decisions";
import { DECISION_KINDS } from "@/lib/decisions/schemas";
import { isAppError } from "@/lib/errors";
import type { KpiTrendPoint } from "@/lib/kpis/build-kpi-report";
import type { KpiValue } from "@/lib/kpis/kpi-value";
import { listKpiDefinitions } from "@/lib/kpis/read-kpi-rollups";
import { DAY_MS, systemClock } from "@/lib/clock";
import { listPollAudiences } from "@/lib/polls/list-quick-polls";
import { listQuotableReactions, listResonanceTests } from "@/lib/resonance/get-resonance-results";
import { DEFAULT_RESPECTFUL_THRESHOLD } from "@/lib/resonance/schemas";
import { AddConceptForm, CampaignStatusForm, RecordDecisionForm } from "../campaign-forms";
import { RunResonanceTestForm } from "../resonance-forms";

export default async function CampaignPage({ params }: { params: Promise<{ org: string; campaignId: string }> }) {
  const { org, campaignId } = await params;
  const { organization, actor, role } = await loadOrgPage(org, "campaigns.manage", `/campaigns/${encodeURIComponent(campaignId)}`);
  const db = await getDb();
  const campaign = await getCampaign(db, actor, { id: organization.id }, campaignId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const canDecide = can(role, "decisions.record");
  const canRunTests = can(role, "panels.manage");
  const [t, tk, tr, format, locale, log, definitions, tests, panels, quotes, memos, citableInsights] = await Promise.all([
    getTranslations("campaigns"),
    getTranslations("kpis"),
    getTranslations("resonance"),
    getFormatter(),
    getLocale(),
    listCampaignDecisions(db, actor, { id: organization.id }, campaign.id),
    listKpiDefinitions(db, organization.id),
    listResonanceTests(db, actor, { id: organization.id }, campaign.id),
    canRunTests ? listPollAudiences(db, actor, organization.id, { withCouncils: true }) : [],
    canDecide ? listQuotableReactions(db, organization, campaign.id) : [],
    canDecide ? listCitableMemos(db, organization.id) : [],
    canDecide ? listCitableInsights(db, organization.id) : [],
  ]);
  const kpiName = kpiNamer(tk);
  const sentOn = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const valueText = (aggregation: "mean" | "top_box" | "nps", value: KpiValue | null) => {
    if (!value) return tk("noDataYet");
    if (value.status !== "ok") return kpiShortfall(tk, value);
    const shown = formatKpiEstimate(format, aggregation, value.estimate);
    return `${shown.value}${shown.interval ? ` (${shown.interval})` : ""} · ${formatN(format, value.estimate.n)}`;
  };
  const periodLabel = (period: "monthly" | "quarterly", start: string) => formatPeriod(format, period, start, (values) => tk("quarter", values));
  const pointText = (aggregation: "mean" | "top_box" | "nps", period: "monthly" | "quarterly", point: KpiTrendPoint) => `${periodLabel(period, point.periodStart)}: ${valueText(aggregation, point.value)}`;
  return (
    <>
      <p className="mb-2 text-sm"><Link href={`/o/${org}/campaigns`} className="text-primary underline">{t("back")}</Link></p>
      <PageHeader title={campaign.name} description={[campaign.markets.length ? t("marketsList", { markets: campaign.markets.join(", ") }) : null, campaign.audiences.length ? t("audiencesList", { audiences: campaign.audiences.join(", ") }) : null].filter(Boolean).join(" · ") || undefined} actions={<Badge>{t(`status_${campaign.status}`)}</Badge>} />
      <div className="space-y-6">
        <Card><CampaignStatusForm key={campaign.status} orgId={organization.id} campaignId={campaign.id} status={campaign.status} statuses={CAMPAIGN_STATUSES.map((status) => ({ value: status, label: t(`status_${status}`) }))} /></Card>

        <Card aria-labelledby="concepts-title" className="space-y-4">
          <h2 id="concepts-title" className="text-lg font-semibold">{t("conceptsTitle")}</h2>
          {campaign.concepts.length === 0 ? (
            <p className="text-sm text-muted">{t("noConcepts")}</p>
          ) : (
            <ul className="grid gap-3 md:grid-cols-2">
              {campaign.concepts.map((concept) => (
                <li key={concept.id} className="rounded-md border border-border p-4" data-testid="concept">
                  <h3 className="font-medium" data-user-content>{concept.title}</h3>
                  {concept.imageAssetId && (
                    <div className="relative mt-2 h-48 w-full overflow-hidden rounded-md border border-border bg-bg">
                      <Image src={`/api/assets/${concept.imageAssetId}`} alt={t("conceptImageAlt", { title: concept.title })} fill unoptimized className="object-contain" />
                    </div>
                  )}
                  <p className="mt-1 text-sm" lang={concept.copy[locale as "en"] ? locale : Object.keys(concept.copy)[0]}>{concept.copy[locale as "en"] ?? Object.values(concept.copy)[0]}</p>
                  <p className="mt-2 text-xs text-muted">{t("conceptLanguages", { languages: Object.keys(concept.copy).map((language) => language.toUpperCase()).join(", ") })}</p>
                </li>
              ))}
            </ul>
          )}
          <details>
            <summary className="cursor-pointer text-sm text-primary underline">{t("addConcept")}</summary>
            <div className="mt-3"><AddConceptForm orgId={organization.id} campaignId={campaign.id} /></div>
          </details>
        </Card>

        <Card aria-labelledby="resonance-title" className="space-y-4">
          <h2 id="resonance-title" className="text-lg font-semibold">{tr("sectionTitle")}</h2>
          <p className="max-w-prose text-sm text-muted">{tr("sectionHelp")}</p>
          {tests.length === 0 ? (
            <EmptyState title={tr("noTests")}>{canRunTests ? tr("noTestsBody") : tr("noTestsReadOnly")}</EmptyState>
          ) : (
            <ul className="divide-y divide-border" data-testid="resonance-tests">
              {tests.map((test) => (
                <li key={test.id} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid="resonance-test">
                  <div className="space-y-1">
                    <p className="font-medium">{tr("sentOn", { date: sentOn(test.openedAt) })}</p>
                    <p className="text-sm text-muted">{test.sampleName ? tr("panelSample", { panel: test.panelName, sample: test.sampleName }) : tr(test.panelKind === "council" ? "wholeCouncil" : "wholePanel", { panel: test.panelName })} · {tr("answered", { respondents: test.respondents, invited: test.invited })}</p>
                  </div>
                  <div className="flex items-center gap-3">
                    <Badge tone={test.status === "open" ? "success" : undefined}>{test.status === "open" ? tr("openUntil", { deadline: sentOn(test.deadline) }) : tr("closed")}</Badge>
                    <Link href={`/o/${org}/campaigns/${campaign.id}/resonance/${test.id}`} className="text-sm text-primary underline">{tr("viewResults")}</Link>
                  </div>
                </li>
              ))}
            </ul>
          )}
          {canRunTests && (
            <details open={tests.length === 0 && campaign.concepts.length > 0 && panels.length > 0}>
              <summary className="cursor-pointer text-sm text-primary underline">{tr("runTitle")}</summary>
              <div className="mt-3">
                {campaign.concepts.length === 0 ? (
                  <p className="text-sm text-muted">{tr("needsConcepts")}</p>
                ) : panels.length === 0 ? (
                  <p className="text-sm text-muted">{tr("needsPanel")}</p>
                ) : (
                  <RunResonanceTestForm
                    orgId={organization.id}
                    orgSlug={organization.slug}
                    campaignId={campaign.id}
                    panels={panels}
                    concepts={campaign.concepts.map((concept) => ({ id: concept.id, title: concept.title }))}
                    defaultDeadline={new Date(systemClock.now().getTime() + 3 * DAY_MS).toISOString().slice(0, 16)}
                    defaultThreshold={DEFAULT_RESPECTFUL_THRESHOLD}
                  />
                )}
              </div>
            </details>
          )}
        </Card>

        <Card aria-labelledby="decisions-title" className="space-y-4">
          <h2 id="decisions-title" className="text-lg font-semibold">{t("decisionsTitle")}</h2>
          <p className="max-w-prose text-sm text-muted">{t("decisionsHelp")}</p>
          {log.length === 0 ? (
            <EmptyState title={t("noDecisions")}>{canDecide ? t("noDecisionsBody") : t("noDecisionsReadOnly")}</EmptyState>
          ) : (
            <ol className="space-y-4">
              {log.map((decision) => (
                <li key={decision.id} id={`decision-${decision.id}`} className="rounded-md border border-border p-4" data-testid="decision">
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge tone={decision.kind === "stop" ? "danger" : decision.kind === "launch" ? "success" : "warning"}>{t(`kind_${decision.kind}`)}</Badge>
                    <span className="text-sm text-muted">{t("decidedBy", { name: decision.decidedByName || t("someone"), date: format.dateTime(decision.decidedAt, { dateStyle: "medium", timeStyle: "short" }) })}</span>
                    {decision.correctsDecisionId && <a href={`#decision-${decision.correctsDecisionId}`} className="text-sm text-primary underline">{t("correctsEarlier")}</a>}
                    {decision.correctedBy.length > 0 && <Badge>{t("correctedLater")}</Badge>}
                  </div>
                  <p className="mt-2 whitespace-pre-line" data-user-content>{decision.rationale}</p>
                  {decision.evidence.items.length > 0 && (
                    <div className="mt-3">
                      <h3 className="text-sm font-medium">{t("evidenceTitle")}</h3>
                      <EvidenceList items={decision.evidence.items} orgSlug={organization.slug} />
                    </div>
                  )}
                  {decision.outcomes.length > 0 && (
                    <div className="mt-3">
                      <h3 className="text-sm font-medium">{t("outcomesTitle")}</h3>
                      <ul className="mt-1 space-y-1 text-sm" data-testid="outcomes">
                        {decision.outcomes.map((outcome) => (
                          <li key={outcome.key}>{kpiName(outcome)}: {outcome.after.length === 0 ? t("noPeriodsYet") : outcome.after.map((point) => pointText(outcome.aggregation, outcome.period, point)).join("; ")}</li>
                        ))}
                      </ul>
                    </div>
                  )}
                </li>
              ))}
            </ol>
          )}
          {canDecide && (
            <div className="border-t border-border pt-4">
              <h3 className="mb-3 font-semibold">{t("recordTitle")}</h3>
              <RecordDecisionForm
                orgId={organization.id}
                campaignId={campaign.id}
                kpis={definitions.map((definition) => ({ key: definition.key, label: kpiName(definition) }))}
                resonanceTests={tests.map((test) => ({ value: test.id, label: t("evidenceResonanceOption", { date: sentOn(test.openedAt), answered: tr("answered", { respondents: test.respondents, invited: test.invited }) }) }))}
                quotes={quotes.map((quote) => ({ value: quote.ref, label: t("evidenceQuote", { text: quote.text, concept: quote.conceptTitle }) }))}
                memos={memos.map((memo) => ({ value: memo.id, label: t("evidenceMemo", { title: memo.title, council: memo.programName, date: format.dateTime(memo.sessionOpensAt, { dateStyle: "medium", timeZone: "UTC" }) }) }))}
                insights={citableInsights.map((insight) => ({ value: insight.id, label: insight.publishedAt ? t("evidenceInsightOption", { claim: insight.claim, date: format.dateTime(insight.publishedAt, { dateStyle: "medium" }) }) : insight.claim }))}
                kinds={DECISION_KINDS.map((kind) => ({ value: kind, label: t(`kind_${kind}`) }))}
                corrects={log.map((decision) => ({ value: decision.id, label: `${t(`kind_${decision.kind}`)} — ${format.dateTime(decision.decidedAt, { dateStyle: "medium", timeStyle: "short" })}` }))}
              />
            </div>
          )}
        </Card>
      </div>
    </>
  );
}
