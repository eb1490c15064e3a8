"use client";
import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { TextAreaField } from "@/components/councils/text-area-field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { IDLE, type ActionState } from "@/lib/http/action-state";
import { addConceptAction, createCampaignAction, recordDecisionAction, setCampaignStatusAction } from "./actions";

function useForm(action: (state: ActionState, formData: FormData) => Promise<ActionState>) {
  const [state, formAction, isPending] = useActionState(action, IDLE);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  return { state, formAction, isPending, errors, values };
}

function Outcome({ state, errors, successKey }: { state: ActionState; errors: Record<string, string>; successKey?: string }) {
  const t = useTranslations("campaigns");
  const te = useTranslations("errors");
  return (
    <div aria-live="polite">
      {state.status === "success" && successKey && <Alert tone="success">{t(successKey)}</Alert>}
      {state.status === "error" && Object.keys(errors).length === 0 && <Alert>{te(state.error)}</Alert>}
    </div>
  );
}

export function CreateCampaignForm({ orgId, orgSlug }: { orgId: string; orgSlug: string }) {
  const t = useTranslations("campaigns");
  const te = useTranslations("errors");
  const { state, formAction, isPending, errors, values } = useForm(createCampaignAction);
  return (
    <form action={formAction} className="grid gap-4 sm:grid-cols-3" noValidate>
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="orgSlug" value={orgSlug} />
      <TextField id="campaign-name" name="name" label={t("nameLabel")} required defaultValue={values.name} error={errors.name && te(errors.name)} />
      <TextField id="campaign-markets" name="markets" label={t("marketsLabel")} hint={t("listHint")} defaultValue={values.markets} error={errors.markets && te(errors.markets)} />
      <TextField id="campaign-audiences" name="audiences" label={t("audiencesLabel")} hint={t("listHint")} defaultValue={values.audiences} error={errors.audiences && te(errors.audiences)} />
      <div className="sm:col-span-3">
        <Button type="submit" disabled={isPending} aria-busy={isPending}>{isPending ? t("saving") : t("create")}</Button>
      </div>
      <div className="sm:col-span-3"><Outcome state={state} errors={errors} /></div>
    </form>
  );
}

export function CampaignStatusForm({ orgId, campaignId, status, statuses }: { orgId: string; campaignId: string; status: string; statuses: Array<{ value: string; label: string }> }) {
  const t = useTranslations("campaigns");
  const { state, formAction, isPending, errors } = useForm(setCampaignStatusAction);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3" noValidate>
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="campaignId" value={campaignId} />
      <SelectField id="campaign-status" name="status" label={t("statusLabel")} defaultValue={status} options={statuses} />
      <Button type="submit" variant="secondary" disabled={isPending} aria-busy={isPending}>{t("saveStatus")}</Button>
      <div className="w-full"><Outcome state={state} errors={errors} successKey="statusSaved" /></div>
    </form>
  );
}

export function AddConceptForm({ orgId, campaignId }: { orgId: string; campaignId: string }) {
  const t = useTranslations("campaigns");
  const te = useTranslations("errors");
  const { state, formAction, isPending, errors, values } = useForm(addConceptAction);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "success") form.current?.reset();
  }, [state]);
  return (
    <form ref={form} action={formAction} className="grid gap-4" noValidate>
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="campaignId" value={campaignId} />
      <TextField id="concept-title" name="title" label={t("conceptTitleLabel")} required defaultValue={values.title} error={errors.title && te(errors.title)} />
      <div className="grid gap-4 md:grid-cols-3">
        <TextAreaField id="concept-copy-en" name="copyEn" label={t("copyLabel", { language: "English" })} defaultValue={values.copyEn} error={errors.copyEn && te(errors.copyEn)} />
        <TextAreaField id="concept-copy-pl" name="copyPl" label={t("copyLabel", { language: "Polski" })} lang="pl" defaultValue={values.copyPl} error={errors.copyPl && te(errors.copyPl)} />
        <TextAreaField id="concept-copy-ru" name="copyRu" label={t("copyLabel", { language: "Русский" })} lang="ru" defaultValue={values.copyRu} error={errors.copyRu && te(errors.copyRu)} />
      </div>
      <TextField id="concept-image" name="image" type="file" accept="image/png,image/jpeg,image/gif,image/webp" label={t("conceptImageLabel")} hint={t("conceptImageHint")} error={errors.image && te(errors.image)} />
      <div><Button type="submit" variant="secondary" disabled={isPending} aria-busy={isPending}>{t("addConcept")}</Button></div>
      <Outcome state={state} errors={errors} successKey="conceptAdded" />
    </form>
  );
}

