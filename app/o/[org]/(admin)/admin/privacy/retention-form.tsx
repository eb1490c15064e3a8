"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { IDLE } from "@/lib/http/action-state";
import { MAX_RETENTION_MONTHS } from "@/lib/privacy/schemas";
import { setProgramRetentionAction } from "./actions";
import { useErrorText } from "./use-error-text";

export function RetentionForm({ orgId, programId, programName, current }: { orgId: string; programId: string; programName: string; current: number | null }) {
  const t = useTranslations("privacy");
  const errorText = useErrorText();
  const [state, action, isPending] = useActionState(setProgramRetentionAction, IDLE);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const values = state.status === "idle" ? {} : (state.values ?? {});
  const id = `retention-${programId}`;
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-[minmax(0,16rem)_auto] sm:items-end" noValidate>
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="programId" value={programId} />
      <TextField id={id} name="retentionMonths" type="number" inputMode="numeric" min={1} max={MAX_RETENTION_MONTHS} label={t("retentionLabel", { program: programName })} hint={t("retentionHint")} defaultValue={values.retentionMonths ?? (current === null ? "" : String(current))} error={errors.retentionMonths && errorText(errors.retentionMonths)} />
      <div className={errors.retentionMonths ? "sm:mb-11" : "sm:mb-7"}>
        <Button type="submit" variant="secondary" disabled={isPending} aria-busy={isPending}>{t("saveRetention")}</Button>
      </div>
      <div className="sm:col-span-2" aria-live="polite">
        {state.status === "success" && <Alert tone="success">{t("saved")}</Alert>}
        {state.status === "error" && Object.keys(errors).length === 0 && <Alert>{errorText(state.error)}</Alert>}
      </div>
    </form>
  );
}
