import { getTranslations } from "next-intl/server";
import { MyCouncilCards } from "@/components/councils/my-council-cards";
import { LiveSessionsCard } from "@/components/live/live-session-cards";
import { MyPanelCards } from "@/components/panels/my-panel-cards";
import { OpenInstrumentList } from "@/components/respond/open-instrument-list";
import { ButtonLink } from "@/components/ui/button-link";
import { Alert, Card, EmptyState } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { getSessionUser } from "@/lib/auth/actor";
import { loadOrgPage } from "@/lib/auth/org-page";
import { can } from "@/lib/authz/policy";
import { listMyCouncils } from "@/lib/councils/my-councils";
import { listMyLiveSessions } from "@/lib/live/list-my-live-sessions";
import { getMyConsent } from "@/lib/consent/get-my-consent";
import { listMyPanels } from "@/lib/panels/my-panels";
import { listOpenInstruments } from "@/lib/responses/list-open-instruments";
import { leavePanelAction, renewPanelConsentAction } from "./actions";
import { recordConsentAction } from "./consent/actions";

export default async function PortalPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<{ left?: string; joined?: string; consents?: string }> }) {
  const [{ org }, { left, joined, consents }] = await Promise.all([params, searchParams]);
  const { organization, role, actor } = await loadOrgPage(org, "portal.view", "/portal");
  const [t, tf, tc, tp, user] = await Promise.all([getTranslations("portal"), getTranslations("fieldReports"), getTranslations("councils"), getTranslations("panels"), getSessionUser()]);
  const db = await getDb();
  const [instruments, councils, panels, liveSessions] = await Promise.all([
    can(role, "instruments.respond") ? listOpenInstruments(db, actor, { id: organization.id }) : [],
    listMyCouncils(db, actor, organization.id),
    listMyPanels(db, actor, organization.id),
    listMyLiveSessions(db, actor, { id: organization.id }),
  ]);
  const panelsWithConsent = await Promise.all(panels.map(async (panel) => ({ ...panel, consent: await getMyConsent(db, actor, organization.id, "panel", panel.id) })));
  const firstName = user?.name?.split(" ")[0];
  return (
    <>
      <header className="mb-6">
        <h1 className="text-2xl font-semibold">{firstName ? t("title", { name: firstName }) : t("titleAnonymous")}</h1>
        <p className="mt-1 text-muted">{t("description", { org: organization.name })}</p>
      </header>
      <div className="space-y-4">
        {role === "frontline" && <Alert tone="success">{t("frontlineNote")}</Alert>}
        {left === "1" && <Alert tone="success">{tc("leftNotice")}</Alert>}
        {left === "panel" && <Alert tone="success">{tp("leftNotice")}</Alert>}
        {joined === "panel" && <Alert tone="success">{tp("joinedNotice")}</Alert>}
        {liveSessions.length > 0 && <LiveSessionsCard orgSlug={organization.slug} sessions={liveSessions} mode="portal" />}
        {instruments.length > 0 ? <OpenInstrumentList orgSlug={organization.slug} instruments={instruments} /> : <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>}
        {councils.length > 0 && <MyCouncilCards orgSlug={organization.slug} councils={councils} />}
        {panels.length > 0 && <MyPanelCards orgId={organization.id} orgSlug={organization.slug} panels={panelsWithConsent} leaveAction={leavePanelAction} renewAction={renewPanelConsentAction} consentAction={recordConsentAction} openConsentsOf={consents} />}
        {can(role, "frontline.submit") && (
          <Card>
            <h2 className="text-lg font-semibold">{tf("portalCardTitle")}</h2>
            <p className="mt-1 mb-4 text-sm text-muted">{tf("portalCardBody")}</p>
            <ButtonLink href={`/o/${organization.slug}/portal/reports`} className="w-full sm:w-auto">
              {tf("portalCardLink")}
            </ButtonLink>
          </Card>
        )}
      </div>
    </>
  );
}
