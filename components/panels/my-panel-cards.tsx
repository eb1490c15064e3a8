import { getTranslations } from "next-intl/server";
import { LeaveProgramForm } from "@/components/programs/leave-program-form";
import { Card } from "@/components/ui/card";
import type { ActionState } from "@/lib/http/action-state";

/** The portal's "My panels": each panel's purpose and a way to leave it, next to "My councils". */
export async function MyPanelCards({ orgId, orgSlug, panels, leaveAction }: { orgId: string; orgSlug: string; panels: Array<{ id: string; name: string; purpose: string }>; leaveAction: (state: ActionState, formData: FormData) => Promise<ActionState> }) {
  const t = await getTranslations("panels");
  return (
    <section aria-labelledby="my-panels" className="space-y-3">
      <h2 id="my-panels" className="text-lg font-semibold">{t("myPanelsTitle")}</h2>
      <ul className="space-y-3">
        {panels.map((panel) => (
          <li key={panel.id}>
            <Card data-testid="my-panel">
              <h3 className="font-semibold">{panel.name}</h3>
              <p className="mt-1 mb-3 text-sm whitespace-pre-line text-muted">{panel.purpose}</p>
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
