"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { IDLE } from "@/lib/http/action-state";
import { FIELD_REPORT_BODY_MAX, FIELD_REPORT_KINDS, URGENCIES } from "@/lib/field-reports/schemas";
import { submitFieldReportAction } from "./actions";

const CARD = "flex min-h-20 cursor-pointer flex-col justify-center rounded-lg border-2 border-border bg-surface p-4 has-[:checked]:border-primary has-[:checked]:bg-accent has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-primary";
const PILL = "flex min-h-11 flex-1 cursor-pointer items-center justify-center rounded-md border-2 border-border bg-surface px-3 text-sm font-medium has-[:checked]:border-primary has-[:checked]:bg-accent has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-primary";

/**
 * Mobile-first: two big cards for the kind, three buttons for urgency, a text box. The page goes
 * out without scripts (server/script-free-pages.ts): the form posts as a plain form and the page
 * comes back with the outcome (a sent report redirects to a fresh form saying so), so everything
 * here is decided on the server.
 */
export function FieldReportForm({ orgSlug, submissionId, sent }: { orgSlug: string; submissionId: string; sent?: "urgent" | "normal" }) {
  const t = useTranslations("fieldReports");
  const te = useTranslations("errors");
  const [state, action, isPending] = useActionState(submitFieldReportAction, IDLE);
  const values = state.status === "error" ? state.values ?? {} : {};
  const errors = state.status === "error" ? state.fieldErrors ?? {} : {};
  const hints = { pain_point: t("painPointHint"), praise: t("praiseHint") };
  return (
    <form action={action} noValidate className="space-y-6">
      <input type="hidden" name="org" value={orgSlug} />
      <input type="hidden" name="submissionId" value={submissionId} />
      <div aria-live="polite">
        {/* Said until the form is sent again: an error then replaces it. */}
        {sent && state.status === "idle" && <Alert tone="success">{t(sent === "urgent" ? "submittedUrgent" : "submitted")}</Alert>}
        {state.status === "error" && Object.keys(errors).length === 0 && <Alert>{te(state.error)}</Alert>}
      </div>
      {/* A refused report comes back as a new page: autofocus (no script needed) takes the person to the first field at fault, its message just above it. */}
      <fieldset aria-describedby={errors.kind ? "report-kind-error" : undefined}>
        <legend className="mb-2 text-sm font-medium">{t("kindLegend")}</legend>
        {errors.kind && <p id="report-kind-error" className="mb-2 text-sm text-danger">{te(errors.kind)}</p>}
        <div className="grid grid-cols-2 gap-3">
          {FIELD_REPORT_KINDS.map((kind, index) => (
            <label key={kind} className={CARD}>
              <input type="radio" name="kind" value={kind} defaultChecked={values.kind === kind} required className="sr-only" aria-describedby={errors.kind ? "report-kind-error" : undefined} autoFocus={Boolean(errors.kind) && index === 0} />
              <span className="text-base font-semibold">{t(`kinds.${kind}`)}</span>
              <span className="text-sm text-muted">{hints[kind]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset aria-describedby="report-urgency-hint">
        <legend className="mb-2 text-sm font-medium">{t("urgencyLegend")}</legend>
        <div className="flex gap-2">
          {URGENCIES.map((urgency) => (
            <label key={urgency} className={cn(PILL, urgency === "urgent" && "has-[:checked]:border-danger has-[:checked]:bg-danger-bg has-[:checked]:text-danger")}>
              <input type="radio" name="urgency" value={urgency} defaultChecked={(values.urgency ?? "normal") === urgency} className="sr-only" />
              {t(`urgencies.${urgency}`)}
            </label>
          ))}
        </div>
        <p id="report-urgency-hint" className="mt-1 text-sm text-muted">{t("urgentHint")}</p>
      </fieldset>
      <div className="space-y-1">
        <label htmlFor="report-body" className="block text-sm font-medium">{t("bodyLabel")}</label>
        {errors.body && <p id="report-body-error" className="text-sm text-danger">{te(errors.body)}</p>}
        <textarea
          id="report-body"
          name="body"
          rows={5}
          required
          maxLength={FIELD_REPORT_BODY_MAX}
          defaultValue={values.body}
          autoFocus={Boolean(errors.body) && !errors.kind}
          aria-invalid={errors.body ? true : undefined}
          aria-describedby={["report-body-hint", "report-body-limit", errors.body && "report-body-error"].filter(Boolean).join(" ")}
          className="block w-full rounded-md border border-border bg-surface px-3 py-2 text-base aria-[invalid=true]:border-danger"
        />
        <div className="flex justify-between gap-3 text-sm text-muted">
          <p id="report-body-hint">{t("bodyHint")}</p>
          <p id="report-body-limit" className="shrink-0">{t("bodyLimit", { max: FIELD_REPORT_BODY_MAX })}</p>
        </div>
      </div>
      <Button type="submit" className="w-full sm:w-auto" disabled={isPending} aria-busy={isPending}>
        {isPending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
