// Helpers the respondent form runs in the browser: they take the instrument's types but not its
// zod schemas, so client bundles stay free of zod.
import type { Locale } from "@/lib/i18n/locales";
import type { LocalizedText, Question } from "./definition";

/** Text in the wanted language, falling back to the instrument's default language. */
export function localize(text: LocalizedText | undefined, locale: Locale, fallback: Locale): string {
  return text?.[locale] || text?.[fallback] || "";
}

/** Whether the question collects an answer (a concept stimulus only shows something). */
export function isAnswerable(question: Question): boolean {
  return question.type !== "stimulus";
}
