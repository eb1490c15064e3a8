// Pure helpers the live pages run in the browser: they read a poll's definition without its zod schemas.
import type { Definition, Question } from "@/lib/instruments/definition";
import { localize } from "@/lib/instruments/localize";
import type { Locale } from "@/lib/i18n/locales";
import { POLL_QUESTION_ID, STIMULUS_QUESTION_ID } from "@/lib/polls/build-poll-definition";
import type { LiveResults } from "./events";
import { sharePercent } from "@/lib/statistics/share";

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

export interface PollFormValues {
  kind: string;
  defaultLocale: string;
  prompt: string;
  translations: Partial<Record<Locale, string>>;
  choices: string;
  minLabel: string;
  maxLabel: string;
  stimulusImageUrl: string;
  stimulusCopy: string;
}

/** A prepared poll back as the values of the console's form, so editing starts from what was saved. */
export function pollFormValues(kind: string, definition: Definition): PollFormValues {
  const locale = definition.defaultLocale as Locale;
  const question = pollQuestion(definition);
  const concept = definition.questions.find((candidate) => candidate.id === STIMULUS_QUESTION_ID);
  const prompt = question?.prompt ?? {};
  const translations: Partial<Record<Locale, string>> = {};
  for (const [key, text] of Object.entries(prompt)) if (key !== locale && text) translations[key as Locale] = text;
  const choices = question && (question.type === "single" || question.type === "multiple") ? question.choices.map((choice) => choice.label[locale] ?? "").join("\n") : "";
  return {
    kind,
    defaultLocale: locale,
    prompt: prompt[locale] ?? "",
    translations,
    choices,
    minLabel: question?.type === "scale" ? question.minLabel?.[locale] ?? "" : "",
    maxLabel: question?.type === "scale" ? question.maxLabel?.[locale] ?? "" : "",
    stimulusImageUrl: concept?.type === "stimulus" ? concept.imageUrl ?? "" : "",
    stimulusCopy: concept?.type === "stimulus" ? concept.copy?.[locale] ?? "" : "",
  };
}
