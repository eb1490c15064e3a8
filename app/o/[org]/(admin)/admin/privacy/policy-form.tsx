"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { IDLE } from "@/lib/http/action-state";
import { useErrorText } from "./use-error-text";
import { setErasurePolicyAction } from "./actions";

const POLICIES = ["keep_anonymous", "delete"] as const;

export function PolicyForm({ orgId, current }: { orgId: string; current: (typeof POLICIES)[number] }) {
  const t = useTranslations("privacy");
  const errorText = useErrorText();
  const [state, action, isPending] = useActionState(setErasurePolicyAction, IDLE);
  const chosen = state.status === "idle" ? current : (state.values?.policy ?? current);
  return (
    <form action={action} className="grid gap-4" noValidate>
      <input type="hidden" name="orgId" value={orgId} />
      <fieldset className="grid gap-3">
        <legend className="mb-2 text-sm font-medium">{t("policyLegend")}</legend>
        {POLICIES.map((policy) => (
          <label key={policy} className="flex min-h-11 cursor-pointer gap-3 rounded-md border border-border p-3 has-[:checked]:border-primary has-[:checked]:bg-accent">
            <input type="radio" name="policy" value={policy} defaultChecked={chosen === policy} className="mt-1 size-5 shrink-0" />
            <span>
              <span className="block font-semibold">{t(`policies.${policy}.title`)}</span>
              <span className="block text-sm text-muted">{t(`policies.${policy}.body`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div>
        <Button type="submit" disabled={isPending} aria-busy={isPending}>{t("savePolicy")}</Button>
      </div>
      <div aria-live="polite">
        {state.status === "success" && <Alert tone="success">{t("saved")}</Alert>}
        {state.status === "error" && <Alert>{errorText(state.error)}</Alert>}
      </div>
    </form>
  );
}
