"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert, Badge, Card } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { IDLE, type ActionState } from "@/lib/http/action-state";
import type { CodebookTag } from "@/lib/coding/list-tags";
import { createTagAction, deleteTagAction, mergeTagsAction, moveTagAction, updateTagAction } from "../actions";

type Option = { value: string; label: string };

function useErrorText() {
  const t = useTranslations("coding");
  const te = useTranslations("errors");
  return (key: string | undefined) => (key ? (t.has(`errors.${key}`) ? t(`errors.${key}`) : te(key)) : undefined);
}

function Outcome({ state }: { state: ActionState }) {
  const t = useTranslations("coding");
  const errorText = useErrorText();
  return (
    <div aria-live="polite">
      {state.status === "success" && state.message && <Alert tone="success">{t(state.message)}</Alert>}
      {state.status === "error" && !state.fieldErrors && <Alert>{errorText(state.error)}</Alert>}
    </div>
  );
}

function TagFields({ prefix, values, errors }: { prefix: string; values: { name?: string; description?: string; color?: string }; errors: Record<string, string> }) {
  const t = useTranslations("coding");
  const errorText = useErrorText();
  return (
    <>
      <TextField id={`${prefix}-name`} name="name" label={t("tagNameLabel")} defaultValue={values.name ?? ""} maxLength={60} required error={errorText(errors.name)} />
      <TextField id={`${prefix}-description`} name="description" label={t("tagDescriptionLabel")} defaultValue={values.description ?? ""} maxLength={500} error={errorText(errors.description)} />
      <TextField id={`${prefix}-color`} name="color" type="color" label={t("tagColorLabel")} defaultValue={values.color ?? "#64748b"} error={errorText(errors.color)} className="[&_input]:h-11 [&_input]:p-1" />
    </>
  );
}

export function CreateTagForm({ orgId }: { orgId: string }) {
  const t = useTranslations("coding");
  const [state, action, isPending] = useActionState(createTagAction, IDLE);
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  return (
    <form key={state.status === "error" ? JSON.stringify(values) : state.status} action={action} className="grid gap-3 sm:grid-cols-[1fr_2fr_6rem_auto] sm:items-start" noValidate>
      <input type="hidden" name="orgId" value={orgId} />
      <TagFields prefix="new-tag" values={values} errors={errors} />
      <Button type="submit" disabled={isPending} className="sm:mt-6">{t("createTag")}</Button>
      <div className="sm:col-span-4"><Outcome state={state} /></div>
    </form>
  );
}

export function CodebookRow({ orgId, tag, index, count, targets }: { orgId: string; tag: CodebookTag; index: number; count: number; targets: Option[] }) {
  const t = useTranslations("coding");
  const [editState, editAction, isSaving] = useActionState(updateTagAction, IDLE);
  const [moveState, moveAction] = useActionState(moveTagAction, IDLE);
  const [deleteState, deleteAction, isDeleting] = useActionState(deleteTagAction, IDLE);
  const [mergeState, mergeAction, isMerging] = useActionState(mergeTagsAction, IDLE);
  const [isConfirmingDelete, setConfirmingDelete] = useState(false);
  const editValues = editState.status === "error" ? (editState.values ?? {}) : tag;
  const editErrors = editState.status === "error" ? (editState.fieldErrors ?? {}) : {};
  const mergeErrors = mergeState.status === "error" ? (mergeState.fieldErrors ?? {}) : {};
  const errorText = useErrorText();
  const prefix = `tag-${tag.id}`;
  return (
    <li>
      <Card className="space-y-3 p-4" data-testid="codebook-tag" aria-labelledby={`${prefix}-title`}>
        <div className="flex flex-wrap items-center gap-2">
          {index < 9 && <kbd className="rounded border border-border px-1.5 text-sm" title={t("numberKey")}>{index + 1}</kbd>}
          <span aria-hidden="true" className="inline-block size-4 rounded-full" style={{ backgroundColor: tag.color }} />
          <h2 id={`${prefix}-title`} className="font-semibold">{tag.name}</h2>
          <Badge>{t("applications", { count: tag.applications })}</Badge>
          {tag.themeName && <Badge tone="success">{t("themeBadge", { theme: tag.themeName })}</Badge>}
          <form action={moveAction} className="ml-auto flex gap-1">
            <input type="hidden" name="orgId" value={orgId} />
            <input type="hidden" name="tagId" value={tag.id} />
            <Button type="submit" name="direction" value="up" variant="secondary" disabled={index === 0} aria-label={t("moveUp", { tag: tag.name })}>↑</Button>
            <Button type="submit" name="direction" value="down" variant="secondary" disabled={index === count - 1} aria-label={t("moveDown", { tag: tag.name })}>↓</Button>
          </form>
        </div>
        {tag.description && <p className="text-sm text-muted">{tag.description}</p>}
        {moveState.status === "error" && <Alert>{errorText(moveState.error)}</Alert>}
        <details className="text-sm">
          <summary className="cursor-pointer text-primary">{t("editTag", { tag: tag.name })}</summary>
          <form key={editState.status === "error" ? JSON.stringify(editValues) : editState.status} action={editAction} className="mt-3 grid gap-3 sm:grid-cols-[1fr_2fr_6rem_auto] sm:items-start" noValidate>
            <input type="hidden" name="orgId" value={orgId} />
            <input type="hidden" name="tagId" value={tag.id} />
            <TagFields prefix={prefix} values={editValues} errors={editErrors} />
            <Button type="submit" disabled={isSaving} className="sm:mt-6">{t("saveTag")}</Button>
            <div className="sm:col-span-4"><Outcome state={editState} /></div>
          </form>
        </details>
        {targets.length > 0 && (
          <details className="text-sm">
            <summary className="cursor-pointer text-primary">{t("mergeTag", { tag: tag.name })}</summary>
            <form action={mergeAction} className="mt-3 flex flex-wrap items-end gap-3">
              <input type="hidden" name="orgId" value={orgId} />
              <input type="hidden" name="sourceTagId" value={tag.id} />
              <SelectField id={`${prefix}-merge`} name="targetTagId" label={t("mergeInto")} defaultValue="" options={[{ value: "", label: t("chooseTag") }, ...targets]} error={errorText(mergeErrors.targetTagId)} />
              <Button type="submit" variant="secondary" disabled={isMerging}>{t("mergeButton")}</Button>
              <p className="w-full text-muted">{t("mergeExplain", { tag: tag.name })}</p>
              <div className="w-full"><Outcome state={mergeState} /></div>
            </form>
          </details>
        )}
        {isConfirmingDelete ? (
          <form action={deleteAction} className="flex flex-wrap items-center gap-3 rounded-md border border-danger p-3 text-sm">
            <input type="hidden" name="orgId" value={orgId} />
            <input type="hidden" name="tagId" value={tag.id} />
            <p className="w-full">{t("deleteConfirm", { tag: tag.name, count: tag.applications })}</p>
            <Button type="submit" variant="danger" disabled={isDeleting}>{t("deleteConfirmButton", { count: tag.applications })}</Button>
            <Button variant="ghost" onClick={() => setConfirmingDelete(false)}>{t("cancel")}</Button>
          </form>
        ) : (
          <Button variant="ghost" className="text-danger" onClick={() => setConfirmingDelete(true)}>{t("deleteTag", { tag: tag.name })}</Button>
        )}
        <Outcome state={deleteState} />
      </Card>
    </li>
  );
}
