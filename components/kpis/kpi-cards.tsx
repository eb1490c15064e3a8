"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Badge, Card } from "@/components/ui/card";
import { formatN } from "@/components/frontline/format";
import type { KpiSummary, TargetStatus } from "@/lib/kpis/get-kpi-overview";
import { kpiQueryKeys } from "@/lib/kpis/query-keys";
import { formatKpiEstimate, kpiShortfall, formatKpiTarget, formatPeriod, kpiNamer, kpiScale } from "./format-kpi";
import { Sparkline } from "./sparkline";

const STATUS_TONE: Record<TargetStatus, "success" | "warning" | "danger" | "neutral"> = { above: "success", below: "danger", uncertain: "warning", noTarget: "neutral", noData: "neutral", noBaseline: "neutral" };

type KpiOverview = { kpis: KpiSummary[]; minN: number };

// Reading the rollups is one small query, so an open dashboard can follow new answers closely.
const REFRESH_MS = 1500;

async function fetchOverview(orgSlug: string): Promise<KpiOverview> {
  const response = await fetch(`/api/o/${orgSlug}/kpis`, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`KPI overview: ${response.status}`);
  return response.json();
}

/**
 * The leaders' KPI cards: value, n, 95% interval, change, target and status, with the way into
 * each KPI. They refresh while the page is visible, so a new response shows without a reload.
 */
export function KpiCards({ orgSlug, initial, canViewScorecard, canDefineKpis = false }: { orgSlug: string; initial: KpiOverview; canViewScorecard: boolean; canDefineKpis?: boolean }) {
  const t = useTranslations("kpis");
  const format = useFormatter();
  const { data } = useQuery({ queryKey: kpiQueryKeys.overview(orgSlug), queryFn: () => fetchOverview(orgSlug), initialData: initial, refetchInterval: REFRESH_MS });
  const { kpis, minN } = data;
  const kpiName = kpiNamer(t);
  return (
    <section aria-labelledby="kpis-title" className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="kpis-title" className="text-xl font-semibold">{t("sectionTitle")}</h2>
          <p className="mt-1 max-w-prose text-sm text-muted">{t("sectionHelp", { minN })}</p>
        </div>
        <div className="flex flex-wrap gap-4 text-sm">
          {canViewScorecard && <Link href={`/o/${orgSlug}/dashboard/scorecard`} className="text-primary underline">{t("scorecardLink")}</Link>}
          <a href={`/api/o/${orgSlug}/kpis/export`} download className="text-primary underline">{t("exportCsv")}</a>
          <Link href={`/o/${orgSlug}/dashboard/report`} className="text-primary underline">{t("boardReport")}</Link>
          {canDefineKpis && <Link href={`/o/${orgSlug}/dashboard/kpis/new`} className="text-primary underline">{t("newLink")}</Link>}
        </div>
      </div>
      <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {kpis.map(({ definition, latest, trend, status, target }) => {
          const targetText = formatKpiTarget(format, t, definition, target);
          const titleId = `kpi-${definition.key}`;
          const value = latest?.value;
          const shown = value?.status === "ok" ? formatKpiEstimate(format, definition.aggregation, value.estimate) : null;
          return (
            <li key={definition.id}>
              <Card aria-labelledby={titleId} className="flex h-full flex-col gap-2" data-testid="kpi-card">
                <div className="flex items-start justify-between gap-2">
                  <h3 id={titleId} className="font-semibold" data-user-content={definition.isBuiltIn ? undefined : true}>{kpiName(definition)}</h3>
                  <Sparkline points={trend} {...kpiScale(definition.aggregation)} />
                </div>
                <p className="text-xs text-muted">{latest ? formatPeriod(format, definition.period, latest.periodStart, (values) => t("quarter", values)) : t(`period_${definition.period}`)}</p>
                {shown && value?.status === "ok" ? (
                  <>
                    <p className="text-3xl font-semibold tabular-nums" data-testid="kpi-value">{shown.value}</p>
                    <p className="text-sm text-muted tabular-nums">
                      {formatN(format, value.estimate.n)}
                      {shown.interval && ` · ${t("interval", { interval: shown.interval })}`}
                    </p>
                  </>
                ) : (
                  <p className="text-base font-medium text-muted" data-testid="kpi-value">
                    {value?.status === "insufficient" ? kpiShortfall(t, value, minN) : t("noDataYet")}
                  </p>
                )}
                {latest?.change && <p className={latest.change === "up" ? "text-sm text-success" : "text-sm text-danger"}>{t(latest.change === "up" ? "changeUp" : "changeDown")}</p>}
                <div className="mt-auto flex flex-wrap items-center gap-2 pt-2 text-sm">
                  <Badge tone={STATUS_TONE[status]}>{t(`status_${status}`)}</Badge>
                  {targetText && <span className="text-muted">{t("target", { target: targetText })}</span>}
                </div>
                {definition.ownerName && <p className="text-xs text-muted">{t("owner", { name: definition.ownerName })}</p>}
                <Link href={`/o/${orgSlug}/dashboard/kpis/${definition.key}`} className="text-sm text-primary underline">
                  {t("open")}<span className="sr-only" data-user-content={definition.isBuiltIn ? undefined : true}>: {kpiName(definition)}</span>
                </Link>
              </Card>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
