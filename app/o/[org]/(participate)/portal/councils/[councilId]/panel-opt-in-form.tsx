"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { IDLE } from "@/lib/http/action-state";
import { setPanelOptInAction } from "./actions";

/** A council member's standing choice to be asked to join panels; saved explicitly so a stray click changes nothing. */
export function PanelOptInForm({ orgId, councilId, isOptedIn }: { orgId: string; councilId: string; isOptedIn: boolean }) {
  const t = useTranslations("panels");
  const te = useTranslations("errors");
  const [state, action, isPending] = useActionState(setPanelOptInAction, IDLE);
  return (
    <form action={action} className="mt-2 space-y-3">
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="councilId" value={councilId} />
      <div className="flex items-start gap-3">
        <input id="portal-panel-opt-in" name="panelOptIn" type="checkbox" value="yes" defaultChecked={isOptedIn} className="mt-1 size-5 shrink-0" />
        <label htmlFor="portal-panel-opt-in" className="text-sm">
          {t("optInCheckbox")}
        </label>
      </div>
      <div aria-live="polite">
        {state.status === "success" && <Alert tone="success">{t(state.message === "optedIn" ? "optedIn" : "optedOut")}</Alert>}
        {state.status === "error" && <Alert>{te(state.error)}</Alert>}
      </div>
      <Button type="submit" variant="secondary" disabled={isPending} aria-busy={isPending}>
        {isPending ? t("saving") : t("optInSave")}
      </Button>
    </form>
  );
}
