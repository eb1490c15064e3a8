"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { CouncilFields } from "@/components/councils/council-fields";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { IDLE } from "@/lib/http/action-state";
import { formKey } from "@/components/councils/form-key";
import { updateCouncilAction } from "../actions";

export function CouncilSettingsForm({ orgId, councilId, saved }: { orgId: string; councilId: string; saved: Record<string, string> }) {
  const t = useTranslations("councils");
  const te = useTranslations("errors");
  const [state, action, isPending] = useActionState(updateCouncilAction, IDLE);
  const errors = state.status === "error" ? state.fieldErrors ?? {} : {};
  const values = state.status === "error" ? state.values ?? saved : saved;
  return (
    <form action={action} className="space-y-6" noValidate key={formKey(values)}>
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="councilId" value={councilId} />
      <CouncilFields values={values} errors={errors} isNew={false} />
      <div aria-live="polite">
        {state.status === "error" && <Alert>{te(Object.keys(errors).length > 0 ? "formHasErrors" : state.error)}</Alert>}
        {state.status === "success" && <Alert tone="success">{t("settingsSaved")}</Alert>}
      </div>
      <Button type="submit" disabled={isPending} aria-busy={isPending}>
        {isPending ? t("saving") : t("saveSettings")}
      </Button>
    </form>
  );
}
