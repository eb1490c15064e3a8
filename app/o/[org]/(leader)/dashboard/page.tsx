import { getTranslations } from "next-intl/server";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ResponseRatesTable } from "@/components/programs/response-rates-table";
import { FrontlineSummaryCard } from "@/components/frontline/frontline-summary-card";
import { KpiCards } from "@/components/kpis/kpi-cards";
import { QueryProvider } from "@/components/query-provider";
import { OpenAlertsCard } from "@/components/alerts/open-alerts-card";
import { RecentDecisionsCard } from "@/components/decisions/recent-decisions-card";
import { LiveSessionsCard } from "@/components/live/live-session-cards";
import { PeopleSummary } from "@/components/org/people-summary";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { can } from "@/lib/authz/policy";
import { getFrontlineDashboard } from "@/lib/frontline/frontline-dashboard";
import { getKpiOverview } from "@/lib/kpis/get-kpi-overview";
import { listRecentDecisions } from "@/lib/decisions/list-decisions";
import { openAlertsSummary } from "@/lib/alerts/list-alerts";
import { listWatchableLiveSessions } from "@/lib/live/list-watchable-live-sessions";
import { countMembersByRole } from "@/lib/organizations/count-members-by-role";
import { listProgrammeResponseRates } from "@/lib/programs/programme-response-rates";

export default async function DashboardPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { organization, actor, role } = await loadOrgPage(org, "dashboard.view", "/dashboard");
  const db = await getDb();
  const [t, tr, overview, decisions, counts, frontline, liveSessions, rates, openAlerts] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("responseRates"),
    getKpiOverview(db, actor, { id: organization.id }),
    listRecentDecisions(db, actor, { id: organization.id }),
    countMembersByRole(db, actor, organization.id),
    getFrontlineDashboard(db, actor, { id: organization.id }, {}),
    can(role, "live.observe") ? listWatchableLiveSessions(db, actor, { id: organization.id }) : [],
    listProgrammeResponseRates(db, actor, { id: organization.id }),
    openAlertsSummary(db, actor, { id: organization.id }),
  ]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description", { org: organization.name })} />
      <div className="space-y-6">
        {liveSessions.length > 0 && <LiveSessionsCard orgSlug={organization.slug} sessions={liveSessions} mode="dashboard" />}
        {overview.kpis.some((kpi) => kpi.latest) ? <QueryProvider><KpiCards orgSlug={organization.slug} initial={overview} canViewScorecard={can(role, "scorecard.view")} canDefineKpis={can(role, "kpis.manage")} /></QueryProvider> : <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>}
        <div className="grid gap-6 lg:grid-cols-2">
          <OpenAlertsCard orgSlug={organization.slug} summary={openAlerts} />
          <RecentDecisionsCard orgSlug={organization.slug} decisions={decisions} canOpenCampaigns={can(role, "campaigns.manage")} />
          <FrontlineSummaryCard orgSlug={organization.slug} dashboard={frontline} />
        </div>
        <Card aria-labelledby="response-rates-title" className="space-y-3">
          <h2 id="response-rates-title" className="text-lg font-semibold">{tr("title")}</h2>
          <p className="text-sm text-muted">{tr("help")}</p>
          <ResponseRatesTable rates={rates} />
        </Card>
        <PeopleSummary counts={counts} />
      </div>
    </>
  );
}
