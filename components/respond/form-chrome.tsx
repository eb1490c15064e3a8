"use client";
import { useTranslations } from "use-intl";
import { useRefusalText } from "@/components/i18n/use-refusal-text";
import { cn } from "@/components/ui/cn";
import { LOCALE_NAMES, type Locale } from "@/lib/i18n/locales";
import type { SyncStatus } from "./use-response-sync";

/** How far along the form is; on the review screen, every question is behind the respondent. */
export function FormProgress({ current, total, isReview = false }: { current: number; total: number; isReview?: boolean }) {
  const t = useTranslations("respond");
  const text = isReview ? t("progressReview") : t("progress", { current, total });
  return (
    <div className="space-y-1">
      <div
        role="progressbar"
        aria-label={t("progressLabel")}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={current}
        aria-valuetext={text}
        className="h-2 overflow-hidden rounded-full bg-accent"
      >
        <div className="h-full rounded-full bg-primary transition-[width] duration-300" style={{ width: `${total === 0 ? 100 : Math.round((current / total) * 100)}%` }} />
      </div>
      <p aria-hidden="true" className="text-sm text-muted">
        {text}
      </p>
    </div>
  );
}

/** The form's own language, among the languages the instrument is written in. */
export function LanguagePicker({ languages, locale, onChange }: { languages: Locale[]; locale: Locale; onChange: (locale: Locale) => void }) {
  const t = useTranslations("respond");
  if (languages.length < 2) return null;
  return (
    <div role="group" aria-label={t("formLanguage")} className="flex flex-wrap gap-1">
      {languages.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          aria-pressed={code === locale}
          onClick={() => onChange(code)}
          className={cn("min-h-11 rounded-md border px-3 text-sm font-medium", code === locale ? "border-primary bg-primary text-primary-fg" : "border-border bg-surface hover:bg-accent")}
        >
          {LOCALE_NAMES[code]}
        </button>
      ))}
    </div>
  );
}

/** Whether the answers are safe: announced politely, and always the same height. */
export function SaveStatus({ status, isSubmitting, failure }: { status: SyncStatus; isSubmitting: boolean; failure: string | null }) {
  const t = useTranslations("respond");
  const te = useTranslations("errors");
  const refusalText = useRefusalText();
  const message =
    status === "offline" ? t(isSubmitting ? "statusSubmitOffline" : "statusOffline") : status === "saving" ? t(isSubmitting ? "submitting" : "statusSaving") : status === "saved" ? t("statusSaved") : status === "failed" && failure ? refusalText(failure, te("unexpected")) : "";
  return (
    <p role="status" data-status={status} className={cn("min-h-5 text-sm", status === "offline" || status === "failed" ? "font-medium text-warning" : "text-muted")}>
      {status === "offline" && <span aria-hidden="true">⚠ </span>}
      {message}
    </p>
  );
}
