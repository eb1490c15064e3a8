"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { IDLE } from "@/lib/http/action-state";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";
import { updateProfileAction } from "./actions";

export function ProfileForm({ name, locale }: { name: string; locale: Locale }) {
  const t = useTranslations("settings");
  const tc = useTranslations("common");
  const te = useTranslations("errors");
  const [state, action, isPending] = useActionState(updateProfileAction, IDLE);
  const errors = state.status === "error" ? state.fieldErrors ?? {} : {};
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.status === "success" && <Alert tone="success">{t("saved")}</Alert>}
      {state.status === "error" && Object.keys(errors).length === 0 && <Alert>{te(state.error)}</Alert>}
      <TextField id="profile-name" name="name" label={t("nameLabel")} maxLength={80} defaultValue={name} autoComplete="name" error={errors.name && te(errors.name)} />
      <SelectField id="profile-locale" name="locale" label={t("localeLabel")} defaultValue={locale} options={LOCALES.map((code) => ({ value: code, label: LOCALE_NAMES[code] }))} error={errors.locale && te(errors.locale)} />
      <Button type="submit" disabled={isPending} aria-busy={isPending}>
        {isPending ? tc("saving") : tc("save")}
      </Button>
    </form>
  );
}
