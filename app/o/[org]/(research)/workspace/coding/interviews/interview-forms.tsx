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
import { addInterviewNoteAction, deleteInterviewNoteAction } from "./actions";

/** A note or transcript: pasted, or uploaded as .txt, .docx or .vtt (an upload replaces the pasted text). */
export function AddInterviewForm({ orgId, programs, today }: { orgId: string; programs: Array<{ id: string; name: string }>; today: string }) {
  const t = useTranslations("interviews");
  const errorText = useErrorText("interviews");
  const [state, action, isPending] = useActionState(addInterviewNoteAction, IDLE);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const error = (field: string) => errors[field] && errorText(errors[field]);
  return (
    <form action={action} className="space-y-4" noValidate key={state.status === "success" ? state.message : "form"}>
      <input type="hidden" name="orgId" value={orgId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id="interview-title" name="title" required maxLength={200} autoComplete="off" label={t("titleLabel")} defaultValue={values.title} error={error("title")} />
        <TextField id="interview-label" name="participantLabel" required maxLength={120} autoComplete="off" label={t("labelLabel")} hint={t("labelHint")} defaultValue={values.participantLabel} error={error("participantLabel")} />
        <TextField id="interview-date" name="interviewedOn" type="date" required label={t("dateLabel")} defaultValue={values.interviewedOn ?? today} error={error("interviewedOn")} />
        <SelectField id="interview-program" name="programId" label={t("programLabel")} defaultValue={values.programId ?? ""} options={[{ value: "", label: t("noProgram") }, ...programs.map((program) => ({ value: program.id, label: program.name }))]} error={error("programId")} />
        <TextField id="interview-member" name="participantEmail" type="email" autoComplete="off" label={t("memberLabel")} hint={t("memberHint")} defaultValue={values.participantEmail} error={error("participantEmail")} />
        <TextAreaField id="interview-attributes" name="attributes" rows={2} label={t("attributesLabel")} hint={t("attributesHint")} defaultValue={values.attributes} error={error("attributes")} />
      </div>
      <TextAreaField id="interview-body" name="body" rows={8} label={t("bodyLabel")} hint={t("bodyHint")} defaultValue={values.body} error={error("body")} />
      <div className="space-y-1">
        <label htmlFor="interview-file" className="block text-sm font-medium">{t("fileLabel")}</label>
        <input id="interview-file" name="file" type="file" accept=".txt,.docx,.vtt,text/plain,text/vtt,application/vnd.openxmlformats-officedocument.wordprocessingml.document" aria-describedby={["interview-file-hint", errors.file && "interview-file-error"].filter(Boolean).join(" ")} aria-invalid={errors.file ? true : undefined} className="block w-full text-sm file:mr-3 file:min-h-11 file:rounded-md file:border file:border-border file:bg-surface file:px-4" />
        <p id="interview-file-hint" className="text-sm text-muted">{t("fileHint")}</p>
        {errors.file && <p id="interview-file-error" className="text-sm text-danger">{errorText(errors.file)}</p>}
      </div>
      <div aria-live="polite">
        {state.status === "success" && <Alert tone="success">{t("added", { title: state.message ?? "" })}</Alert>}
        {state.status === "error" && <Alert>{errorText(Object.keys(errors).length > 0 ? "formHasErrors" : state.error)}</Alert>}
      </div>
      <Button type="submit" className="w-full sm:w-auto" disabled={isPending} aria-busy={isPending}>
        {isPending ? t("saving") : t("add")}
      </Button>
    </form>
  );
}

export function DeleteInterviewButton({ orgId, orgSlug, note }: { orgId: string; orgSlug: string; note: { id: string; title: string } }) {
  const t = useTranslations("interviews");
  return <ConfirmDeleteForm action={deleteInterviewNoteAction} fields={{ orgId, orgSlug, noteId: note.id }} confirmText={t("deleteConfirm", { title: note.title })} label={t("delete")} namespace="interviews" />;
}
