import { getTranslations } from "next-intl/server";
import { OpenInstrumentList } from "@/components/respond/open-instrument-list";
import { ButtonLink } from "@/components/ui/button";
import { Alert, Card, EmptyState } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { getSessionUser } from "@/lib/auth/actor";
import { loadOrgPage } from "@/lib/auth/org-page";
import { can } from "@/lib/authz/policy";
import { listOpenInstruments } from "@/lib/responses/list-open-instruments";

export default async function PortalPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { organization, role, actor } = await loadOrgPage(org, "portal.view", "/portal");
  const [t, tf, user] = await Promise.all([getTranslations("portal"), getTranslations("fieldReports"), getSessionUser()]);
  const instruments = can(role, "instruments.respond") ? await listOpenInstruments(await getDb(), actor, { id: organization.id }) : [];
  const firstName = user?.name?.split(" ")[0];
  return (
    <>
      <header className="mb-6">
        <h1 className="text-2xl font-semibold">{firstName ? t("title", { name: firstName }) : t("titleAnonymous")}</h1>
        <p className="mt-1 text-muted">{t("description", { org: organization.name })}</p>
      </header>
      <div className="space-y-4">
        {role === "frontline" && <Alert tone="success">{t("frontlineNote")}</Alert>}
        {can(role, "frontline.submit") && (
          <Card>
            <h2 className="text-lg font-semibold">{tf("portalCardTitle")}</h2>
            <p className="mt-1 mb-4 text-sm text-muted">{tf("portalCardBody")}</p>
            <ButtonLink href={`/o/${organization.slug}/portal/reports`} className="w-full sm:w-auto">
              {tf("portalCardLink")}
            </ButtonLink>
          </Card>
        )}
        {instruments.length > 0 ? <OpenInstrumentList orgSlug={organization.slug} instruments={instruments} /> : <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>}
      </div>
    </>
  );
}
