"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { IDLE } from "@/lib/http/action-state";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";
import { inviteToCouncilAction } from "../../actions";

export function CouncilInviteForm({ orgId, councilId, defaultLocale }: { orgId: string; councilId: string; defaultLocale: Locale }) {
  const t = useTranslations("councils");
  const te = useTranslations("errors");
  const [state, action, isPending] = useActionState(inviteToCouncilAction, IDLE);
  const errors = state.status === "error" ? state.fieldErrors ?? {} : {};
  const values = state.status === "error" ? state.values ?? {} : {};
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-[2fr_2fr_1fr_auto] sm:items-start" noValidate key={state.status === "success" ? state.message : "form"}>
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="councilId" value={councilId} />
      <TextField id="council-invite-email" name="email" type="email" autoComplete="off" required label={t("inviteEmailLabel")} defaultValue={values.email} error={errors.email && te(errors.email)} />
      <TextField id="council-invite-name" name="name" autoComplete="off" label={t("inviteNameLabel")} defaultValue={values.name} error={errors.name && te(errors.name)} />
      <SelectField id="council-invite-locale" name="locale" label={t("inviteLocaleLabel")} defaultValue={values.locale ?? defaultLocale} options={LOCALES.map((code) => ({ value: code, label: LOCALE_NAMES[code] }))} />
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
