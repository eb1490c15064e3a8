"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { IDLE } from "@/lib/http/action-state";
import { inviteCouncilOptInsAction } from "../../../actions";

export function CouncilOptInsForm({ orgId, panelId, count }: { orgId: string; panelId: string; count: number }) {
  const t = useTranslations("panels");
  const te = useTranslations("errors");
  const [state, action, isPending] = useActionState(inviteCouncilOptInsAction, IDLE);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="panelId" value={panelId} />
      <div aria-live="polite">
        {state.status === "success" && <Alert tone="success">{t("optInsInvited", { count: Number(state.message) })}</Alert>}
        {state.status === "error" && <Alert>{te(state.error)}</Alert>}
      </div>
      <Button type="submit" disabled={isPending} aria-busy={isPending}>
        {t("optInsInvite", { count })}
      </Button>
    </form>
  );
}
