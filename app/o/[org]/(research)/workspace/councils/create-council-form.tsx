"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { CouncilFields } from "@/components/councils/council-fields";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import { IDLE } from "@/lib/http/action-state";
import { formKey } from "@/components/councils/form-key";
import type { Locale } from "@/lib/i18n/locales";
import { createCouncilAction } from "./actions";

export function CreateCouncilForm({ orgId, orgSlug, defaultLocale, instruments }: { orgId: string; orgSlug: string; defaultLocale: Locale; instruments: Array<{ id: string; name: string }> }) {
  const t = useTranslations("councils");
  const te = useTranslations("errors");
  const [state, action, isPending] = useActionState(createCouncilAction, IDLE);
  const errors = state.status === "error" ? state.fieldErrors ?? {} : {};
  const values = state.status === "error" ? state.values ?? {} : { defaultLocale };
  return (
    <form action={action} className="space-y-6" noValidate key={formKey(values)}>
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="orgSlug" value={orgSlug} />
      <CouncilFields values={values} errors={errors} isNew />
      <fieldset className="space-y-2">
        <legend className="mb-2 text-lg font-semibold">{t("surveyLegend")}</legend>
        <SelectField
          id="council-survey"
          name="surveyInstrumentId"
          label={t("surveyLabel")}
          hint={t("surveyHint")}
          defaultValue={values.surveyInstrumentId ?? ""}
          options={[{ value: "", label: t("surveyDefault") }, ...instruments.map((instrument) => ({ value: instrument.id, label: instrument.name }))]}
          error={errors.surveyInstrumentId && te(errors.surveyInstrumentId)}
        />
      </fieldset>
      <div aria-live="polite">{state.status === "error" && <Alert>{te(Object.keys(errors).length > 0 ? "formHasErrors" : state.error)}</Alert>}</div>
      <Button type="submit" disabled={isPending} aria-busy={isPending}>
        {isPending ? t("creating") : t("create")}
      </Button>
    </form>
  );
}
