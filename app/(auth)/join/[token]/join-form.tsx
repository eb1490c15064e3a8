"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { TextAreaField } from "@/components/councils/text-area-field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import { PROFILE_ATTRIBUTES, PROFILE_CHOICES } from "@/lib/councils/profile-choices";
import { IDLE } from "@/lib/http/action-state";
import { formKey } from "@/components/councils/form-key";
import { joinProgramAction } from "./actions";

/**
 * The consent checkbox and the short profile; nothing is stored until both are given. A panel also asks
 * the organization's own attributes. Each optional purpose (quotes, contact, panels) is answered yes or no.
 */
export function JoinProgramForm({ token, kind, customAttributes, purposes }: { token: string; kind: "council" | "panel"; customAttributes: Array<{ key: string; label: string; values: string[] }>; purposes: Array<{ purpose: string; label: string; hint: string; text: string }> }) {
  const t = useTranslations("councils");
  const tp = useTranslations("panels");
  const tc = useTranslations("consent");
  const te = useTranslations("errors");
  const [state, action, isPending] = useActionState(joinProgramAction, IDLE);
  const errors = state.status === "error" ? state.fieldErrors ?? {} : {};
  const values = state.status === "error" ? state.values ?? {} : {};
  return (
    <form action={action} className="space-y-5" noValidate key={formKey(values)}>
      <input type="hidden" name="token" value={token} />
      <fieldset className="space-y-4">
        <legend className="mb-1 text-lg font-semibold">{t("profileLegend")}</legend>
        <p className="text-sm text-muted">{t("profileHint")}</p>
        {PROFILE_ATTRIBUTES.map((attribute) => (
          <SelectField
            key={attribute}
            id={`profile-${attribute}`}
            name={attribute}
            required
            label={t(`attribute.${attribute}`)}
            defaultValue={values[attribute] ?? ""}
            options={[{ value: "", label: t("choose") }, ...PROFILE_CHOICES[attribute].map((value) => ({ value, label: t(`choice.${attribute}.${value}` as never) }))]}
            error={errors[attribute] && te(errors[attribute])}
          />
        ))}
        {customAttributes.map((attribute) => (
          <SelectField
            key={attribute.key}
            id={`profile-custom-${attribute.key}`}
            name={`custom.${attribute.key}`}
            required
            label={attribute.label}
            defaultValue={values[`custom.${attribute.key}`] ?? ""}
            options={[{ value: "", label: t("choose") }, ...attribute.values.map((value) => ({ value, label: value }))]}
            error={errors[`custom.${attribute.key}`] && te(errors[`custom.${attribute.key}`])}
          />
        ))}
        <TextAreaField id="profile-self-described" name="selfDescribed" rows={3} maxLength={500} label={t("selfDescribedLabel")} hint={t("selfDescribedHint")} defaultValue={values.selfDescribed} error={errors.selfDescribed && te(errors.selfDescribed)} />
      </fieldset>
      {purposes.length > 0 && (
        <fieldset className="space-y-4">
          <legend className="mb-1 text-lg font-semibold">{tc("joinOptionalTitle")}</legend>
          <p className="text-sm text-muted">{tc("joinOptionalHint")}</p>
          {purposes.map(({ purpose, label, hint, text }) => (
            <fieldset key={purpose} className="space-y-2 rounded-md border border-border p-3" data-testid={`join-purpose-${purpose}`} aria-describedby={`join-purpose-${purpose}-hint`}>
              <legend className="px-1 font-medium">{label}</legend>
              <p id={`join-purpose-${purpose}-hint`} className="text-sm text-muted">{hint}</p>
              <div className="max-h-40 overflow-y-auto rounded-md bg-bg p-2 text-sm whitespace-pre-line" tabIndex={0} data-user-content>{text}</div>
              <div className="flex flex-wrap gap-4">
                {(["yes", "no"] as const).map((answer) => (
                  <label key={answer} className="flex min-h-11 items-center gap-2 text-sm">
                    <input type="radio" name={`consent.${purpose}`} value={answer} defaultChecked={values[`consent.${purpose}`] === answer} className="size-5" />
                    {tc(answer)}
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
        </fieldset>
      )}
      <div className="space-y-1">
        <div className="flex items-start gap-3">
          <input
            id="join-consent"
            name="consent"
            type="checkbox"
            value="yes"
            defaultChecked={values.consent === "yes"}
            aria-invalid={errors.consent ? true : undefined}
            aria-describedby={errors.consent ? "join-consent-error" : undefined}
            className="mt-1 size-5 shrink-0"
          />
          <label htmlFor="join-consent" className="text-sm font-medium">
            {t("consentCheckbox")}
          </label>
        </div>
        {errors.consent && <p id="join-consent-error" className="text-sm text-danger">{te(errors.consent)}</p>}
      </div>
      <div aria-live="polite">{state.status === "error" && <Alert>{te(Object.keys(errors).length > 0 ? "formHasErrors" : state.error)}</Alert>}</div>
      <Button type="submit" className="w-full sm:w-auto" disabled={isPending} aria-busy={isPending}>
        {kind === "panel" ? (isPending ? tp("joining") : tp("join")) : isPending ? t("joining") : t("join")}
      </Button>
    </form>
  );
}
