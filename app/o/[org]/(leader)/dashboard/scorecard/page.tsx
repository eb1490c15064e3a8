import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { formatN } from "@/components/frontline/format";
import { formatKpiEstimate, formatKpiTarget, formatPeriod, kpiNamer } from "@/components/kpis/format-kpi";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { getScorecard } from "@/lib/kpis/get-scorecard";

export default async function ScorecardPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { organization, actor } = await loadOrgPage(org, "scorecard.view", "/dashboard/scorecard");
  const [t, tk, format, scorecard] = await Promise.all([getTranslations("scorecard"), getTranslations("kpis"), getFormatter(), getScorecard(await getDb(), actor, { id: organization.id })]);
  const kpiName = kpiNamer(tk);
  const percent = (value: number) => format.number(value, { style: "percent", maximumFractionDigits: 0 });
  return (
    <>
      <p className="mb-2 text-sm"><Link href={`/o/${org}/dashboard`} className="text-primary underline">{tk("back")}</Link></p>
      <PageHeader title={t("title")} description={t("description")} actions={scorecard.owners.length > 0 ? <a href={`/api/o/${org}/scorecard/export`} download className="text-sm text-primary underline">{t("exportCsv")}</a> : undefined} />
      {scorecard.owners.length === 0 ? (
        <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
      ) : (
        <div className="space-y-6">
          {scorecard.owners.map((card) => (
            <Card key={card.owner.userId} aria-labelledby={`owner-${card.owner.userId}`} className="space-y-4" data-testid="owner-scorecard">
              <div className="flex flex-wrap items-baseline justify-between gap-3">
                <h2 id={`owner-${card.owner.userId}`} className="text-lg font-semibold">{card.owner.name}</h2>
                {card.score === null ? <Badge tone="warning">{t("needsTwoKpis")}</Badge> : <p className="text-lg font-semibold tabular-nums">{t("score", { score: percent(card.score) })}</p>}
              </div>
              <div className="overflow-x-auto">
                <table className="w-full text-left text-sm">
                  <caption className="sr-only">{t("tableCaption", { name: card.owner.name })}</caption>
                  <thead className="text-muted">
                    <tr>
                      {[t("kpiColumn"), t("periodColumn"), t("valueColumn"), t("targetColumn"), t("attainmentColumn"), t("weightColumn"), t("flagsColumn")].map((label) => <th key={label} scope="col" className="py-2 pr-3 font-medium">{label}</th>)}
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-border">
                    {card.kpis.map((kpi) => {
                      const value = kpi.latest?.value;
                      const shown = value?.status === "ok" ? formatKpiEstimate(format, kpi.aggregation, value.estimate) : null;
                      return (
                        <tr key={kpi.key} data-testid="scorecard-kpi">
                          <th scope="row" className="py-2 pr-3 font-normal" data-user-content={kpi.isBuiltIn ? undefined : true}><Link href={`/o/${org}/dashboard/kpis/${kpi.key}`} className="text-primary underline">{kpiName(kpi)}</Link></th>
                          <td className="py-2 pr-3">{kpi.latest ? formatPeriod(format, kpi.period, kpi.latest.periodStart, (values) => tk("quarter", values)) : "—"}</td>
                          <td className="py-2 pr-3 tabular-nums">{shown && value?.status === "ok" ? `${shown.value}${shown.interval ? ` (${shown.interval})` : ""} · ${formatN(format, value.estimate.n)}` : tk("noDataYet")}</td>
                          <td className="py-2 pr-3 tabular-nums">{formatKpiTarget(format, tk, kpi, kpi.effectiveTarget)}</td>
                          <td className="py-2 pr-3 tabular-nums">{kpi.attainment === null ? "—" : percent(kpi.attainment)}</td>
                          <td className="py-2 pr-3 tabular-nums">{format.number(kpi.weight)}</td>
                          <td className="py-2">
                            <div className="flex flex-wrap gap-1">{kpi.flags.length === 0 ? <span className="text-muted">—</span> : kpi.flags.map((flag) => <Badge key={flag} tone={flag === "noData" || flag === "noBaseline" ? "neutral" : "warning"}>{t(`flag_${flag}`)}</Badge>)}</div>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </Card>
          ))}
          {scorecard.unowned.length > 0 && <p className="text-sm text-muted">{t("unowned", { count: scorecard.unowned.length })}</p>}
          <Card>
            <h2 className="text-lg font-semibold">{t("howTitle")}</h2>
            <p className="mt-2 max-w-prose text-sm text-muted">{t("howBody")}</p>
          </Card>
        </div>
      )}
    </>
  );
}
