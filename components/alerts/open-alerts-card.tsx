import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { openAlertsSummary } from "@/lib/alerts/list-alerts";
import { alertTexter } from "./alert-text";

/** The leaders' home: how many alerts wait for action, the latest of them, and the way to all. */
export async function OpenAlertsCard({ orgSlug, summary }: { orgSlug: string; summary: Awaited<ReturnType<typeof openAlertsSummary>> }) {
  const [t, tk, tc, format] = await Promise.all([getTranslations("alerts"), getTranslations("kpis"), getTranslations("councils"), getFormatter()]);
  const text = alertTexter(t, tk, tc, format);
  return (
    <Card aria-labelledby="open-alerts-title" className="min-w-0 space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="open-alerts-title" className="text-lg font-semibold">{t("dashboardTitle")}</h2>
        <Link href={`/o/${orgSlug}/dashboard/alerts`} className="text-sm text-primary underline">{t("dashboardLink")}</Link>
      </div>
      {summary.count === 0 ? (
        <p className="text-sm text-muted">{t("dashboardNone")}</p>
      ) : (
        <>
          <p className="text-sm font-medium text-danger" data-testid="open-alerts-count">{t("dashboardCount", { count: summary.count })}</p>
          <ul className="space-y-1 text-sm">
            {summary.latest.map((alert) => <li key={alert.id}>{text(alert.facts)} · {t("due", { date: format.dateTime(new Date(`${alert.dueOn}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }) })}</li>)}
          </ul>
        </>
      )}
    </Card>
  );
}
