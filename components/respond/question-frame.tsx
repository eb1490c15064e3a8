"use client";
import { useTranslations } from "use-intl";

export interface FieldIds {
  /** Prefix for the question's control ids. */
  base: string;
  legend: string;
  help: string;
  error: string;
}

export function fieldIds(questionId: string, idPrefix = "q"): FieldIds {
  const base = `${idPrefix}-${questionId}`;
  return { base, legend: `${base}-legend`, help: `${base}-help`, error: `${base}-error` };
}

/** The ids a control is described by: the help text and the error, when there are any. */
export function describedBy(ids: FieldIds, help: string, error: string | undefined, ...more: Array<string | false | undefined>) {
  return [help && ids.help, error && ids.error, ...more].filter(Boolean).join(" ") || undefined;
}

interface QuestionFrameProps {
  ids: FieldIds;
  prompt: string;
  help: string;
  error?: string;
  isRequired: boolean;
  children: React.ReactNode;
}

/** A question as a fieldset: the prompt is its legend; help and error are announced with it and shown before the answers. */
export function QuestionFrame({ ids, prompt, help, error, isRequired, children }: QuestionFrameProps) {
  const t = useTranslations("respond");
  return (
    <fieldset className="min-w-0 space-y-4" aria-describedby={describedBy(ids, help, error)} data-question={ids.base}>
      <legend id={ids.legend} className="mb-2 text-xl font-semibold leading-snug text-balance">
        {prompt}
        {isRequired && <span className="ml-2 align-middle text-sm font-normal text-muted">({t("required")})</span>}
      </legend>
      {help && (
        <p id={ids.help} className="text-base text-muted">
          {help}
        </p>
      )}
      {/* Above the answers, where the focus goes: below them, a phone's sticky buttons would cover it. */}
      {error && (
        <p id={ids.error} className="flex items-start gap-2 rounded-md border border-danger bg-danger-bg px-3 py-2 text-sm font-medium text-danger">
          <span aria-hidden="true">!</span>
          {error}
        </p>
      )}
      {children}
    </fieldset>
  );
}
