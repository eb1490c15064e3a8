import type { Definition, LocalizedText, Question } from "@/lib/instruments/definition";
import type { PollContent } from "./schemas";

/** The question ids of a quick poll: the one answered question, and the concept shown before it. */
export const POLL_QUESTION_ID = "answer";
export const STIMULUS_QUESTION_ID = "concept";

/**
 * A poll (quick or live) as a one-question instrument. Only the default language is required; a translated
 * prompt is used where given and the rest falls back to the default language.
 */
export function buildPollDefinition(input: PollContent): Definition {
  const { defaultLocale } = input;
  const inDefault = (text: string | undefined): LocalizedText | undefined => (text ? { [defaultLocale]: text } : undefined);
  const prompt: LocalizedText = { ...input.translations, [defaultLocale]: input.prompt };
  const choices = input.choices.map((label, index) => ({ id: `c${index + 1}`, label: { [defaultLocale]: label } }));
  const base = { id: POLL_QUESTION_ID, prompt, required: true } as const;
  const questions: Question[] = [];
  if (input.kind === "stimulus") {
    questions.push({ id: STIMULUS_QUESTION_ID, type: "stimulus", prompt: {}, required: false, imageUrl: input.stimulusImageUrl, copy: inDefault(input.stimulusCopy) });
  }
  if (input.kind === "single" || input.kind === "stimulus") questions.push({ ...base, type: "single", choices });
  if (input.kind === "multiple") questions.push({ ...base, type: "multiple", choices, allowOther: false });
  if (input.kind === "scale") questions.push({ ...base, type: "scale", min: 0, max: 10, minLabel: inDefault(input.minLabel), maxLabel: inDefault(input.maxLabel) });
  if (input.kind === "text") questions.push({ ...base, type: "text", multiline: false, maxLength: 500 });
  return { title: prompt, defaultLocale, requiredLocales: [defaultLocale], questions };
}
