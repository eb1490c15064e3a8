import { getTranslations } from "next-intl/server";
import { LeaveProgramForm } from "@/components/programs/leave-program-form";
import { RenewConsentForm } from "@/components/programs/renew-consent-form";
import { MyConsents } from "@/components/consent/my-consents";
import { PromisesList } from "@/components/consent/promises-list";
import { Badge, Card } from "@/components/ui/card";
import { isOptionalPurpose } from "@/lib/consent/consent-state";
import type { getMyConsent } from "@/lib/consent/get-my-consent";
import type { ActionState } from "@/lib/http/action-state";

/** The portal's "My panels": each panel's purpose and a way to leave it, next to "My councils". */
type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

export async function MyPanelCards({ orgId, orgSlug, panels, leaveAction, renewAction, consentAction, openConsentsOf }: {
  orgId: string;
  orgSlug: string;
  panels: Array<{ id: string; name: string; purpose: string; consentText: string; memberStatus: "pending_consent" | "active" | "left"; consent: Awaited<ReturnType<typeof getMyConsent>> }>;
  leaveAction: FormAction;
  renewAction: FormAction;
  consentAction: FormAction;
  /** The panel whose consents are shown open: the one a consent form was just sent from without JavaScript. */
  openConsentsOf?: string;
}) {
  const [t, tc, tcon] = await Promise.all([getTranslations("panels"), getTranslations("councils"), getTranslations("consent")]);
  return (
    <section aria-labelledby="my-panels" className="space-y-3">
      <h2 id="my-panels" className="text-lg font-semibold">{t("myPanelsTitle")}</h2>
      <ul className="space-y-3">
        {panels.map((panel) => (
          <li key={panel.id}>
            <Card data-testid="my-panel">
              <h3 className="font-semibold">{panel.name}</h3>
              <p className="mt-1 mb-3 text-sm whitespace-pre-line text-muted">{panel.purpose}</p>
              {panel.memberStatus === "pending_consent" && (
                <div className="mb-3 rounded-lg border border-warning bg-warning-bg p-3">
                  <Badge tone="warning">{tc("consentChangedBadge")}</Badge>
                  <div className="mt-2 max-h-60 overflow-y-auto rounded-md border border-border bg-surface p-3 text-sm whitespace-pre-line" tabIndex={0}>
                    {panel.consentText}
                  </div>
                  <p className="mt-2 text-sm font-medium">{tcon("changedPurposes", { purposes: panel.consent.changed.map((purpose) => tcon(`purpose.${purpose}`)).join(", ") })}</p>
                  <RenewConsentForm
                    action={renewAction}
                    hidden={{ orgId, panelId: panel.id }}
                    purposes={panel.consent.purposes.filter((state) => isOptionalPurpose(state.purpose) && state.status === "needs_answer" && state.text).map((state) => ({ purpose: state.purpose, label: tcon(`purpose.${state.purpose}`), text: state.text! }))}
                  />
                </div>
              )}
              <div className="mb-3 space-y-3">
                <PromisesList title={tcon("promisesMemberTitlePanel")} promises={panel.consent.promises} headingLevel={4} id={`promises-${panel.id}`} />
                <details open={panel.id === openConsentsOf || undefined}>
                  <summary className="min-h-11 cursor-pointer py-2 font-medium text-primary">{tcon("yourConsentsTitle")}</summary>
                  <MyConsents
                    orgId={orgId}
                    kind="panel"
                    programId={panel.id}
                    consent={panel.consent}
                    action={consentAction}
                    isNested
                    // Sent without JavaScript, a decision comes back to this card with its consents open, its outcome in view.
                    permalink={(anchor) => `/o/${orgSlug}/portal?consents=${panel.id}#${anchor}`}
                  />
                </details>
              </div>
              <LeaveProgramForm
                action={leaveAction}
                hidden={{ orgId, orgSlug, panelId: panel.id }}
                texts={{ leave: t("leave"), confirm: t("leaveConfirm", { panel: panel.name }), confirmButton: t("leaveConfirmButton") }}
              />
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
