"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { IDLE } from "@/lib/http/action-state";
import { requestSignInLinkAction } from "./actions";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("signin");
  const te = useTranslations("errors");
  const [state, action, isPending] = useActionState(requestSignInLinkAction, IDLE);
  const fieldError = state.status === "error" ? state.fieldErrors?.email : undefined;
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.status === "error" && !fieldError && <Alert>{te(state.error)}</Alert>}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField
        id="email"
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        required
        label={t("emailLabel")}
        defaultValue={state.status === "error" ? state.values?.email : undefined}
        error={fieldError ? te(fieldError) : undefined}
      />
      <Button type="submit" className="w-full" disabled={isPending} aria-busy={isPending}>
        {isPending ? t("sending") : t("submit")}
      </Button>
    </form>
  );
}
