import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { TrendChart } from "@/components/charts/trend-chart";
import { formatN } from "@/components/frontline/format";
import { KpiSplitForm } from "@/components/kpis/kpi-split-form";
import { KpiSplitTable } from "@/components/kpis/kpi-split-table";
import { formatKpiEstimate, kpiShortfall, formatKpiNumber, formatKpiTarget, formatPeriod, kpiNamer, kpiScale, segmentLabeler } from "@/components/kpis/format-kpi";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { can } from "@/lib/authz/policy";
import { isAppError } from "@/lib/errors";
import { getKpiDetail } from "@/lib/kpis/get-kpi-detail";
import { kpiDetailQuerySchema } from "@/lib/kpis/schemas";
import { listKpiOwnerCandidates } from "@/lib/kpis/update-kpi-settings";
import { KpiSettingsForm } from "./kpi-settings-form";

export default async function KpiPage({ params, searchParams }: { params: Promise<{ org: string; kpi: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const [{ org, kpi }, rawQuery] = await Promise.all([params, searchParams]);
  const { organization, actor, role } = await loadOrgPage(org, "dashboard.view", `/dashboard/kpis/${encodeURIComponent(kpi)}`);
  // An unreadable split or period in the URL shows the KPI without it rather than an error page.
  const parsed = kpiDetailQuerySchema.safeParse({ key: kpi, by: rawQuery.by, period: rawQuery.period });
  const query = parsed.success ? parsed.data : { key: kpi };
  const detail = await getKpiDetail(await getDb(), actor, { id: organization.id }, query).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const canManage = can(role, "kpis.manage");
  const [t, tc, ta, format, owners] = await Promise.all([getTranslations("kpis"), getTranslations("councils"), getTranslations("anonymity"), getFormatter(), canManage ? listKpiOwnerCandidates(await getDb(), actor, organization.id) : []]);
  const { definition, trend, split } = detail;
  const name = kpiNamer(t)(definition);
  const segments = segmentLabeler(t, tc);
  const period = (start: string) => formatPeriod(format, definition.period, start, (values) => t("quarter", values));
  const points = trend.map((point) => {
    if (point.value.status !== "ok") return { label: period(point.periodStart), value: null, lower: null, upper: null, text: point.value.n === 0 ? t("noAnswers") : kpiShortfall(t, point.value, detail.minN) };
    const shown = formatKpiEstimate(format, definition.aggregation, point.value.estimate);
    const change = point.change ? ` · ${t(point.change === "up" ? "changeUp" : "changeDown")}` : "";
    return { label: period(point.periodStart), value: point.value.estimate.value, lower: point.value.estimate.lower, upper: point.value.estimate.upper, isMarked: point.change !== null, text: `${shown.value}${shown.interval ? ` (${shown.interval})` : ""} · ${formatN(format, point.value.estimate.n)}${change}` };
  });
  const exportQuery = new URLSearchParams({ key: definition.key, ...(split ? { by: split.by, period: split.period } : {}) });
  return (
    <>
      <p className="mb-2 text-sm"><Link href={`/o/${org}/dashboard`} className="text-primary underline">{t("back")}</Link></p>
      <PageHeader title={name} description={[
          definition.source === "response_rate" ? t("aggregation_response_rate", { programme: definition.programName ?? t("allProgrammes") }) : t(`aggregation_${definition.aggregation}`, { items: definition.itemCodes.join(", ") }),
          definition.segmentKey && definition.segmentValue ? t("segmentOf", { segment: `${segments.attribute(definition.segmentKey)}: ${segments.value(definition.segmentKey, definition.segmentValue)}` }) : null,
        ].filter(Boolean).join(" ")} />
      <div className="space-y-6">
        <Card>
          <dl className="grid gap-3 text-sm sm:grid-cols-4">
            <div><dt className="text-muted">{t("periodLabel")}</dt><dd>{t(`period_${definition.period}`)}</dd></div>
            <div><dt className="text-muted">{t("targetLabel")}</dt><dd>{formatKpiTarget(format, t, definition, detail.target) ?? t("noTarget")}</dd></div>
            <div><dt className="text-muted">{t("ownerLabel")}</dt><dd>{definition.ownerName ?? t("noOwner")}</dd></div>
            <div><dt className="text-muted">{t("minNLabel")}</dt><dd>{formatN(format, detail.minN)}</dd></div>
          </dl>
        </Card>
        {trend.length === 0 ? (
          <EmptyState title={t("noDataYet")}>{t("noDataBody")}</EmptyState>
        ) : (
          <>
            <Card className="min-w-0 max-w-3xl">
              <TrendChart title={t("trendTitle")} summary={t("trendSummary", { count: points.length, period: points.at(-1)!.label, value: points.at(-1)!.text })} points={points} {...kpiScale(definition.aggregation)} tableLabel={t("showTable")} columnLabels={[t("periodColumn"), t("valueColumn")]} formatTick={(value) => formatKpiNumber(format, definition.aggregation, value)} />
              <p className="mt-2 text-xs text-muted">{t("trendHelp")}</p>
              <a href={`/api/o/${org}/kpis/export?${new URLSearchParams({ key: definition.key })}`} download className="mt-3 inline-block text-sm text-primary underline">{t("exportTrendCsv")}</a>
            </Card>
            <Card aria-labelledby="split-title" className="space-y-4">
              <h2 id="split-title" className="text-lg font-semibold">{t("splitTitle")}</h2>
              {detail.segmentKeys.length === 0 ? (
                <p className="text-sm text-muted">{t(definition.segmentKey ? "segmentNotSplit" : definition.source === "response_rate" ? "rateNotSplit" : "noSegments")}</p>
              ) : (
                <KpiSplitForm
                  keys={detail.segmentKeys.map((key) => ({ value: key, label: segments.attribute(key) }))}
                  periods={trend.filter((point) => point.value.status === "ok" || point.value.n > 0).map((point) => ({ value: point.periodStart, label: period(point.periodStart) })).reverse().concat({ value: "all", label: t("allPeriods") })}
                  selected={{ by: split?.by ?? "", period: rawQuery.period && split ? split.period : "" }}
                />
              )}
              {split && (
                <>
                  <KpiSplitTable
                    caption={t("splitCaption", { kpi: name, attribute: segments.attribute(split.by), period: split.period === "all" ? t("allPeriods") : period(split.period) })}
                    aggregation={definition.aggregation}
                    segments={split.segments.map((segment) => ({ ...segment, label: segments.value(split.by, segment.value) }))}
                    minN={detail.minN}
                    withheldNote={(reason) => ta(`reason_${reason}`, { min: detail.minGroupSize })}
                  />
                  <p className="text-xs text-muted">{t("splitHelp", { min: detail.minGroupSize, minN: detail.minN })}</p>
                  <a href={`/api/o/${org}/kpis/export?${exportQuery}`} download className="inline-block text-sm text-primary underline">{t("exportSplitCsv")}</a>
                </>
              )}
            </Card>
          </>
        )}
        {canManage && (
          <Card aria-labelledby="kpi-settings-title" className="space-y-3">
            <h2 id="kpi-settings-title" className="text-lg font-semibold">{t("settingsTitle")}</h2>
            <p className="max-w-prose text-sm text-muted">{t("settingsHelp")}</p>
            <KpiSettingsForm orgId={organization.id} kpiKey={definition.key} isNps={definition.aggregation === "nps"} isSegment={definition.segmentKey !== null} owners={owners} current={{ ownerUserId: definition.ownerUserId, period: definition.period, target: definition.target, targetBasis: definition.targetBasis, incentiveWeight: definition.incentiveWeight }} />
          </Card>
        )}
      </div>
    </>
  );
}
