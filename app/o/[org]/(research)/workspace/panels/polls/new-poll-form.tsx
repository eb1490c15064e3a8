"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { formKey } from "@/components/councils/form-key";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { PollContentFields } from "@/components/polls/poll-content-fields";
import { SelectField, TextField } from "@/components/ui/field";
import { IDLE } from "@/lib/http/action-state";
import type { Locale } from "@/lib/i18n/locales";
import { createQuickPollAction } from "./actions";

const PROFILE_ATTRIBUTES = ["region", "language", "ageBand", "tenure"];

interface Panel {
  id: string;
  name: string;
  samples: Array<{ id: string; name: string }>;
}

/** `defaultDeadline` comes from the server, so the server and browser render the same value. */
export function NewPollForm({ orgId, orgSlug, defaultLocale, panels, initialPanelId, defaultDeadline }: { orgId: string; orgSlug: string; defaultLocale: Locale; panels: Panel[]; initialPanelId: string; defaultDeadline: string }) {
  const [state, action, isPending] = useActionState(createQuickPollAction, IDLE);
  const values = state.status === "error" ? state.values ?? {} : {};
  return <PollFields key={formKey(values)} {...{ orgId, orgSlug, defaultLocale, panels, initialPanelId, action, isPending, values, defaultDeadline }} state={state} />;
}

function PollFields({ orgId, orgSlug, defaultLocale, panels, initialPanelId, action, isPending, values, state, defaultDeadline }: {
  defaultDeadline: string; orgId: string; orgSlug: string; defaultLocale: Locale; panels: Panel[]; initialPanelId: string;
  action: (formData: FormData) => void; isPending: boolean; values: Record<string, string>; state: Awaited<ReturnType<typeof createQuickPollAction>>;
}) {
  const t = useTranslations("polls");
  const te = useTranslations("errors");
  const errors = state.status === "error" ? state.fieldErrors ?? {} : {};
  const error = (field: string) => (errors[field] ? te(errors[field]) : undefined);
  const [panelId, setPanelId] = useState(values.panelId ?? initialPanelId);
  const [quotaRows, setQuotaRows] = useState(() => Math.max(1, Object.keys(values).filter((key) => /^quota\.\d+\.attribute$/.test(key)).length));
  const samples = panels.find((panel) => panel.id === panelId)?.samples ?? [];

  return (
    <form action={action} className="space-y-6" noValidate>
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="orgSlug" value={orgSlug} />
      <PollContentFields
        idPrefix="poll"
        orgSlug={orgSlug}
        defaultLocale={defaultLocale}
        values={values}
        error={error}
        leading={
          <>
            <SelectField id="poll-panel" name="panelId" label={t("panel")} value={panelId} onChange={(event) => setPanelId(event.target.value)} options={panels.map((panel) => ({ value: panel.id, label: panel.name }))} error={error("panelId")} />
            <SelectField
              id="poll-sample"
              name="sampleId"
              label={t("sample")}
              defaultValue={values.sampleId ?? ""}
              key={panelId}
              options={[{ value: "", label: t("wholePanel") }, ...samples.map((sample) => ({ value: sample.id, label: t("sampleOption", { name: sample.name }) }))]}
              error={error("sampleId")}
            />
          </>
        }
      />
      <TextField id="poll-deadline" name="deadline" type="datetime-local" label={t("deadline")} hint={t("deadlineHint")} defaultValue={values.deadline ?? defaultDeadline} required error={error("deadline")} />

      <fieldset className="space-y-3">
        <legend className="text-base font-semibold">{t("quotasLegend")}</legend>
        <p className="text-sm text-muted" id="poll-quotas-hint">{t("quotasHint")}</p>
        <datalist id="poll-attributes">
          {PROFILE_ATTRIBUTES.map((attribute) => (
            <option key={attribute} value={attribute} />
          ))}
        </datalist>
        {Array.from({ length: quotaRows }, (_, index) => (
          <div key={index} className="grid grid-cols-2 gap-3 sm:grid-cols-[1fr_1fr_8rem_auto] sm:items-end">
            <TextField id={`quota-${index}-attribute`} name={`quota.${index}.attribute`} list="poll-attributes" label={t("quotaAttribute", { number: index + 1 })} defaultValue={values[`quota.${index}.attribute`] ?? ""} />
            <TextField id={`quota-${index}-value`} name={`quota.${index}.value`} label={t("quotaValue", { number: index + 1 })} defaultValue={values[`quota.${index}.value`] ?? ""} />
            <TextField id={`quota-${index}-count`} name={`quota.${index}.count`} type="number" min={1} inputMode="numeric" label={t("quotaCount", { number: index + 1 })} defaultValue={values[`quota.${index}.count`] ?? ""} />
            {index === quotaRows - 1 && quotaRows > 1 && (
              <Button variant="secondary" onClick={() => setQuotaRows(quotaRows - 1)} aria-label={t("removeQuota", { number: index + 1 })}>
                ×
              </Button>
            )}
          </div>
        ))}
        {error("quotas") && <p className="text-sm text-danger">{error("quotas")}</p>}
        {quotaRows < 20 && (
          <Button variant="secondary" onClick={() => setQuotaRows(quotaRows + 1)}>
            {t("addQuota")}
          </Button>
        )}
      </fieldset>

      <div aria-live="polite">{state.status === "error" && <Alert>{te(Object.keys(errors).length > 0 ? "formHasErrors" : state.error)}</Alert>}</div>
      <Button type="submit" disabled={isPending} aria-busy={isPending}>
        {isPending ? t("sending") : t("send")}
      </Button>
    </form>
  );
}
