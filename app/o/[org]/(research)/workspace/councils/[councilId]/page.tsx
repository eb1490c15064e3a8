import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, Card } from "@/components/ui/card";
import { CouncilSettingsForm } from "./settings-form";
import { loadCouncilPage } from "./load-council";

export default async function CouncilOverviewPage({ params }: { params: Promise<{ org: string; councilId: string }> }) {
  const { org, councilId } = await params;
  const { organization, council } = await loadCouncilPage(org, councilId);
  const [t, format] = await Promise.all([getTranslations("councils"), getFormatter()]);
  const saved: Record<string, string> = {
    name: council.name,
    purpose: council.purpose,
    consentText: council.consentText,
    defaultLocale: council.defaultLocale,
    cadence: council.cadence,
    cadenceMonths: String(council.cadenceMonths),
    openDay: String(council.openDay),
    openForDays: String(council.openForDays),
    maxReminders: String(council.maxReminders),
    reminderEveryDays: String(council.reminderEveryDays),
    targetSize: council.targetSize ? String(council.targetSize) : "",
    ...Object.fromEntries(council.compositionTargets.map((target) => [`target.${target.attribute}.${target.value}`, String(target.share)])),
  };
  const tone = { scheduled: "neutral", open: "success", closed: "warning" } as const;
  return (
    <div className="space-y-6">
      <Card>
        <h2 className="mb-3 text-lg font-semibold">{t("sessionsTitle")}</h2>
        {council.sessions.length === 0 ? (
          <p className="text-sm text-muted">{t("sessionsEmpty")}</p>
        ) : (
          <ol className="divide-y divide-border">
            {council.sessions.map((session) => (
              <li key={session.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="council-session">
                <span>
                  {t("sessionNumber", { number: session.sequence + 1 })} · {format.dateTimeRange(session.opensAt, session.closesAt, { dateStyle: "medium" })}
                </span>
                <Badge tone={tone[session.status]}>{t(`sessionStatus.${session.status}`)}</Badge>
              </li>
            ))}
          </ol>
        )}
      </Card>
      <Card>
        <h2 className="mb-4 text-lg font-semibold">{t("settingsTitle")}</h2>
        <CouncilSettingsForm orgId={organization.id} councilId={council.id} saved={saved} />
      </Card>
    </div>
  );
}
