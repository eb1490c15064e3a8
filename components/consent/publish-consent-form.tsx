"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { TextAreaField } from "@/components/councils/text-area-field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { IDLE, type ActionState } from "@/lib/http/action-state";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/** A new version of one purpose's text, marked material (asks members again) or not (a wording fix). */
export function PublishConsentForm({ action: publishAction, hidden, purpose, current }: { action: Action; hidden: Record<string, string>; purpose: string; current: string }) {
  const t = useTranslations("consent");
  const te = useTranslations("errors");
  const [state, action, isPending] = useActionState(publishAction, IDLE);
  const errors = state.status === "error" ? state.fieldErrors ?? {} : {};
  const id = `consent-${purpose}`;
  return (
    <form action={action} className="space-y-3" noValidate key={state.status === "success" ? state.message : "form"}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="purpose" value={purpose} />
      <TextAreaField
        id={`${id}-body`}
        name="body"
        rows={5}
        maxLength={5000}
        label={t("newVersionLabel")}
        hint={t("newVersionHint")}
        defaultValue={state.status === "error" ? state.values?.body ?? current : current}
        error={errors.body && te(errors.body)}
      />
      <div className="flex items-start gap-3">
        <input id={`${id}-material`} name="isMaterial" type="checkbox" value="yes" aria-describedby={`${id}-material-hint`} className="mt-1 size-5 shrink-0" />
        <div>
          <label htmlFor={`${id}-material`} className="text-sm font-medium">{t("materialLabel")}</label>
          <p id={`${id}-material-hint`} className="text-sm text-muted">{t("materialHint")}</p>
        </div>
      </div>
      <div aria-live="polite">
        {state.status === "error" && <Alert>{te(Object.keys(errors).length > 0 ? "formHasErrors" : state.error)}</Alert>}
        {state.status === "success" && <Alert tone="success">{t("published", { version: state.message ?? "" })}</Alert>}
      </div>
      <Button type="submit" variant="secondary" disabled={isPending} aria-busy={isPending}>
        {isPending ? t("publishing") : t("publish")}
      </Button>
    </form>
  );
}
