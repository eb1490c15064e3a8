import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { TrendChart } from "@/components/charts/trend-chart";
import { FrontlineFilters } from "@/components/frontline/frontline-filters";
import { formatN, formatPulse, formatRate } from "@/components/frontline/format";
import { GroupTable } from "@/components/frontline/group-table";
import { PainPointBars } from "@/components/frontline/pain-point-bars";
import { SuppressedNote } from "@/components/frontline/suppressed-note";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { can } from "@/lib/authz/policy";
import { frontlineDashboardQuerySchema, getFrontlineDashboard } from "@/lib/frontline/frontline-dashboard";

export default async function FrontlineDashboardPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const [{ org }, rawQuery] = await Promise.all([params, searchParams]);
  const { organization, actor, role } = await loadOrgPage(org, "dashboard.view", "/dashboard/frontline");
  // An unreadable filter in the URL falls back to the whole organization rather than an error page.
  const parsed = frontlineDashboardQuerySchema.safeParse(Object.fromEntries(Object.entries(rawQuery).filter(([, value]) => value)));
  const query = parsed.success ? parsed.data : {};
  const [t, ta, format, dashboard] = await Promise.all([getTranslations("frontlineDashboard"), getTranslations("anonymity"), getFormatter(), getFrontlineDashboard(await getDb(), actor, { id: organization.id }, query)]);
  const back = <Link href={`/o/${org}/dashboard`} className="text-primary underline">{t("back")}</Link>;
  if (!dashboard.program) {
    return (
      <>
        <p className="mb-2 text-sm">{back}</p>
        <PageHeader title={t("title")} />
        <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
      </>
    );
  }
  const { thresholds, trend, selectedCycle } = dashboard;
  const month = (iso: string) => format.dateTime(new Date(iso), { month: "short", year: "numeric", timeZone: "UTC" });
  const notShown = ta("notShown");
  const ratePoints = trend.map((cycle) => {
    const rate = cycle.responseRate ? formatRate(format, cycle.responseRate) : null;
    return { label: month(cycle.opensAt), value: cycle.responseRate ? cycle.responseRate.value * 100 : null, lower: cycle.responseRate?.lower == null ? null : cycle.responseRate.lower * 100, upper: cycle.responseRate?.upper == null ? null : cycle.responseRate.upper * 100, text: rate ? `${rate.value} · ${t("respondedOf", { responded: cycle.responded, invited: cycle.invited })}${rate.interval ? ` · ${t("interval", { interval: rate.interval })}` : ""}` : notShown };
  });
  const pulsePoints = trend.map((cycle) => {
    if (cycle.pulse.suppressed) return { label: month(cycle.opensAt), value: null, lower: null, upper: null, text: ta(`reason_${cycle.pulse.reason}`, { min: thresholds.minGroupSize }) };
    const pulse = formatPulse(format, cycle.pulse);
    return { label: month(cycle.opensAt), value: cycle.pulse.value, lower: cycle.pulse.lower, upper: cycle.pulse.upper, text: `${pulse.value} · ${formatN(format, cycle.pulse.n)}${pulse.interval ? ` · ${t("interval", { interval: pulse.interval })}` : ""}` };
  });
  const latest = (points: typeof ratePoints) => (points.length ? t("trendSummary", { count: points.length, month: points.at(-1)!.label, value: points.at(-1)!.text }) : t("noCycles"));
  const percentTick = (value: number) => format.number(value / 100, { style: "percent", maximumFractionDigits: 0 });
  const comments = selectedCycle?.comments;
  return (
    <>
      <p className="mb-2 text-sm">{back}</p>
      <PageHeader title={t("title")} description={t("description", { program: dashboard.program.name, min: thresholds.minGroupSize })} />
      <div className="space-y-6">
        <Card>
          <FrontlineFilters basePath={`/o/${org}/dashboard/frontline`} teams={dashboard.options.teams} locations={dashboard.options.locations} months={trend.map((cycle) => ({ sequence: cycle.sequence, label: month(cycle.opensAt) }))} selected={{ team: query.team, location: query.location, cycle: query.cycle }} />
        </Card>
        {trend.length === 0 ? (
          <EmptyState title={t("noCycles")}>{t("noCyclesBody")}</EmptyState>
        ) : (
          <>
            <div className="grid gap-6 lg:grid-cols-2">
              <Card className="min-w-0"><TrendChart title={t("responseRateTrend")} summary={latest(ratePoints)} points={ratePoints} max={100} tableLabel={t("showTable")} columnLabels={[t("monthColumn"), t("rateColumn")]} formatTick={percentTick} /></Card>
              <Card className="min-w-0">
                <TrendChart title={t("pulseTrend")} summary={latest(pulsePoints)} points={pulsePoints} max={100} tableLabel={t("showTable")} columnLabels={[t("monthColumn"), t("pulseColumn")]} formatTick={(value) => format.number(value)} />
                {pulsePoints.some((point) => point.value === null) && <p className="mt-2 text-sm text-muted">{ta("chartHiddenMonths", { min: thresholds.minGroupSize })}</p>}
                <p className="mt-2 text-xs text-muted">{t("pulseHelp")}</p>
              </Card>
            </div>
            {selectedCycle && (
              <section aria-labelledby="month-title" className="space-y-4">
                <h2 id="month-title" className="text-xl font-semibold">{t("monthTitle", { month: month(selectedCycle.opensAt) })}</h2>
                <div className="grid gap-6 lg:grid-cols-2">
                  <div className="min-w-0 space-y-2"><h3 className="font-medium">{t("byTeam")}</h3><GroupTable caption={t("byTeam")} groupLabel={t("teamLabel")} rows={selectedCycle.teams} thresholds={thresholds} /></div>
                  <div className="min-w-0 space-y-2"><h3 className="font-medium">{t("byLocation")}</h3><GroupTable caption={t("byLocation")} groupLabel={t("locationLabel")} rows={selectedCycle.locations} thresholds={thresholds} /></div>
                </div>
                <Card>
                  <h2 className="mb-4 text-lg font-semibold">{t("painPoints")}</h2>
                  <div className="grid gap-6 md:grid-cols-2">
                    <PainPointBars title={month(selectedCycle.opensAt)} painPoints={selectedCycle.painPoints} thresholds={thresholds} />
                    <PainPointBars title={t("allMonths")} painPoints={dashboard.painPointsAllCycles} thresholds={thresholds} />
                  </div>
                </Card>
                <Card aria-labelledby="comments-title">
                  <h2 id="comments-title" className="text-lg font-semibold">{t("comments")}</h2>
                  {comments?.suppressed ? (
                    <p className="mt-2"><SuppressedNote reason={comments.reason} thresholds={thresholds} /></p>
                  ) : comments && comments.texts.length > 0 ? (
                    <>
                      <p className="mt-1 text-xs text-muted">{formatN(format, comments.n)}</p>
                      <ul className="mt-3 space-y-2">
                        {comments.texts.map((group) => (
                          <li key={group.text} className="flex items-start justify-between gap-3 rounded-md bg-accent px-3 py-2 text-sm">
                            <span>{group.text}</span>
                            {group.count > 1 && <span className="shrink-0 text-xs text-muted">{t("sameWords", { count: group.count })}</span>}
                          </li>
                        ))}
                      </ul>
                    </>
                  ) : (
                    <p className="mt-2 text-sm text-muted">{t("noComments")}</p>
                  )}
                </Card>
              </section>
            )}
          </>
        )}
        <Card>
          <h2 className="text-lg font-semibold">{ta("howItWorksTitle")}</h2>
          <p className="mt-2 max-w-prose text-sm text-muted">{ta("howItWorksBody", { min: thresholds.minGroupSize, commentMin: thresholds.minCommentGroupSize })}</p>
          {can(role, "org.manage") && <Link href={`/o/${org}/admin/anonymity`} className="mt-3 inline-block text-sm text-primary underline">{ta("changeThresholds")}</Link>}
        </Card>
      </div>
    </>
  );
}
