"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { IDLE, type ActionState } from "@/lib/http/action-state";

/** Accepting a council's or panel's changed consent text; `hidden` carries the ids the action needs. */
export function RenewConsentForm({ action: renewAction, hidden }: { action: (state: ActionState, formData: FormData) => Promise<ActionState>; hidden: Record<string, string> }) {
  const t = useTranslations("councils");
  const te = useTranslations("errors");
  const [state, action, isPending] = useActionState(renewAction, IDLE);
  return (
    <form action={action} className="mt-3 space-y-3">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {state.status === "error" && <Alert>{te(state.error)}</Alert>}
      <Button type="submit" disabled={isPending} aria-busy={isPending}>
        {t("renewConsent")}
      </Button>
    </form>
  );
}
