"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { formKey } from "@/components/councils/form-key";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { IDLE, type ActionState } from "@/lib/http/action-state";
import type { LabelledAttribute } from "./attribute-labels";
import { PanelFields } from "./panel-fields";

/** Creating a panel and editing its settings: the same fields, a different action and hidden ids. */
export function PanelForm({ action: saveAction, hidden, saved, attributes, isNew }: { action: (state: ActionState, formData: FormData) => Promise<ActionState>; hidden: Record<string, string>; saved: Record<string, string>; attributes: LabelledAttribute[]; isNew: boolean }) {
  const t = useTranslations("panels");
  const te = useTranslations("errors");
  const [state, action, isPending] = useActionState(saveAction, IDLE);
  const errors = state.status === "error" ? state.fieldErrors ?? {} : {};
  const values = state.status === "error" ? state.values ?? saved : saved;
  return (
    <form action={action} className="space-y-6" noValidate key={formKey(values)}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <PanelFields values={values} errors={errors} attributes={attributes} isNew={isNew} />
      <div aria-live="polite">
        {state.status === "error" && <Alert>{te(Object.keys(errors).length > 0 ? "formHasErrors" : state.error)}</Alert>}
        {state.status === "success" && <Alert tone="success">{t("settingsSaved")}</Alert>}
      </div>
      <Button type="submit" className="w-full sm:w-auto" disabled={isPending} aria-busy={isPending}>
        {isPending ? t("saving") : isNew ? t("create") : t("saveSettings")}
      </Button>
    </form>
  );
}
