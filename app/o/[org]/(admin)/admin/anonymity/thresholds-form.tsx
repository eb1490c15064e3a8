"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { IDLE } from "@/lib/http/action-state";
import { setAnonymityThresholdsAction } from "./actions";

export function ThresholdsForm({ orgId, current }: { orgId: string; current: { minGroupSize: number; minCommentGroupSize: number } }) {
  const t = useTranslations("anonymity");
  const te = useTranslations("errors");
  const [state, action, isPending] = useActionState(setAnonymityThresholdsAction, IDLE);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const values = state.status === "idle" ? {} : (state.values ?? {});
  return (
    <form action={action} className="grid max-w-xl gap-4" noValidate>
      <input type="hidden" name="orgId" value={orgId} />
      <TextField id="min-group-size" name="minGroupSize" type="number" inputMode="numeric" min={3} max={100} required label={t("minGroupSizeLabel")} hint={t("minGroupSizeHint")} defaultValue={values.minGroupSize ?? String(current.minGroupSize)} error={errors.minGroupSize && te(errors.minGroupSize)} />
      <TextField id="min-comment-group-size" name="minCommentGroupSize" type="number" inputMode="numeric" min={3} max={100} required label={t("minCommentGroupSizeLabel")} hint={t("minCommentGroupSizeHint")} defaultValue={values.minCommentGroupSize ?? String(current.minCommentGroupSize)} error={errors.minCommentGroupSize && te(errors.minCommentGroupSize)} />
      <div>
        <Button type="submit" disabled={isPending} aria-busy={isPending}>{isPending ? t("saving") : t("save")}</Button>
      </div>
      <div aria-live="polite">
        {state.status === "success" && <Alert tone="success">{t("saved")}</Alert>}
        {state.status === "error" && Object.keys(errors).length === 0 && <Alert>{te(state.error)}</Alert>}
      </div>
    </form>
  );
}
