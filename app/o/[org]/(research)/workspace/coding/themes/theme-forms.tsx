"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { TextAreaField } from "@/components/councils/text-area-field";
import { ConfirmDeleteForm } from "@/components/coding/confirm-delete-form";
import { useErrorText } from "@/components/coding/use-error-text";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { IDLE } from "@/lib/http/action-state";
import { createThemeAction, deleteThemeAction, themeTagAction, updateThemeAction } from "./actions";

/** Name and description of a new theme; a name already used (in any case) is refused on the field. */
export function CreateThemeForm({ orgId }: { orgId: string }) {
  const t = useTranslations("themes");
  const errorText = useErrorText("themes");
  const [state, action, isPending] = useActionState(createThemeAction, IDLE);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  return (
    <form action={action} className="space-y-4" noValidate key={state.status === "success" ? state.message : "form"}>
      <input type="hidden" name="orgId" value={orgId} />
      <TextField id="theme-name" name="name" required maxLength={80} autoComplete="off" label={t("nameLabel")} defaultValue={values.name} error={errors.name && errorText(errors.name)} />
      <TextAreaField id="theme-description" name="description" rows={2} maxLength={1000} label={t("descriptionLabel")} hint={t("descriptionHint")} defaultValue={values.description} error={errors.description && errorText(errors.description)} />
      <div aria-live="polite">
        {state.status === "success" && <Alert tone="success">{t("created", { name: state.message ?? "" })}</Alert>}
        {state.status === "error" && <Alert>{errorText(Object.keys(errors).length > 0 ? "formHasErrors" : state.error)}</Alert>}
      </div>
      <Button type="submit" className="w-full sm:w-auto" disabled={isPending} aria-busy={isPending}>
        {isPending ? t("saving") : t("create")}
      </Button>
    </form>
  );
}

export function EditThemeForm({ orgId, theme }: { orgId: string; theme: { id: string; name: string; description: string } }) {
  const t = useTranslations("themes");
  const errorText = useErrorText("themes");
  const [state, action, isPending] = useActionState(updateThemeAction, IDLE);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const values = state.status === "idle" ? {} : (state.values ?? {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="themeId" value={theme.id} />
      <TextField id="theme-edit-name" name="name" required maxLength={80} autoComplete="off" label={t("nameLabel")} defaultValue={values.name ?? theme.name} error={errors.name && errorText(errors.name)} />
      <TextAreaField id="theme-edit-description" name="description" rows={2} maxLength={1000} label={t("descriptionLabel")} defaultValue={values.description ?? theme.description} error={errors.description && errorText(errors.description)} />
      <div aria-live="polite">
        {state.status === "success" && <Alert tone="success">{t("saved")}</Alert>}
        {state.status === "error" && <Alert>{errorText(Object.keys(errors).length > 0 ? "formHasErrors" : state.error)}</Alert>}
      </div>
      <Button type="submit" className="w-full sm:w-auto" disabled={isPending} aria-busy={isPending}>
        {isPending ? t("saving") : t("save")}
      </Button>
    </form>
  );
}

export function DeleteThemeButton({ orgId, orgSlug, theme }: { orgId: string; orgSlug: string; theme: { id: string; name: string } }) {
  const t = useTranslations("themes");
  return <ConfirmDeleteForm action={deleteThemeAction} fields={{ orgId, orgSlug, themeId: theme.id }} confirmText={t("deleteConfirm", { name: theme.name })} label={t("delete")} namespace="themes" />;
}

/** Picks a tag of the codebook to put in the theme. */
export function AssignTagForm({ orgId, themeId, tags }: { orgId: string; themeId: string; tags: Array<{ id: string; name: string }> }) {
  const t = useTranslations("themes");
  const errorText = useErrorText("themes");
  const [state, action, isPending] = useActionState(themeTagAction, IDLE);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="themeId" value={themeId} />
      <input type="hidden" name="intent" value="assign" />
      <SelectField id="theme-assign-tag" name="tagId" label={t("assignLabel")} className="min-w-56" options={tags.map((tag) => ({ value: tag.id, label: tag.name }))} />
      <Button type="submit" variant="secondary" disabled={isPending} aria-busy={isPending}>
        {t("assign")}
      </Button>
      <span aria-live="polite" className="text-sm">
        {state.status === "error" && <span className="text-danger">{errorText(state.error)}</span>}
        {state.status === "success" && <span className="text-success">{t("tagAssigned")}</span>}
      </span>
    </form>
  );
}

export function RemoveTagButton({ orgId, themeId, tag }: { orgId: string; themeId: string; tag: { id: string; name: string } }) {
  const t = useTranslations("themes");
  const errorText = useErrorText("themes");
  const [state, action, isPending] = useActionState(themeTagAction, IDLE);
  return (
    <form action={action} className="inline-flex items-center gap-2">
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="themeId" value={themeId} />
      <input type="hidden" name="tagId" value={tag.id} />
      <input type="hidden" name="intent" value="remove" />
      <Button type="submit" variant="ghost" className="min-h-10 px-3" disabled={isPending} aria-label={t("removeTagFor", { name: tag.name })}>
        {t("removeTag")}
      </Button>
      <span aria-live="polite" className="text-xs">{state.status === "error" && <span className="text-danger">{errorText(state.error)}</span>}</span>
    </form>
  );
}
