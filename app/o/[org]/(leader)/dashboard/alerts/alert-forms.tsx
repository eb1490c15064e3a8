"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { TextAreaField } from "@/components/councils/text-area-field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { IDLE, type ActionState } from "@/lib/http/action-state";
import { createAlertRuleAction, updateAlertAction } from "./actions";

type Option = { value: string; label: string };

function Outcome({ state, errors }: { state: ActionState; errors: Record<string, string> }) {
  const t = useTranslations("alerts");
  const te = useTranslations("errors");
  return (
    <div aria-live="polite">
      {state.status === "success" && state.message && <Alert tone="success">{t(state.message)}</Alert>}
      {state.status === "error" && Object.keys(errors).length === 0 && <Alert>{te(state.error)}</Alert>}
    </div>
  );
}

export function NewAlertRuleForm({ orgId, kinds, kpis, owners }: { orgId: string; kinds: Option[]; kpis: Option[]; owners: Option[] }) {
  const [state, action, isPending] = useActionState(createAlertRuleAction, IDLE);
  const values = state.status === "error" ? (state.values ?? {}) : {};
  // React resets a form after its action: a new key per answer rebuilds it from the values sent back.
  return <NewAlertRuleFields key={state.status === "error" ? JSON.stringify(values) : `${state.status}-${kinds.length}`} {...{ orgId, kinds, kpis, owners, state, action, isPending, values }} />;
}

function NewAlertRuleFields({ orgId, kinds, kpis, owners, state, action, isPending, values }: { orgId: string; kinds: Option[]; kpis: Option[]; owners: Option[]; state: ActionState; action: (formData: FormData) => void; isPending: boolean; values: Record<string, string> }) {
  const t = useTranslations("alerts");
  const te = useTranslations("errors");
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const [kind, setKind] = useState(values.kind ?? kinds[0]?.value ?? "below_target");
  const error = (field: string) => (errors[field] ? te(errors[field]) : undefined);
  const needsKpi = kind === "below_target" || kind === "significant_drop";
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-2" noValidate>
      <input type="hidden" name="orgId" value={orgId} />
      <SelectField id="rule-kind" name="kind" label={t("kindLabel")} value={kind} onChange={(event) => setKind(event.target.value)} options={kinds} error={error("kind")} className="sm:col-span-2" />
      {needsKpi && <SelectField id="rule-kpi" name="kpiKey" label={t("kpiLabel")} defaultValue={values.kpiKey ?? ""} options={[{ value: "", label: t("kpiNone") }, ...kpis]} error={error("kpiKey")} />}
      {kind === "urgent_spike" && <TextField id="rule-threshold" name="threshold" type="number" inputMode="numeric" min={1} max={1000} label={t("thresholdLabel")} defaultValue={values.threshold ?? "3"} error={error("threshold")} />}
      <SelectField id="rule-owner" name="ownerUserId" label={t("ownerLabel")} defaultValue={values.ownerUserId ?? ""} options={[{ value: "", label: t("ownerNone") }, ...owners]} error={error("ownerUserId")} />
      <TextField id="rule-due" name="dueDays" type="number" inputMode="numeric" min={1} max={90} label={t("dueDaysLabel")} defaultValue={values.dueDays ?? "7"} error={error("dueDays")} />
      <div className="sm:col-span-2"><Button type="submit" disabled={isPending} aria-busy={isPending}>{isPending ? t("creating") : t("createRule")}</Button></div>
      <div className="sm:col-span-2"><Outcome state={state} errors={errors} /></div>
    </form>
  );
}

export function UpdateAlertForm({ orgId, alertId, status, statuses }: { orgId: string; alertId: string; status: string; statuses: Option[] }) {
  const t = useTranslations("alerts");
  const te = useTranslations("errors");
  const [state, action, isPending] = useActionState(updateAlertAction, IDLE);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-[12rem_1fr_auto] sm:items-end" noValidate>
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="alertId" value={alertId} />
      <SelectField id={`alert-status-${alertId}`} name="status" label={t("statusLabel")} defaultValue={status} options={statuses} error={errors.status && te(errors.status)} />
      <TextAreaField id={`alert-note-${alertId}`} name="note" label={t("noteLabel")} hint={t("noteHint")} rows={2} error={errors.note && te(errors.note)} />
      <Button type="submit" variant="secondary" disabled={isPending} aria-busy={isPending}>{isPending ? t("updating") : t("update")}</Button>
      <div className="sm:col-span-3"><Outcome state={state} errors={errors} /></div>
    </form>
  );
}
