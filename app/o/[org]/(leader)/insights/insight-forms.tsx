"use client";
import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { TextAreaField } from "@/components/councils/text-area-field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { IDLE, type ActionState } from "@/lib/http/action-state";
import { BODY_MAX, CLAIM_MAX } from "@/lib/insights/limits";
import { attachEvidenceAction, createInsightAction, detachEvidenceAction, setInsightStatusAction, updateInsightAction } from "./actions";

/** An error key in the reader's language: the insights' own messages first, then the shared catalog. */
function useErrorText() {
  const t = useTranslations("insights");
  const te = useTranslations("errors");
  return (key: string) => (t.has(`errors.${key}`) ? t(`errors.${key}`) : te(key));
}

function useForm(action: (state: ActionState, formData: FormData) => Promise<ActionState>) {
  const [state, formAction, isPending] = useActionState(action, IDLE);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  return { state, formAction, isPending, errors, values };
}

function Outcome({ state, errors }: { state: ActionState; errors: Record<string, string> }) {
  const t = useTranslations("insights");
  const errorText = useErrorText();
  const fieldErrors = Object.values(errors);
  return (
    <div aria-live="polite" className="empty:hidden">
      {state.status === "success" && state.message && <Alert tone="success">{t(`done_${state.message}`)}</Alert>}
      {state.status === "error" && (fieldErrors.length === 0 || state.error !== "formHasErrors") && <Alert>{errorText(state.error)}</Alert>}
    </div>
  );
}

/** The claim and body: a new insight (then its page opens) or an edit of one. */
export function InsightTextForm({ orgId, orgSlug, insight }: { orgId: string; orgSlug: string; insight?: { id: string; claim: string; body: string } }) {
  const t = useTranslations("insights");
  const errorText = useErrorText();
  const { state, formAction, isPending, errors, values } = useForm(insight ? updateInsightAction : createInsightAction);
  return (
    <form action={formAction} className="grid gap-4" noValidate>
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="orgSlug" value={orgSlug} />
      {insight && <input type="hidden" name="insightId" value={insight.id} />}
      <TextField id="insight-claim" name="claim" label={t("claimLabel")} hint={t("claimHint", { max: CLAIM_MAX })} required maxLength={CLAIM_MAX} defaultValue={values.claim ?? insight?.claim} error={errors.claim && errorText(errors.claim)} />
      <TextAreaField id="insight-body" name="body" label={t("bodyLabel")} hint={t("bodyHint")} rows={6} maxLength={BODY_MAX} defaultValue={values.body ?? insight?.body} error={errors.body && errorText(errors.body)} />
      <div><Button type="submit" disabled={isPending} aria-busy={isPending}>{isPending ? t("saving") : insight ? t("saveChanges") : t("createDraft")}</Button></div>
      <Outcome state={state} errors={errors} />
    </form>
  );
}

/** Publish a draft, or take a published insight back to draft. */
export function InsightStatusForm({ orgId, insightId, status }: { orgId: string; insightId: string; status: "draft" | "published" }) {
  const t = useTranslations("insights");
  const { state, formAction, isPending, errors } = useForm(setInsightStatusAction);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="insightId" value={insightId} />
      <input type="hidden" name="intent" value={status === "draft" ? "publish" : "unpublish"} />
      <Button type="submit" variant={status === "draft" ? "primary" : "secondary"} disabled={isPending} aria-busy={isPending}>{status === "draft" ? t("publish") : t("unpublish")}</Button>
      <Outcome state={state} errors={errors} />
    </form>
  );
}

/** One "attach" button for a highlight or an item found by the search. */
export function AttachButton({ orgId, insightId, kind, id, label }: { orgId: string; insightId: string; kind: "highlight" | "quote"; id: string; label: string }) {
  const t = useTranslations("insights");
  const { state, formAction, isPending, errors } = useForm(attachEvidenceAction);
  return (
    <form action={formAction} className="space-y-1">
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="insightId" value={insightId} />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name={kind === "highlight" ? "highlightId" : "itemId"} value={id} />
      <Button type="submit" variant="secondary" disabled={isPending || state.status === "success"} aria-busy={isPending} aria-label={label}>{state.status === "success" ? t("attachedShort") : t("attach")}</Button>
      <Outcome state={state} errors={errors} />
    </form>
  );
}

/** A KPI of the organization, frozen as it stands when attached. */
export function AttachKpiForm({ orgId, insightId, kpis }: { orgId: string; insightId: string; kpis: Array<{ value: string; label: string }> }) {
  const t = useTranslations("insights");
  const errorText = useErrorText();
  const { state, formAction, isPending, errors } = useForm(attachEvidenceAction);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3" noValidate>
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="insightId" value={insightId} />
      <input type="hidden" name="kind" value="kpi" />
      <SelectField id="insight-kpi" name="kpiKey" label={t("kpiLabel")} options={kpis} error={errors.kpiKey && errorText(errors.kpiKey)} className="min-w-0 flex-1" />
      <Button type="submit" variant="secondary" disabled={isPending} aria-busy={isPending}>{t("attachKpi")}</Button>
      <div className="w-full"><Outcome state={state} errors={errors} /></div>
    </form>
  );
}

export function DetachButton({ orgId, insightId, evidenceId, label }: { orgId: string; insightId: string; evidenceId: string; label: string }) {
  const t = useTranslations("insights");
  const { state, formAction, isPending, errors } = useForm(detachEvidenceAction);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "error") form.current?.querySelector("button")?.focus();
  }, [state]);
  return (
    <form ref={form} action={formAction} className="space-y-1">
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="insightId" value={insightId} />
      <input type="hidden" name="evidenceId" value={evidenceId} />
      <Button type="submit" variant="secondary" disabled={isPending} aria-busy={isPending} aria-label={label}>{t("detach")}</Button>
      <Outcome state={state} errors={errors} />
    </form>
  );
}
