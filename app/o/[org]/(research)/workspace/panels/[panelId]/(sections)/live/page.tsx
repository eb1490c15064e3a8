import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { getDb } from "@/db/client";
import { systemClock } from "@/lib/clock";
import { listPanelLiveSessions } from "@/lib/live/list-panel-live-sessions";
import { listPollAudiences } from "@/lib/polls/list-quick-polls";
import { loadPanelPage } from "../../load-panel";
import { ScheduleForm } from "./schedule-form";

const STATUS_TONE = { scheduled: "neutral", live: "success", ended: "warning" } as const;
/** Tomorrow at the next full hour, as a datetime-local value in UTC. */
const defaultStart = (now: Date) => new Date(Math.ceil((now.getTime() + 86_400_000) / 3_600_000) * 3_600_000).toISOString().slice(0, 16);

export default async function PanelLiveSessionsPage({ params }: { params: Promise<{ org: string; panelId: string }> }) {
  const { org, panelId } = await params;
  const { organization, actor, panel } = await loadPanelPage(org, panelId, "/live");
  const db = await getDb();
  const [t, format, sessions, audiences] = await Promise.all([getTranslations("live"), getFormatter(), listPanelLiveSessions(db, actor, organization.id, { panelId }), listPollAudiences(db, actor, organization.id)]);
  const samples = audiences.find((audience) => audience.id === panel.id)?.samples ?? [];
  const base = `/o/${organization.slug}/live`;
  return (
    <div className="space-y-8">
      <PageHeader level={2} title={t("section")} />
      <section aria-labelledby="live-sessions-title" className="space-y-3">
        <h3 id="live-sessions-title" className="text-lg font-semibold">{t("list.title")}</h3>
        {sessions.length === 0 ? (
          <EmptyState title={t("list.empty")}>{t("list.emptyHint")}</EmptyState>
        ) : (
          <DataTable caption={t("list.caption")} columns={[{ label: t("list.colTitle") }, { label: t("list.colWhen") }, { label: t("list.colStatus") }, { label: t("list.colPolls") }, { label: t("list.colLinks") }]}>
            {sessions.map((session) => (
              <tr key={session.id} data-testid="live-session-row">
                <td className="px-4 py-3 font-medium">
                  {session.title}
                  {session.sampleName && <span className="block text-xs text-muted">{t("schedule.sampleOption", { name: session.sampleName })}</span>}
                </td>
                <td className="px-4 py-3">{format.dateTime(session.scheduledAt, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })}</td>
                <td className="px-4 py-3"><Badge tone={STATUS_TONE[session.status]}>{t(`status.${session.status}`)}</Badge></td>
                <td className="px-4 py-3">{session.pollCount}</td>
                <td className="px-4 py-3">
                  <div className="flex flex-wrap gap-3">
                    <Link className="text-primary underline-offset-2 hover:underline" href={`${base}/${session.id}`} aria-label={`${t("list.console")}: ${session.title}`}>{t("list.console")}</Link>
                    {session.status === "ended" && <Link className="text-primary underline-offset-2 hover:underline" href={`${base}/${session.id}/review`} aria-label={`${t("list.review")}: ${session.title}`}>{t("list.review")}</Link>}
                  </div>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      <Card>
        <h3 id="schedule-live" className="mb-4 text-lg font-semibold">{t("schedule.title")}</h3>
        <ScheduleForm orgId={organization.id} panelId={panel.id} defaultLocale={organization.defaultLocale} samples={samples} defaultStart={defaultStart(systemClock.now())} />
      </Card>
    </div>
  );
}
