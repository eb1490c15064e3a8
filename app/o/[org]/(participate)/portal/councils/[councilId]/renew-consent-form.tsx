"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { IDLE } from "@/lib/http/action-state";
import { renewConsentAction } from "./actions";

export function RenewConsentForm({ orgId, councilId }: { orgId: string; councilId: string }) {
  const t = useTranslations("councils");
  const te = useTranslations("errors");
  const [state, action, isPending] = useActionState(renewConsentAction, IDLE);
  return (
    <form action={action} className="mt-3 space-y-3">
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="councilId" value={councilId} />
      {state.status === "error" && <Alert>{te(state.error)}</Alert>}
      <Button type="submit" disabled={isPending} aria-busy={isPending}>
        {t("renewConsent")}
      </Button>
    </form>
  );
}
