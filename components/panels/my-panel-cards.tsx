import { getTranslations } from "next-intl/server";
import { LeaveProgramForm } from "@/components/programs/leave-program-form";
import { RenewConsentForm } from "@/components/programs/renew-consent-form";
import { Badge, Card } from "@/components/ui/card";
import type { ActionState } from "@/lib/http/action-state";

/** The portal's "My panels": each panel's purpose and a way to leave it, next to "My councils". */
type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

export async function MyPanelCards({ orgId, orgSlug, panels, leaveAction, renewAction }: { orgId: string; orgSlug: string; panels: Array<{ id: string; name: string; purpose: string; consentText: string; memberStatus: "pending_consent" | "active" | "left" }>; leaveAction: FormAction; renewAction: FormAction }) {
  const [t, tc] = await Promise.all([getTranslations("panels"), getTranslations("councils")]);
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
                  <RenewConsentForm action={renewAction} hidden={{ orgId, panelId: panel.id }} />
                </div>
              )}
              <LeaveProgramForm
                action={leaveAction}
                hidden={{ orgId, orgSlug, panelId: panel.id }}
                texts={{ leave: t("leave"), confirm: t("leaveConfirm", { panel: panel.name }), confirmButton: t("leaveConfirmButton"), cancel: t("leaveCancel") }}
              />
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
