"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { IDLE, type ActionState } from "@/lib/http/action-state";
import { closeResonanceTestAction, runResonanceTestAction } from "./actions";

type Panel = { id: string; name: string; kind: "panel" | "council"; samples: Array<{ id: string; name: string }> };

/** Sends chosen concepts to a panel, one of its samples or a council; on success the results page opens. */
export function RunResonanceTestForm({ orgId, orgSlug, campaignId, panels, concepts, defaultDeadline, defaultThreshold }: {
  orgId: string; orgSlug: string; campaignId: string; panels: Panel[]; concepts: Array<{ id: string; title: string }>; defaultDeadline: string; defaultThreshold: number;
}) {
  const [state, formAction, isPending] = useActionState(runResonanceTestAction, IDLE);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  // React resets a form after its action: a new key per answer rebuilds it from the values sent back.
  const formKey = state.status === "error" ? JSON.stringify(values) : "new";
  return <RunResonanceTestFields key={formKey} {...{ orgId, orgSlug, campaignId, panels, concepts, defaultDeadline, defaultThreshold, formAction, isPending, errors, values, state }} />;
}

function RunResonanceTestFields({ orgId, orgSlug, campaignId, panels, concepts, defaultDeadline, defaultThreshold, formAction, isPending, errors, values, state }: {
  orgId: string; orgSlug: string; campaignId: string; panels: Panel[]; concepts: Array<{ id: string; title: string }>; defaultDeadline: string; defaultThreshold: number;
  formAction: (formData: FormData) => void; isPending: boolean; errors: Record<string, string>; values: Record<string, string>; state: ActionState;
}) {
  const t = useTranslations("resonance");
  const tp = useTranslations("polls");
  const te = useTranslations("errors");
  const [panelId, setPanelId] = useState(values.panelId ?? panels[0]?.id ?? "");
  const samples = panels.find((panel) => panel.id === panelId)?.samples ?? [];
  const chosen = values.conceptIds === undefined ? null : new Set(values.conceptIds.split(","));
  return (
    <form action={formAction} className="grid gap-4" noValidate>
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="orgSlug" value={orgSlug} />
      <input type="hidden" name="campaignId" value={campaignId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField id="resonance-panel" name="panelId" label={t("audienceLabel")} value={panelId} onChange={(event) => setPanelId(event.target.value)} options={panels.map((panel) => ({ value: panel.id, label: panel.kind === "council" ? t("councilOption", { name: panel.name }) : panel.name }))} error={errors.panelId && te(errors.panelId)} />
        {panels.find((panel) => panel.id === panelId)?.kind !== "council" && <SelectField
          id="resonance-sample"
          key={panelId}
          name="sampleId"
          label={tp("sample")}
          defaultValue={values.sampleId ?? ""}
          options={[{ value: "", label: tp("wholePanel") }, ...samples.map((sample) => ({ value: sample.id, label: tp("sampleOption", { name: sample.name }) }))]}
          error={errors.sampleId && te(errors.sampleId)}
        />}
      </div>
      <fieldset className="space-y-2" aria-describedby="resonance-concepts-hint">
        <legend className="text-sm font-medium">{t("conceptsLegend")}</legend>
        <p id="resonance-concepts-hint" className="text-sm text-muted">{t("conceptsHint")}</p>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          {concepts.map((concept) => (
            <label key={concept.id} className="flex min-h-11 items-center gap-2 text-sm">
              <input type="checkbox" name="conceptIds" value={concept.id} defaultChecked={chosen ? chosen.has(concept.id) : true} className="h-5 w-5" />
              <span data-user-content>{concept.title}</span>
            </label>
          ))}
        </div>
        {errors.conceptIds && <p className="text-sm text-danger">{te(errors.conceptIds)}</p>}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id="resonance-deadline" name="deadline" type="datetime-local" label={t("deadlineLabel")} defaultValue={values.deadline ?? defaultDeadline} required error={errors.deadline && te(errors.deadline)} />
        <TextField id="resonance-threshold" name="respectfulThreshold" type="number" inputMode="numeric" min={0} max={100} step={1} label={t("thresholdLabel")} hint={t("thresholdHint")} defaultValue={values.respectfulThreshold ?? String(defaultThreshold)} error={errors.respectfulThreshold && te(errors.respectfulThreshold)} />
      </div>
      <div><Button type="submit" disabled={isPending} aria-busy={isPending}>{isPending ? t("sending") : t("send")}</Button></div>
      <div aria-live="polite">{state.status === "error" && Object.keys(errors).length === 0 && <Alert>{te(state.error)}</Alert>}</div>
    </form>
  );
}

export function CloseResonanceTestForm({ orgId, testId }: { orgId: string; testId: string }) {
  const t = useTranslations("resonance");
  const te = useTranslations("errors");
  const [state, formAction, isPending] = useActionState(closeResonanceTestAction, IDLE);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="testId" value={testId} />
      <Button type="submit" variant="secondary" disabled={isPending} aria-busy={isPending}>{isPending ? t("closing") : t("closeNow")}</Button>
      <div aria-live="polite">
        {state.status === "success" && <Alert tone="success">{t("closedNow")}</Alert>}
        {state.status === "error" && <Alert>{te(state.error)}</Alert>}
      </div>
    </form>
  );
}
