"use client";
// PLACEHOLDER signature shared by the respondent form and the builder's live preview; the
// respondent-experience work replaces the body with the real, accessible controls per type.
import type { AnswerValue } from "@/lib/instruments/answers";
import { localize, type Question } from "@/lib/instruments/definition";
import type { Locale } from "@/lib/i18n/locales";

export interface QuestionFieldProps {
  question: Question;
  locale: Locale;
  fallbackLocale: Locale;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue | undefined) => void;
  /** Already translated error text for this question. */
  error?: string;
  /** Unique prefix for element ids when several forms are on one page (the builder's preview). */
  idPrefix?: string;
}

export function QuestionField({ question, locale, fallbackLocale }: QuestionFieldProps) {
  return (
    <fieldset>
      <legend className="text-lg font-semibold">{localize(question.prompt, locale, fallbackLocale)}</legend>
    </fieldset>
  );
}
