import { getLocale, getTranslations } from "next-intl/server";
import { PollsTable } from "@/components/polls/polls-table";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { loadOrgPage } from "@/lib/auth/org-page";
import { DAY_MS, systemClock } from "@/lib/clock";
import type { Locale } from "@/lib/i18n/locales";
import { listPollAudiences, listQuickPolls } from "@/lib/polls/list-quick-polls";
import { NewPollForm } from "./new-poll-form";

/** Three days from now, as a datetime-local value in UTC. */
const defaultDeadline = (now: Date) => new Date(now.getTime() + 3 * DAY_MS).toISOString().slice(0, 16);

export default async function QuickPollsPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<{ panel?: string }> }) {
  const [{ org }, { panel }] = await Promise.all([params, searchParams]);
  const { organization, actor } = await loadOrgPage(org, "panels.manage", "/workspace/panels/polls");
  const db = await getDb();
  const locale = (await getLocale()) as Locale;
  const [t, polls, panels] = await Promise.all([getTranslations("polls"), listQuickPolls(db, actor, organization.id, locale), listPollAudiences(db, actor, organization.id)]);
  return (
    <>
      <PageHeader title={t("allPolls")} description={t("description")} />
      <div className="space-y-8">
        {polls.length === 0 ? <EmptyState title={t("empty")}>{panels.length > 0 ? t("emptyHint") : t("noPanels")}</EmptyState> : <PollsTable orgSlug={organization.slug} polls={polls} showPanel />}
        {panels.length > 0 && (
          <Card>
            <h2 id="new-poll" className="mb-4 text-xl font-semibold">
              {t("newTitle")}
            </h2>
            <NewPollForm orgId={organization.id} orgSlug={organization.slug} defaultLocale={organization.defaultLocale} panels={panels} initialPanelId={panels.some((p) => p.id === panel) ? panel! : panels[0].id} defaultDeadline={defaultDeadline(systemClock.now())} />
          </Card>
        )}
      </div>
    </>
  );
}
