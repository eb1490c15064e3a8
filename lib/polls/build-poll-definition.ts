import type { Definition, LocalizedText, Question } from "@/lib/instruments/definition";
import { LOCALES } from "@/lib/i18n/locales";
import type { PollContent, PollDetailTranslation } from "./schemas";

/** The question ids of a quick poll: the one answered question, and the concept shown before it. */
export const POLL_QUESTION_ID = "answer";
export const STIMULUS_QUESTION_ID = "concept";

/**
 * A poll (quick or live) as a one-question instrument. Only the default language is required;
 * translated prompts, options and labels are used where given, the rest falls back to the default language.
 */
export function buildPollDefinition(input: PollContent): Definition {
  const { defaultLocale } = input;
  const others = LOCALES.filter((locale) => locale !== defaultLocale);
  /** A text in the default language plus whichever translations were given. */
  const localized = (text: string | undefined, translated: (detail: PollDetailTranslation) => string | undefined): LocalizedText | undefined => {
    if (!text) return undefined;
    const result: LocalizedText = { [defaultLocale]: text };
    for (const locale of others) {
      const translation = translated(input.detailTranslations[locale]);
      if (translation) result[locale] = translation;
    }
    return result;
  };
  const prompt: LocalizedText = { ...input.translations, [defaultLocale]: input.prompt };
  const choices = input.choices.map((label, index) => ({ id: `c${index + 1}`, label: localized(label, (detail) => detail.choices[index])! }));
  const base = { id: POLL_QUESTION_ID, prompt, required: true } as const;
  const questions: Question[] = [];
  if (input.kind === "stimulus") {
    questions.push({ id: STIMULUS_QUESTION_ID, type: "stimulus", prompt: {}, required: false, imageUrl: input.stimulusImageUrl, copy: localized(input.stimulusCopy, (detail) => detail.stimulusCopy) });
  }
  if (input.kind === "single" || input.kind === "stimulus") questions.push({ ...base, type: "single", choices });
  if (input.kind === "multiple") questions.push({ ...base, type: "multiple", choices, allowOther: false });
  if (input.kind === "scale") {
    questions.push({ ...base, type: "scale", min: 0, max: 10, minLabel: localized(input.minLabel, (detail) => detail.minLabel), maxLabel: localized(input.maxLabel, (detail) => detail.maxLabel) });
  }
  if (input.kind === "text") questions.push({ ...base, type: "text", multiline: false, maxLength: 500 });
  return { title: prompt, defaultLocale, requiredLocales: [defaultLocale], questions };
}
