import { getFormatter, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button-link";
import { Badge, Card } from "@/components/ui/card";

interface SessionItem {
  id: string;
  title: string;
  status: "scheduled" | "live" | "ended";
  scheduledAt: Date;
  panelName?: string;
}

/** Live sessions with a link each: "Join" on a participant's portal, "Watch" on a leader's dashboard. */
export async function LiveSessionsCard({ orgSlug, sessions, mode }: { orgSlug: string; sessions: SessionItem[]; mode: "portal" | "dashboard" }) {
  const [t, format] = await Promise.all([getTranslations(`live.${mode}`), getFormatter()]);
  return (
    <Card aria-labelledby={`live-${mode}-title`} data-testid={`live-${mode}-card`}>
      <h2 id={`live-${mode}-title`} className="text-lg font-semibold">{t("title")}</h2>
      <ul className="mt-3 divide-y divide-border">
        {sessions.map((session) => (
          <li key={session.id} className="flex flex-col gap-3 py-3 sm:flex-row sm:items-center sm:justify-between">
            <div>
              <p className="font-medium">{session.title}</p>
              <p className="text-sm text-muted">
                {session.status === "live" ? <Badge tone="success">{t("liveNow")}</Badge> : t("startsAt", { date: format.dateTime(session.scheduledAt, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) })}
                {session.panelName && <span className="ml-2">{session.panelName}</span>}
              </p>
            </div>
            <ButtonLink href={`/o/${orgSlug}/live/${session.id}`} variant={session.status === "live" ? "primary" : "secondary"} className="w-full sm:w-auto">
              <span aria-hidden="true">{mode === "portal" ? t("join") : t("watch")}</span>
              <span className="sr-only">{mode === "portal" ? t("joinNamed", { title: session.title }) : t("watchNamed", { title: session.title })}</span>
            </ButtonLink>
          </li>
        ))}
      </ul>
    </Card>
  );
}
