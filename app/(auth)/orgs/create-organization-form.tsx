"use client";
import { useActionState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { IDLE } from "@/lib/http/action-state";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import { createOrganizationAction } from "./actions";

export function CreateOrganizationForm() {
  const t = useTranslations("orgs");
  const te = useTranslations("errors");
  const locale = useLocale();
  const [state, action, isPending] = useActionState(createOrganizationAction, IDLE);
  const errors = state.status === "error" ? state.fieldErrors ?? {} : {};
  const values = state.status === "error" ? state.values ?? {} : {};
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.status === "error" && Object.keys(errors).length === 0 && <Alert>{te(state.error)}</Alert>}
      <TextField id="org-name" name="name" label={t("nameLabel")} required maxLength={80} defaultValue={values.name} error={errors.name && te(errors.name)} />
      <SelectField
        id="org-locale"
        name="defaultLocale"
        label={t("localeLabel")}
        defaultValue={values.defaultLocale ?? locale}
        options={LOCALES.map((code) => ({ value: code, label: LOCALE_NAMES[code] }))}
        error={errors.defaultLocale && te(errors.defaultLocale)}
      />
      <Button type="submit" disabled={isPending} aria-busy={isPending}>
        {t("create")}
      </Button>
    </form>
  );
}
