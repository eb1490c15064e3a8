"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { IDLE } from "@/lib/http/action-state";
import { createKpiAction } from "./actions";

/** Name, aggregation, item codes (or a programme, for a response rate) and period of a new KPI; the top box only where it applies. */
export function NewKpiForm({ orgId, orgSlug, programmes, segments }: { orgId: string; orgSlug: string; programmes: Array<{ value: string; label: string }>; segments: Array<{ value: string; label: string }> }) {
  const t = useTranslations("kpis");
  const te = useTranslations("errors");
  const [state, action, isPending] = useActionState(createKpiAction, IDLE);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const [aggregation, setAggregation] = useState(values.aggregation ?? "mean");
  const error = (field: string) => (errors[field] ? te(errors[field]) : undefined);
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-2" noValidate>
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="orgSlug" value={orgSlug} />
      <TextField id="kpi-name" name="name" label={t("newName")} required defaultValue={values.name} error={error("name")} className="sm:col-span-2" />
      <SelectField
        id="kpi-aggregation"
        name="aggregation"
        label={t("newAggregation")}
        value={aggregation}
        onChange={(event) => setAggregation(event.target.value)}
        options={(["mean", "top_box", "nps", "response_rate"] as const).map((kind) => ({ value: kind, label: t(`newAggregation_${kind}`) }))}
        error={error("aggregation")}
      />
      <SelectField id="kpi-period" name="period" label={t("periodLabel")} defaultValue={values.period ?? "quarterly"} options={[{ value: "monthly", label: t("period_monthly") }, { value: "quarterly", label: t("period_quarterly") }]} error={error("period")} />
      {aggregation === "response_rate" ? (
        <SelectField id="kpi-programme" name="programId" label={t("newProgramme")} hint={t("newProgrammeHint")} defaultValue={values.programId ?? ""} options={[{ value: "", label: t("allProgrammes") }, ...programmes]} error={error("programId")} className="sm:col-span-2" />
      ) : (
        <TextField id="kpi-items" name="itemCodes" label={t("newItems")} hint={t("newItemsHint")} required defaultValue={values.itemCodes} autoCapitalize="characters" spellCheck={false} error={error("itemCodes")} className="sm:col-span-2" />
      )}
      {aggregation !== "response_rate" && <SelectField id="kpi-segment" name="segment" label={t("newSegment")} hint={t("newSegmentHint")} defaultValue={values.segment ?? ""} options={[{ value: "", label: t("everyone") }, ...segments]} error={error("segment")} className="sm:col-span-2" />}
      {aggregation === "top_box" && <TextField id="kpi-top-box" name="topBoxFrom" type="number" inputMode="numeric" min={1} max={100} label={t("newTopBox")} hint={t("newTopBoxHint")} defaultValue={values.topBoxFrom ?? "75"} error={error("topBoxFrom")} />}
      <div className="sm:col-span-2"><Button type="submit" disabled={isPending} aria-busy={isPending}>{isPending ? t("saving") : t("newCreate")}</Button></div>
      <div aria-live="polite" className="sm:col-span-2">{state.status === "error" && Object.keys(errors).length === 0 && <Alert>{te(state.error)}</Alert>}</div>
    </form>
  );
}
