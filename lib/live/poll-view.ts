// Pure helpers the live pages run in the browser: they read a poll's definition without its zod schemas.
import type { Definition, Question } from "@/lib/instruments/definition";
import { localize } from "@/lib/instruments/localize";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { POLL_QUESTION_ID, STIMULUS_QUESTION_ID } from "@/lib/polls/build-poll-definition";
import { sharePercent } from "@/lib/statistics/share";
import type { LiveResults } from "./events";

/** The question a poll asks. */
export function pollQuestion(definition: Definition): Question | undefined {
  return definition.questions.find((question) => question.id === POLL_QUESTION_ID);
}

/** The poll's prompt in the wanted language, falling back to the poll's own default language. */
export function pollPrompt(definition: Definition, locale: Locale): string {
  return localize(pollQuestion(definition)?.prompt, locale, definition.defaultLocale as Locale);
}

export interface ResultRow {
  bucket: string;
  label: string;
  count: number;
  /** Share of respondents, 0–100 (several choices of a multiple-choice poll can add up to more). */
  percent: number;
}

/**
 * A poll's counts as labelled rows in the poll's own order: every choice (or every point 0–10 of a
 * scale), answered or not. An open-text poll has no rows; its answers are listed instead.
 */
export function resultRows(definition: Definition, counts: Record<string, number>, respondents: number, locale: Locale): ResultRow[] {
  const question = pollQuestion(definition);
  if (!question) return [];
  const fallback = definition.defaultLocale as Locale;
  const row = (bucket: string, label: string): ResultRow => {
    const count = counts[bucket] ?? 0;
    return { bucket, label, count, percent: sharePercent(count, respondents) };
  };
  if (question.type === "single" || question.type === "multiple") return question.choices.map((choice) => row(choice.id, localize(choice.label, locale, fallback)));
  if (question.type === "scale") return Array.from({ length: question.max - question.min + 1 }, (_, index) => String(question.min + index)).map((point) => row(point, point));
  return [];
}

/** The attributes results are split by, in a stable order: the built-in ones first, then the organization's own. */
export function splitAttributes(results: LiveResults | undefined): string[] {
  const builtIn = ["language", "region", "ageBand", "tenure"];
  const present = Object.keys(results?.splits ?? {});
  return [...builtIn.filter((key) => present.includes(key)), ...present.filter((key) => !builtIn.includes(key)).sort()];
}

/**
 * A saved poll back as the flat values of the poll form (the names pollContentFromForm reads),
 * translations included, so editing starts from what was saved.
 */
export function pollFormValues(kind: string, definition: Definition): Record<string, string> {
  const locale = definition.defaultLocale as Locale;
  const question = pollQuestion(definition);
  const concept = definition.questions.find((candidate) => candidate.id === STIMULUS_QUESTION_ID);
  const choices = question && (question.type === "single" || question.type === "multiple") ? question.choices : [];
  const scale = question?.type === "scale" ? question : undefined;
  const copy = concept?.type === "stimulus" ? concept.copy : undefined;
  const values: Record<string, string> = { kind, defaultLocale: locale, stimulusImageUrl: concept?.type === "stimulus" ? concept.imageUrl ?? "" : "" };
  for (const language of LOCALES) {
    const field = (name: string) => (language === locale ? name : `translation.${language}.${name}`);
    values[language === locale ? "prompt" : `translation.${language}`] = question?.prompt[language] ?? "";
    values[field("choices")] = choices.some((choice) => choice.label[language]) ? choices.map((choice) => choice.label[language] ?? "").join("\n") : "";
    values[field("minLabel")] = scale?.minLabel?.[language] ?? "";
    values[field("maxLabel")] = scale?.maxLabel?.[language] ?? "";
    values[field("stimulusCopy")] = copy?.[language] ?? "";
  }
  return values;
}
