"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { IDLE } from "@/lib/http/action-state";
import { ROLES } from "@/lib/authz/roles";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";
import { inviteMemberAction } from "./actions";

export function InviteForm({ orgId, defaultLocale }: { orgId: string; defaultLocale: Locale }) {
  const t = useTranslations("members");
  const tr = useTranslations("roles");
  const te = useTranslations("errors");
  const [state, action, isPending] = useActionState(inviteMemberAction, IDLE);
  const errors = state.status === "error" ? state.fieldErrors ?? {} : {};
  const values = state.status === "error" ? state.values ?? {} : {};
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-start" noValidate key={state.status === "success" ? state.message : "form"}>
      <input type="hidden" name="orgId" value={orgId} />
      <TextField id="invite-email" name="email" type="email" autoComplete="off" required label={t("emailLabel")} defaultValue={values.email} error={errors.email && te(errors.email)} />
      <SelectField id="invite-role" name="role" label={t("roleLabel")} defaultValue={values.role ?? "participant"} options={ROLES.map((role) => ({ value: role, label: tr(role) }))} error={errors.role && te(errors.role)} />
      <SelectField id="invite-locale" name="locale" label={t("localeLabel")} defaultValue={values.locale ?? defaultLocale} options={LOCALES.map((code) => ({ value: code, label: LOCALE_NAMES[code] }))} error={errors.locale && te(errors.locale)} />
      <Button type="submit" className="sm:mt-6" disabled={isPending} aria-busy={isPending}>
        {t("invite")}
      </Button>
      <div className="sm:col-span-4" aria-live="polite">
        {state.status === "success" && <Alert tone="success">{t("invited", { email: state.message ?? "" })}</Alert>}
        {state.status === "error" && Object.keys(errors).length === 0 && <Alert>{te(state.error)}</Alert>}
      </div>
    </form>
  );
}
