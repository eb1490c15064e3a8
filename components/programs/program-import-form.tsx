"use client";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import type { ImportPreview } from "@/lib/imports/parse-csv-import";
import type { ProgramInvitee } from "@/lib/programs/program-import";
import { LOCALE_NAMES } from "@/lib/i18n/locales";
import type { ActionState } from "@/lib/http/action-state";

type Failure = Extract<ActionState, { status: "error" }>;
export type ImportPreviewResult = { status: "preview"; preview: ImportPreview<ProgramInvitee> } | Failure;
export type ImportResult = { status: "imported"; invited: number; skipped: string[] } | Failure;

const PREVIEW_ROWS = 50;

/**
 * Two steps: the file is checked and shown (nothing written), then the valid rows are invited on confirmation.
 * Shared by councils and panels: each passes its own actions, bound to the organization and program.
 */
export function ProgramImportForm({ previewAction, importAction, idPrefix, defaultLanguageLabel }: { previewAction: (csv: string) => Promise<ImportPreviewResult>; importAction: (csv: string) => Promise<ImportResult>; idPrefix: string; defaultLanguageLabel: string }) {
  const t = useTranslations("councils");
  const te = useTranslations("errors");
  const [csv, setCsv] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview<ProgramInvitee> | null>(null);
  const [outcome, setOutcome] = useState<{ invited: number; skipped: string[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  function reset() {
    setCsv(null);
    setPreview(null);
    setError(null);
  }

  async function onFile(file: File | undefined) {
    reset();
    setOutcome(null);
    if (!file) return;
    const text = await file.text();
    startTransition(async () => {
      const result = await previewAction(text);
      if (result.status === "error") return setError(result.error);
      setCsv(text);
      setPreview(result.preview);
    });
  }

  function confirm() {
    if (!csv) return;
    startTransition(async () => {
      const result = await importAction(csv);
      if (result.status === "error") return setError(result.error);
      reset();
      setOutcome({ invited: result.invited, skipped: result.skipped });
    });
  }

  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <label htmlFor={`${idPrefix}-import-file`} className="block text-sm font-medium">
          {t("importFileLabel")}
        </label>
        <input
          id={`${idPrefix}-import-file`}
          type="file"
          accept=".csv,text/csv"
          aria-describedby={`${idPrefix}-import-hint`}
          onChange={(event) => void onFile(event.target.files?.[0])}
          className="block w-full text-sm file:mr-3 file:min-h-11 file:rounded-md file:border file:border-border file:bg-surface file:px-4"
        />
        <p id={`${idPrefix}-import-hint`} className="text-sm text-muted">{t("importHint")}</p>
      </div>
      <div aria-live="polite" className="space-y-3">
        {isPending && <p className="text-sm text-muted">{t("importWorking")}</p>}
        {error && <Alert>{te(error)}</Alert>}
        {outcome && (
          <Alert tone="success">
            {t("importDone", { count: outcome.invited })}
            {outcome.skipped.length > 0 && <span className="block">{t("importSkipped", { count: outcome.skipped.length, emails: outcome.skipped.join(", ") })}</span>}
          </Alert>
        )}
        {preview && (
          <section aria-labelledby="import-preview-title" className="space-y-3" data-testid="import-preview">
            <h3 id="import-preview-title" className="font-semibold">{t("previewTitle")}</h3>
            <p className="text-sm">{t("previewSummary", { rows: preview.rows.length, total: preview.dataRows, merged: preview.mergedDuplicates, errors: preview.errors.length })}</p>
            {preview.missingColumns.length > 0 && <Alert>{t("previewMissingColumns", { columns: preview.missingColumns.join(", ") })}</Alert>}
            {preview.errors.length > 0 && (
              <Alert tone="warning">
                <p className="font-semibold">{t("previewErrorsTitle")}</p>
                <ul className="mt-1 list-disc pl-5" data-testid="import-errors">
                  {preview.errors.map((rowError, index) => (
                    <li key={index}>{t("previewError", { line: rowError.line, column: rowError.column ?? "—", message: te(rowError.messageKey) })}</li>
                  ))}
                </ul>
              </Alert>
            )}
            {preview.rows.length > 0 && (
              <DataTable caption={t("previewTitle")} columns={[{ label: t("inviteEmailLabel") }, { label: t("inviteNameLabel") }, { label: t("inviteLocaleLabel") }]}>
                {preview.rows.slice(0, PREVIEW_ROWS).map((row) => (
                  <tr key={row.email}>
                    <td className="px-4 py-2">{row.email}</td>
                    <td className="px-4 py-2">{row.name ?? "—"}</td>
                    <td className="px-4 py-2">{row.locale ? LOCALE_NAMES[row.locale] : defaultLanguageLabel}</td>
                  </tr>
                ))}
              </DataTable>
            )}
            {preview.rows.length > PREVIEW_ROWS && <p className="text-sm text-muted">{t("previewMore", { count: preview.rows.length - PREVIEW_ROWS })}</p>}
            <div className="flex flex-wrap gap-3">
              <Button onClick={confirm} disabled={isPending || preview.rows.length === 0 || preview.missingColumns.length > 0} aria-busy={isPending}>
                {t("importConfirm", { count: preview.rows.length })}
              </Button>
              <Button variant="secondary" onClick={reset} disabled={isPending}>
                {t("importCancel")}
              </Button>
            </div>
          </section>
        )}
      </div>
    </div>
  );
}
