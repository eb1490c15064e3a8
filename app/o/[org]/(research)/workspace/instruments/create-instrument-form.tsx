"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { IDLE } from "@/lib/http/action-state";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";
import { createInstrumentAction } from "./actions";

export function CreateInstrumentForm({ orgId, orgSlug, defaultLocale }: { orgId: string; orgSlug: string; defaultLocale: Locale }) {
  const t = useTranslations("instruments");
  const te = useTranslations("errors");
  const [state, action, isPending] = useActionState(createInstrumentAction, IDLE);
  const errors = state.status === "error" ? state.fieldErrors ?? {} : {};
  const values = state.status === "error" ? state.values ?? {} : {};
  return (
    <form action={action} className="grid gap-4 text-left sm:grid-cols-[2fr_1fr_auto] sm:items-start" noValidate>
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="orgSlug" value={orgSlug} />
      <TextField id="instrument-name" name="name" required minLength={2} maxLength={120} autoComplete="off" label={t("nameLabel")} defaultValue={values.name} error={errors.name && te(errors.name)} />
      <SelectField id="instrument-locale" name="defaultLocale" label={t("defaultLocaleLabel")} defaultValue={values.defaultLocale ?? defaultLocale} options={LOCALES.map((code) => ({ value: code, label: LOCALE_NAMES[code] }))} />
      <Button type="submit" className="sm:mt-6" disabled={isPending} aria-busy={isPending}>
        {t("create")}
      </Button>
      <div className="sm:col-span-3" aria-live="polite">
        {state.status === "error" && Object.keys(errors).length === 0 && <Alert>{te(state.error)}</Alert>}
      </div>
    </form>
  );
}
