"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { IDLE } from "@/lib/http/action-state";
import { eraseMyDataAction } from "./actions";

export function EraseMyDataForm({ orgId, email }: { orgId: string; email: string }) {
  const t = useTranslations("privacy");
  const te = useTranslations("errors");
  const [state, action, isPending] = useActionState(eraseMyDataAction, IDLE);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const errorText = (key: string) => (t.has(`errors.${key}`) ? t(`errors.${key}`) : te(key));
  return (
    <form action={action} className="grid gap-4 [overflow-wrap:anywhere]" noValidate>
      <input type="hidden" name="orgId" value={orgId} />
      <TextField id="erase-my-confirmation" name="confirmation" type="email" autoComplete="off" required label={t("confirmSelfLabel", { email })} defaultValue={state.status === "error" ? state.values?.confirmation : undefined} error={errors.confirmation && errorText(errors.confirmation)} />
      <div>
        <Button type="submit" variant="danger" className="w-full sm:w-auto" disabled={isPending} aria-busy={isPending}>{isPending ? t("erasing") : t("eraseMySubmit")}</Button>
      </div>
      <div aria-live="polite">{state.status === "error" && Object.keys(errors).length === 0 && <Alert>{errorText(state.error)}</Alert>}</div>
    </form>
  );
}
