import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, Card } from "@/components/ui/card";
import type { ActionState } from "@/lib/http/action-state";
import type { getProgramConsent } from "@/lib/consent/get-program-consent";
import { PromisesForm } from "./promises-form";
import { PublishConsentForm } from "./publish-consent-form";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * The researcher's "Consent and promises": per purpose the current text and version, its history and
 * a form for a new version; then the data-use promises.
 */
export async function ConsentSettings({ orgId, kind, programId, consent, publishAction, promisesAction }: {
  orgId: string;
  kind: "council" | "panel";
  programId: string;
  consent: Awaited<ReturnType<typeof getProgramConsent>>;
  publishAction: Action;
  promisesAction: Action;
}) {
  const [t, format] = await Promise.all([getTranslations("consent"), getFormatter()]);
  const hidden = { orgId, kind, programId };
  return (
    <Card aria-labelledby="consent-settings-title" className="space-y-6">
      <div>
        <h2 id="consent-settings-title" className="text-lg font-semibold">{t("settingsTitle")}</h2>
        <p className="mt-1 text-sm text-muted">{t("settingsIntro")}</p>
      </div>
      {consent.purposes.map(({ purpose, versions }) => {
        const [current, ...earlier] = versions;
        return (
          <section key={purpose} aria-labelledby={`consent-${purpose}-title`} className="space-y-3 border-t border-border pt-4" data-testid={`consent-purpose-${purpose}`}>
            <h3 id={`consent-${purpose}-title`} className="font-semibold">{t(`purpose.${purpose}`)}</h3>
            <p className="text-sm text-muted">{t(`purposeHint.${purpose}`)}</p>
            {current ? (
              <>
                <p className="flex flex-wrap items-center gap-2 text-sm">
                  <span data-testid={`consent-${purpose}-version`}>{t("versionLine", { version: current.version, date: format.dateTime(current.createdAt, { dateStyle: "medium" }) })}</span>
                  <Badge tone={current.isMaterial ? "warning" : "neutral"}>{current.isMaterial ? t("material") : t("notMaterial")}</Badge>
                </p>
                <div className="max-h-60 overflow-y-auto rounded-md border border-border bg-bg p-3 text-sm whitespace-pre-line" tabIndex={0} data-user-content>
                  {current.body}
                </div>
                {earlier.length > 0 && (
                  <details>
                    <summary className="min-h-11 cursor-pointer py-2 text-sm font-medium">{t("historyTitle", { count: earlier.length })}</summary>
                    <ol className="mt-2 space-y-3">
                      {earlier.map((version) => (
                        <li key={version.version} className="text-sm">
                          <p className="flex flex-wrap items-center gap-2 text-muted">
                            {t("versionLine", { version: version.version, date: format.dateTime(version.createdAt, { dateStyle: "medium" }) })}
                            <Badge tone={version.isMaterial ? "warning" : "neutral"}>{version.isMaterial ? t("material") : t("notMaterial")}</Badge>
                          </p>
                          <p className="mt-1 whitespace-pre-line" data-user-content>{version.body}</p>
                        </li>
                      ))}
                    </ol>
                  </details>
                )}
              </>
            ) : (
              <p className="text-sm">{t("notOffered")}</p>
            )}
            <PublishConsentForm action={publishAction} hidden={hidden} purpose={purpose} current={current?.body ?? ""} />
          </section>
        );
      })}
      <section aria-labelledby="promises-title" className="space-y-3 border-t border-border pt-4">
        <h3 id="promises-title" className="font-semibold">{t("promisesTitle")}</h3>
        <p className="text-sm text-muted">{t("promisesIntro")}</p>
        <PromisesForm action={promisesAction} hidden={hidden} promises={consent.promises} />
      </section>
    </Card>
  );
}
