import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { formatKpiEstimate, kpiShortfall, formatKpiTarget, formatPeriod, kpiNamer } from "@/components/kpis/format-kpi";
import { ResponseRatesTable } from "@/components/programs/response-rates-table";
import { PrintButton } from "@/components/ui/print-button";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { systemClock } from "@/lib/clock";
import { listRecentDecisions } from "@/lib/decisions/list-decisions";
import { getKpiOverview } from "@/lib/kpis/get-kpi-overview";
import { listProgrammeResponseRates } from "@/lib/programs/programme-response-rates";

/** One page for a board pack: every KPI with n, interval, target and status, programmes' response rates and the latest decisions. */
export default async function BoardReportPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { organization, actor } = await loadOrgPage(org, "dashboard.view", "/dashboard/report");
  const db = await getDb();
  const [t, tk, tc, tr, format, overview, decisions, rates] = await Promise.all([
    getTranslations("boardReport"),
    getTranslations("kpis"),
    getTranslations("campaigns"),
    getTranslations("responseRates"),
    getFormatter(),
    getKpiOverview(db, actor, { id: organization.id }),
    listRecentDecisions(db, actor, { id: organization.id }),
    listProgrammeResponseRates(db, actor, { id: organization.id }),
  ]);
  const kpiName = kpiNamer(tk);
  return (
    <article className="mx-auto max-w-4xl space-y-6 text-sm print:max-w-none print:text-xs" aria-labelledby="board-report-title">
      <p className="print:hidden"><Link href={`/o/${org}/dashboard`} className="text-primary underline">{tk("back")}</Link></p>
      <header className="flex flex-wrap items-start justify-between gap-3 border-b border-border pb-3">
        <div>
          <h1 id="board-report-title" className="text-2xl font-semibold tracking-tight">{t("title", { org: organization.name })}</h1>
          <p className="text-muted">{t("prepared", { date: format.dateTime(systemClock.now(), { dateStyle: "long" }) })}</p>
        </div>
        <PrintButton label={t("print")} />
      </header>

      <section aria-labelledby="board-kpis" className="space-y-2">
        <h2 id="board-kpis" className="text-lg font-semibold">{tk("sectionTitle")}</h2>
        <table className="w-full text-left" data-testid="board-kpis">
          <thead className="border-b border-border text-muted">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">{t("kpiColumn")}</th>
              <th scope="col" className="py-1 pr-3 font-medium">{tk("periodColumn")}</th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">{tk("valueColumn")}</th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">{tk("intervalColumn")}</th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">n</th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">{tk("targetLabel")}</th>
              <th scope="col" className="py-1 font-medium">{t("statusColumn")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {overview.kpis.map(({ definition, latest, status, target }) => {
              const value = latest?.value;
              const shown = value?.status === "ok" ? formatKpiEstimate(format, definition.aggregation, value.estimate) : null;
              return (
                <tr key={definition.key} data-testid="board-kpi">
                  <th scope="row" className="py-1 pr-3 font-normal" data-user-content={definition.isBuiltIn ? undefined : true}>{kpiName(definition)}</th>
                  <td className="py-1 pr-3">{latest ? formatPeriod(format, definition.period, latest.periodStart, (values) => tk("quarter", values)) : "—"}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{shown ? shown.value : value && value.status !== "ok" ? kpiShortfall(tk, value, overview.minN) : "—"}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{shown?.interval ?? "—"}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{value ? format.number(value.status === "ok" ? value.estimate.n : value.n) : "—"}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{formatKpiTarget(format, tk, definition, target) ?? "—"}</td>
                  <td className="py-1">{tk(`status_${status}`)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="text-muted">{tk("sectionHelp", { minN: overview.minN })}</p>
      </section>

      <section aria-labelledby="board-rates" className="space-y-2">
        <h2 id="board-rates" className="text-lg font-semibold">{tr("title")}</h2>
        <ResponseRatesTable rates={rates} />
      </section>

      <section aria-labelledby="board-decisions" className="space-y-2">
        <h2 id="board-decisions" className="text-lg font-semibold">{tc("recentTitle")}</h2>
        {decisions.length === 0 ? (
          <p className="text-muted">{tc("recentEmpty")}</p>
        ) : (
          <ul className="divide-y divide-border" data-testid="board-decisions">
            {decisions.map((decision) => (
              <li key={decision.id} className="py-1">
                <span className="font-medium">{tc(`kind_${decision.kind}`)}</span> — <span data-user-content>{decision.campaignName}</span>{" "}
                <span className="text-muted">{tc("decidedBy", { name: decision.decidedByName || tc("someone"), date: format.dateTime(decision.decidedAt, { dateStyle: "medium" }) })}</span>
                <p className="text-muted" data-user-content>{decision.rationale}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
