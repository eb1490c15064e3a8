"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { IDLE, type ActionState } from "@/lib/http/action-state";

/**
 * Accepting a council's or panel's changed consent text; `hidden` carries the ids the action needs.
 * Optional purposes whose text changed materially are answered yes or no in the same step.
 */
export function RenewConsentForm({ action: renewAction, hidden, purposes = [] }: { action: (state: ActionState, formData: FormData) => Promise<ActionState>; hidden: Record<string, string>; purposes?: Array<{ purpose: string; label: string; text: string }> }) {
  const t = useTranslations("councils");
  const tc = useTranslations("consent");
  const te = useTranslations("errors");
  const [state, action, isPending] = useActionState(renewAction, IDLE);
  return (
    <form action={action} className="mt-3 space-y-3">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {purposes.map(({ purpose, label, text }) => (
        <fieldset key={purpose} className="space-y-2 rounded-md border border-border bg-surface p-3">
          <legend className="px-1 font-medium">{label}</legend>
          <p className="text-sm whitespace-pre-line" data-user-content>{text}</p>
          <div className="flex flex-wrap gap-4">
            {(["yes", "no"] as const).map((answer) => (
              <label key={answer} className="flex min-h-11 items-center gap-2 text-sm">
                <input type="radio" name={`consent.${purpose}`} value={answer} className="size-5" />
                {tc(answer)}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      {state.status === "error" && <Alert>{te(state.error)}</Alert>}
      <Button type="submit" disabled={isPending} aria-busy={isPending}>
        {t("renewConsent")}
      </Button>
    </form>
  );
}
