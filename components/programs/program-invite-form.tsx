"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { IDLE, type ActionState } from "@/lib/http/action-state";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";

/** Invites one person by email to a council or panel; `hidden` carries the organization and program ids the action needs. */
export function ProgramInviteForm({ action: inviteAction, hidden, idPrefix, defaultLocale }: { action: (state: ActionState, formData: FormData) => Promise<ActionState>; hidden: Record<string, string>; idPrefix: string; defaultLocale: Locale }) {
  const t = useTranslations("councils");
  const te = useTranslations("errors");
  const [state, action, isPending] = useActionState(inviteAction, IDLE);
  const errors = state.status === "error" ? state.fieldErrors ?? {} : {};
  const values = state.status === "error" ? state.values ?? {} : {};
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-[2fr_2fr_1fr_auto] sm:items-start" noValidate key={state.status === "success" ? state.message : "form"}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <TextField id={`${idPrefix}-invite-email`} name="email" type="email" autoComplete="off" required label={t("inviteEmailLabel")} defaultValue={values.email} error={errors.email && te(errors.email)} />
      <TextField id={`${idPrefix}-invite-name`} name="name" autoComplete="off" label={t("inviteNameLabel")} defaultValue={values.name} error={errors.name && te(errors.name)} />
      <SelectField id={`${idPrefix}-invite-locale`} name="locale" label={t("inviteLocaleLabel")} defaultValue={values.locale ?? defaultLocale} options={LOCALES.map((code) => ({ value: code, label: LOCALE_NAMES[code] }))} />
      <Button type="submit" className="sm:mt-6" disabled={isPending} aria-busy={isPending}>
        {t("inviteSend")}
      </Button>
      <div className="sm:col-span-4" aria-live="polite">
        {state.status === "success" && <Alert tone="success">{t("invited", { email: state.message ?? "" })}</Alert>}
        {state.status === "error" && Object.keys(errors).length === 0 && <Alert>{te(state.error)}</Alert>}
      </div>
    </form>
  );
}
