"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { TextAreaField } from "@/components/councils/text-area-field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { IDLE } from "@/lib/http/action-state";
import { deletePanelAttributeAction, savePanelAttributeAction } from "../actions";

/** Defines an attribute (or changes the one with the same key): a key, a label and its values, one per line. */
export function AttributeForm({ orgId }: { orgId: string }) {
  const t = useTranslations("panels");
  const te = useTranslations("errors");
  const [state, action, isPending] = useActionState(savePanelAttributeAction, IDLE);
  const errors = state.status === "error" ? state.fieldErrors ?? {} : {};
  const values = state.status === "error" ? state.values ?? {} : {};
  return (
    <form action={action} className="space-y-4" noValidate key={state.status === "success" ? state.message : "form"}>
      <input type="hidden" name="orgId" value={orgId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id="attribute-label" name="label" required maxLength={80} autoComplete="off" label={t("attributeLabelLabel")} defaultValue={values.label} error={errors.label && te(errors.label)} />
        <TextField id="attribute-key" name="key" required maxLength={40} autoComplete="off" label={t("attributeKeyLabel")} hint={t("attributeKeyHint")} defaultValue={values.key} error={errors.key && te(errors.key)} />
      </div>
      <TextAreaField id="attribute-values" name="values" required rows={4} label={t("attributeValuesLabel")} hint={t("attributeValuesHint")} defaultValue={values.values} error={errors.values && te(errors.values)} />
      <div aria-live="polite">
        {state.status === "success" && <Alert tone="success">{t("attributeSaved", { label: state.message ?? "" })}</Alert>}
        {state.status === "error" && <Alert>{te(Object.keys(errors).length > 0 ? "formHasErrors" : state.error)}</Alert>}
      </div>
      <Button type="submit" className="w-full sm:w-auto" disabled={isPending} aria-busy={isPending}>
        {isPending ? t("saving") : t("attributeSave")}
      </Button>
    </form>
  );
}

export function DeleteAttributeButton({ orgId, attributeId, label }: { orgId: string; attributeId: string; label: string }) {
  const t = useTranslations("panels");
  const te = useTranslations("errors");
  const [state, action, isPending] = useActionState(deletePanelAttributeAction, IDLE);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="attributeId" value={attributeId} />
      <Button type="submit" variant="secondary" disabled={isPending} aria-label={t("attributeDeleteFor", { label })}>
        {t("attributeDelete")}
      </Button>
      <span aria-live="polite" className="text-xs">{state.status === "error" && <span className="text-danger">{te(state.error)}</span>}</span>
    </form>
  );
}
