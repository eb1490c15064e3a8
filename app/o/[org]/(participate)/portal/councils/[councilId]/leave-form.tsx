"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { IDLE } from "@/lib/http/action-state";
import { leaveCouncilAction } from "./actions";

/** Leaving takes two deliberate steps: the first asks for confirmation in the page, not in a browser dialog. */
export function LeaveCouncilForm({ orgId, orgSlug, councilId, councilName }: { orgId: string; orgSlug: string; councilId: string; councilName: string }) {
  const t = useTranslations("councils");
  const te = useTranslations("errors");
  const [isConfirming, setConfirming] = useState(false);
  const [state, action, isPending] = useActionState(leaveCouncilAction, IDLE);
  if (!isConfirming) {
    return (
      <Button variant="danger" onClick={() => setConfirming(true)}>
        {t("leave")}
      </Button>
    );
  }
  return (
    <form action={action} className="space-y-3" aria-labelledby="leave-confirm">
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="orgSlug" value={orgSlug} />
      <input type="hidden" name="councilId" value={councilId} />
      <p id="leave-confirm" className="font-medium">{t("leaveConfirm", { council: councilName })}</p>
      {state.status === "error" && <Alert>{te(state.error)}</Alert>}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" variant="danger" disabled={isPending} aria-busy={isPending}>
          {t("leaveConfirmButton")}
        </Button>
        <Button variant="secondary" onClick={() => setConfirming(false)} disabled={isPending}>
          {t("leaveCancel")}
        </Button>
      </div>
    </form>
  );
}