type Option = { value: string; label: string };

export function RecordDecisionForm({ orgId, campaignId, kpis, resonanceTests, quotes, memos, insights = [], kinds, corrects }: {
  orgId: string; campaignId: string; kpis: Array<{ key: string; label: string }>; resonanceTests: Option[]; quotes: Option[]; memos: Option[]; insights?: Option[]; kinds: Option[]; corrects: Option[];
}) {
  const t = useTranslations("campaigns");
  const te = useTranslations("errors");
  const { state, formAction, isPending, errors, values } = useForm(recordDecisionAction);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "success") form.current?.reset();
  }, [state]);
  const kpiOptions = kpis.map((kpi) => ({ value: kpi.key, label: kpi.label }));
  const checkboxes = (name: string, legend: string, hint: string | null, options: Option[], userContent = false) => (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">{legend}</legend>
      {hint && <p className="text-sm text-muted">{hint}</p>}
      <div className={userContent ? "grid max-h-72 gap-2 overflow-y-auto rounded-md border border-border p-2" : "flex flex-wrap gap-x-6 gap-y-2"} tabIndex={userContent ? 0 : undefined}>
        {options.map((option) => (
          <label key={option.value} className="flex min-h-11 items-center gap-2 text-sm">
            <input type="checkbox" name={name} value={option.value} className="h-5 w-5 shrink-0" />
            <span data-user-content={userContent || undefined}>{option.label}</span>
          </label>
        ))}
      </div>
      {errors[name] && <p className="text-sm text-danger">{te(errors[name])}</p>}
    </fieldset>
  );
  return (
    <form ref={form} action={formAction} className="grid gap-4" noValidate>
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="campaignId" value={campaignId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField id="decision-kind" name="kind" label={t("decisionLabel")} defaultValue={values.kind ?? "revise"} options={kinds} error={errors.kind && te(errors.kind)} />
        {corrects.length > 0 && <SelectField id="decision-corrects" name="correctsDecisionId" label={t("correctsLabel")} defaultValue={values.correctsDecisionId ?? ""} options={[{ value: "", label: t("correctsNone") }, ...corrects]} />}
      </div>
      <TextAreaField id="decision-rationale" name="rationale" label={t("rationaleLabel")} hint={t("rationaleHint")} required defaultValue={values.rationale} error={errors.rationale && te(errors.rationale)} />
      <fieldset className="space-y-3 rounded-md border border-border p-3">
        <legend className="px-1 font-medium">{t("evidenceLegend")}</legend>
        {checkboxes("evidenceKpiKeys", t("evidenceKpisLegend"), t("evidenceHint"), kpiOptions)}
        {resonanceTests.length > 0 && checkboxes("evidenceResonanceTestIds", t("evidenceResonanceLegend"), null, resonanceTests)}
        {quotes.length > 0 && checkboxes("evidenceQuoteRefs", t("evidenceQuotesLegend"), t("evidenceQuotesHint"), quotes, true)}
        {memos.length > 0 && checkboxes("evidenceMemoIds", t("evidenceMemosLegend"), t("evidenceMemosHint"), memos, true)}
        {insights.length > 0 && checkboxes("evidenceInsightIds", t("evidenceInsightsLegend"), t("evidenceInsightsHint"), insights, true)}
      </fieldset>
      {checkboxes("expectedKpiKeys", t("expectedLegend"), t("expectedHint"), kpiOptions)}
      <div><Button type="submit" disabled={isPending} aria-busy={isPending}>{isPending ? t("saving") : t("recordDecision")}</Button></div>
      <Outcome state={state} errors={errors} successKey="decisionRecorded" />
    </form>
  );
}
