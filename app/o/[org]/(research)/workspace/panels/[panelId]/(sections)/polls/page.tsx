import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PollsTable } from "@/components/polls/polls-table";
import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import type { Locale } from "@/lib/i18n/locales";
import { listPollAudiences, listQuickPolls } from "@/lib/polls/list-quick-polls";

export default async function PanelPollsPage({ params }: { params: Promise<{ org: string; panelId: string }> }) {
  const { org, panelId } = await params;
  const { organization, actor } = await loadOrgPage(org, "panels.manage", `/workspace/panels/${panelId}/polls`);
  const db = await getDb();
  const locale = (await getLocale()) as Locale;
  const panel = (await listPollAudiences(db, actor, organization.id)).find((candidate) => candidate.id === panelId);
  if (!panel) notFound();
  const [t, polls] = await Promise.all([getTranslations("polls"), listQuickPolls(db, actor, organization.id, locale, { panelId })]);
  const newLink = <ButtonLink href={`/o/${organization.slug}/workspace/panels/polls?panel=${panelId}#new-poll`}>{t("newPollLink")}</ButtonLink>;
  return (
    <>
      <PageHeader
        level={2}
        title={t("panelPollsTitle", { panel: panel.name })}
        description={t("description")}
        actions={
          <div className="flex flex-wrap gap-2">
            <ButtonLink variant="secondary" href={`/o/${organization.slug}/workspace/panels/polls`}>{t("backToPolls")}</ButtonLink>
            {polls.length > 0 && newLink}
          </div>
        }
      />
      {polls.length === 0 ? (
        <EmptyState title={t("empty")} action={newLink}>
          {t("emptyPanelHint")}
        </EmptyState>
      ) : (
        <PollsTable orgSlug={organization.slug} polls={polls} showPanel={false} />
      )}
    </>
  );
}
