"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { IDLE } from "@/lib/http/action-state";
import { updateKpiSettingsAction } from "./actions";

export interface KpiSettingsValues {
  ownerUserId: string | null;
  period: "monthly" | "quarterly";
  target: number | null;
  targetBasis: "absolute" | "previous_period" | "organization";
  incentiveWeight: number | null;
}

/** Owner, period, target and incentive weight of one KPI. */
export function KpiSettingsForm({ orgId, kpiKey, isNps, isSegment, current, owners }: { orgId: string; kpiKey: string; isNps: boolean; /** A KPI of one segment may be held against the whole organization. */ isSegment: boolean; current: KpiSettingsValues; owners: Array<{ userId: string; name: string | null; email: string | null }> }) {
  const t = useTranslations("kpis");
  const te = useTranslations("errors");
  const [state, action, isPending] = useActionState(updateKpiSettingsAction, IDLE);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const values = state.status === "idle" ? {} : (state.values ?? {});
  // The target's hint follows the basis chosen.
  const [targetBasis, setTargetBasis] = useState(current.targetBasis);
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-2" noValidate>
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="key" value={kpiKey} />
      <SelectField id="kpi-owner" name="ownerUserId" label={t("ownerLabel")} defaultValue={values.ownerUserId ?? current.ownerUserId ?? ""} error={errors.ownerUserId && te(errors.ownerUserId)} options={[{ value: "", label: t("noOwner") }, ...owners.map((owner) => ({ value: owner.userId, label: owner.name ?? owner.email ?? owner.userId }))]} />
      <SelectField id="kpi-period" name="period" label={t("periodLabel")} defaultValue={values.period ?? current.period} error={errors.period && te(errors.period)} options={[{ value: "quarterly", label: t("period_quarterly") }, { value: "monthly", label: t("period_monthly") }]} />
      <SelectField id="kpi-target-basis" name="targetBasis" label={t("targetBasisLabel")} value={targetBasis} onChange={(event) => setTargetBasis(event.target.value as typeof targetBasis)} error={errors.targetBasis && te(errors.targetBasis)} options={[{ value: "absolute", label: t("targetBasis_absolute") }, { value: "previous_period", label: t("targetBasis_previous_period") }, ...(isSegment ? [{ value: "organization", label: t("targetBasis_organization") }] : [])]} />
      <TextField id="kpi-target" name="target" type="number" inputMode="decimal" step="any" label={t("targetLabel")} hint={t(targetBasis === "previous_period" ? "targetHintChange" : targetBasis === "organization" ? "targetHintOrganization" : isNps ? "targetHintNps" : "targetHint")} defaultValue={values.target ?? (current.target === null ? "" : String(current.target))} error={errors.target && te(errors.target)} />
      <TextField id="kpi-weight" name="incentiveWeight" type="number" inputMode="decimal" step="any" min={0} max={100} label={t("weightLabel")} hint={t("weightHint")} defaultValue={values.incentiveWeight ?? (current.incentiveWeight === null ? "" : String(current.incentiveWeight))} error={errors.incentiveWeight && te(errors.incentiveWeight)} />
      <div className="sm:col-span-2">
        <Button type="submit" disabled={isPending} aria-busy={isPending}>{isPending ? t("saving") : t("saveSettings")}</Button>
      </div>
      <div aria-live="polite" className="sm:col-span-2">
        {state.status === "success" && <Alert tone="success">{t("settingsSaved")}</Alert>}
        {state.status === "error" && Object.keys(errors).length === 0 && <Alert>{te(state.error)}</Alert>}
      </div>
    </form>
  );
}
