"use client";
import { useActionState, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { ImportPreview } from "@/components/imports/import-preview";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { ROSTER_COLUMNS } from "@/lib/roster/roster-row";
import type { RosterRowStatus } from "@/lib/roster/import-roster";
import { rosterImportAction } from "./actions";
import { IMPORT_IDLE } from "./import-state";

const STATUS_TONE = { new: "success", updated: "warning", unchanged: "neutral", skipped: "danger" } as const;
const STATUS_LABEL = { new: "statusNew", updated: "statusUpdated", unchanged: "statusUnchanged", skipped: "statusSkipped" } as const satisfies Record<RosterRowStatus, string>;

/** Step one: choose a file; step two: check the preview and confirm. Nothing is written before the confirmation. */
export function RosterImport({ orgId }: { orgId: string }) {
  const t = useTranslations("roster");
  const te = useTranslations("errors");
  const [state, action, isPending] = useActionState(rosterImportAction, IMPORT_IDLE);
  const [intent, setIntent] = useState("preview");
  const previewHeading = useRef<HTMLHeadingElement>(null);
  // The button that was pressed is gone once the preview shows: keyboard and screen reader users continue at its heading.
  useEffect(() => {
    if (state.status === "preview") previewHeading.current?.focus();
  }, [state]);

  if (state.status === "preview") {
    const { plan } = state;
    const canConfirm = plan.missingColumns.length === 0 && (plan.rows.length > 0 || plan.counts.deactivated > 0);
    return (
      <form action={action} className="space-y-4">
        <input type="hidden" name="orgId" value={orgId} />
        <textarea name="csv" value={state.csv} readOnly hidden aria-hidden="true" />
        {state.deactivateMissing && <input type="hidden" name="deactivateMissing" value="on" />}
        <h3 ref={previewHeading} tabIndex={-1} className="font-semibold focus:outline-none">{t("previewTitle")}</h3>
        {plan.missingColumns.length > 0 ? (
          <Alert>{t("missingColumns", { columns: plan.missingColumns.join(", ") })}</Alert>
        ) : (
          <ImportPreview
            columns={ROSTER_COLUMNS.map((column) => ({ key: column, label: t(column) }))}
            rows={plan.rows.map((row) => ({
              cells: { ...row, manager: row.manager && t(row.manager === "yes" ? "yes" : "no") },
              status: { label: t(STATUS_LABEL[row.status]), tone: STATUS_TONE[row.status] },
            }))}
            errors={plan.errors.map((error) => ({ line: error.line, column: error.column, message: te(error.messageKey) }))}
            summary={[
              { label: t("countNew"), value: plan.counts.new },
              { label: t("countUpdated"), value: plan.counts.updated },
              { label: t("countUnchanged"), value: plan.counts.unchanged },
              { label: t("countSkipped"), value: plan.counts.skipped },
              { label: t("countMerged"), value: plan.mergedDuplicates },
              { label: t("countErrors"), value: new Set(plan.errors.map((error) => error.line)).size, tone: "danger" },
              ...(state.deactivateMissing ? [{ label: t("countDeactivated"), value: plan.counts.deactivated, tone: "danger" as const }] : []),
            ]}
            labels={{ rowsCaption: t("rowsCaption"), errorsTitle: t("errorsTitle"), line: t("line"), column: t("column"), problem: t("problem"), wholeRow: t("wholeRow"), status: t("outcome"), moreRows: (count) => t("moreRows", { count }) }}
          />
        )}
        {!canConfirm && plan.missingColumns.length === 0 && <Alert tone="warning">{t("nothingToImport")}</Alert>}
        <div className="flex flex-wrap gap-3">
          {canConfirm && (
            <Button type="submit" name="intent" value="confirm" onClick={() => setIntent("confirm")} disabled={isPending} aria-busy={isPending && intent === "confirm"}>
              {isPending && intent === "confirm" ? t("confirming") : t("confirm")}
            </Button>
          )}
          <Button type="submit" variant="secondary" name="intent" value="reset" onClick={() => setIntent("reset")} disabled={isPending}>
            {t("chooseAnother")}
          </Button>
        </div>
      </form>
    );
  }

  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="intent" value="preview" />
      <div aria-live="polite">
        {state.status === "imported" && <Alert tone="success">{t("imported", { created: state.counts.new, updated: state.counts.updated, unchanged: state.counts.unchanged, skipped: state.counts.skipped, deactivated: state.counts.deactivated })}</Alert>}
        {state.status === "error" && <Alert>{te(state.error)}</Alert>}
      </div>
      <div className="space-y-1">
        <label htmlFor="roster-file" className="block text-sm font-medium">
          {t("fileLabel")}
        </label>
        <input
          id="roster-file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          required
          aria-describedby="roster-file-hint"
          className="block w-full min-h-11 rounded-md border border-border bg-surface px-3 py-2 text-base file:mr-3 file:rounded file:border-0 file:bg-accent file:px-3 file:py-1"
        />
        <p id="roster-file-hint" className="text-sm text-muted">
          {t("importHelp")}
        </p>
      </div>
      <div className="flex items-start gap-3">
        <input id="roster-deactivate-missing" name="deactivateMissing" type="checkbox" aria-describedby="roster-deactivate-missing-hint" className="mt-1 size-5" />
        <div>
          <label htmlFor="roster-deactivate-missing" className="text-sm font-medium">
            {t("deactivateMissingLabel")}
          </label>
          <p id="roster-deactivate-missing-hint" className="text-sm text-muted">
            {t("deactivateMissingHint")}
          </p>
        </div>
      </div>
      <Button type="submit" disabled={isPending} aria-busy={isPending}>
        {isPending ? t("checking") : t("check")}
      </Button>
    </form>
  );
}
