"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { formKey } from "@/components/councils/form-key";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { IDLE, type ActionState } from "@/lib/http/action-state";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";
import { scheduleLiveSessionAction } from "./actions";

interface Props {
  orgId: string;
  panelId: string;
  defaultLocale: Locale;
  samples: Array<{ id: string; name: string }>;
  /** From the server, so server and browser render the same value. */
  defaultStart: string;
}

export function ScheduleForm(props: Props) {
  const [state, action, isPending] = useActionState(scheduleLiveSessionAction, IDLE);
  // The typed values again after an error (React resets the form after each submission).
  const values = state.status === "error" ? state.values ?? {} : {};
  return <ScheduleFields key={formKey(values)} {...props} state={state} action={action} isPending={isPending} values={values} />;
}

function ScheduleFields({ orgId, panelId, defaultLocale, samples, defaultStart, state, action, isPending, values }: Props & { state: ActionState; action: (formData: FormData) => void; isPending: boolean; values: Record<string, string> }) {
  const t = useTranslations("live.schedule");
  const te = useTranslations("errors");
  const errors = state.status === "error" ? state.fieldErrors ?? {} : {};
  const error = (field: string) => (errors[field] ? te(errors[field]) : undefined);
  return (
    <form action={action} className="space-y-4" noValidate aria-describedby="live-schedule-description">
      <p id="live-schedule-description" className="text-sm text-muted">{t("description")}</p>
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="panelId" value={panelId} />
      <TextField id="live-title" name="title" label={t("fieldTitle")} defaultValue={values.title ?? ""} required minLength={3} maxLength={160} error={error("title")} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField id="live-scheduled-at" name="scheduledAt" type="datetime-local" label={t("fieldScheduledAt")} hint={t("scheduledAtHint")} defaultValue={values.scheduledAt ?? defaultStart} required error={error("scheduledAt")} />
        <SelectField id="live-locale" name="defaultLocale" label={t("fieldLanguage")} defaultValue={values.defaultLocale ?? defaultLocale} options={LOCALES.map((value) => ({ value, label: LOCALE_NAMES[value] }))} error={error("defaultLocale")} />
        <SelectField
          id="live-sample"
          name="sampleId"
          label={t("fieldAudience")}
          defaultValue={values.sampleId ?? ""}
          options={[{ value: "", label: t("wholePanel") }, ...samples.map((sample) => ({ value: sample.id, label: t("sampleOption", { name: sample.name }) }))]}
          error={error("sampleId")}
        />
      </div>
      <div aria-live="polite">
        {state.status === "error" && <Alert>{te(Object.keys(errors).length > 0 ? "formHasErrors" : state.error)}</Alert>}
        {state.status === "success" && <Alert tone="success">{t("done")}</Alert>}
      </div>
      <Button type="submit" disabled={isPending} aria-busy={isPending}>
        {isPending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
