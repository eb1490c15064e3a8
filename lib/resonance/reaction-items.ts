import { LOCALES } from "@/lib/i18n/locales";
import type { Definition, LocalizedText, Question } from "@/lib/instruments/definition";

/** The standard reaction items asked after every concept; the item codes feed the Campaign Resonance KPI. */
export const REACTION_ITEMS = [
  { key: "appeal", code: "RES_APPEAL", prompt: { en: "This idea appeals to me.", pl: "Ten pomysł mi się podoba.", ru: "Эта идея мне нравится." } },
  { key: "relevance", code: "RES_RELEVANCE", prompt: { en: "This is relevant to my life.", pl: "To ma znaczenie w moim życiu.", ru: "Это имеет отношение к моей жизни." } },
  { key: "trust", code: "RES_TRUST", prompt: { en: "I believe what it says.", pl: "Wierzę w to, co mówi.", ru: "Я верю тому, что здесь сказано." } },
  { key: "respectful", code: "RES_RESPECTFUL", prompt: { en: "It feels respectful to people like me, not creepy.", pl: "Jest pełen szacunku wobec osób takich jak ja, nie jest niepokojący.", ru: "Это уважительно по отношению к таким, как я, и не вызывает неприязни." } },
  { key: "intent", code: "RES_INTENT", prompt: { en: "I would consider buying from this campaign.", pl: "Rozważył(a)bym zakup dzięki tej kampanii.", ru: "Я бы задумался о покупке после этой кампании." } },
] as const satisfies ReadonlyArray<{ key: string; code: string; prompt: LocalizedText }>;
export type ReactionKey = (typeof REACTION_ITEMS)[number]["key"];
export const REACTION_POINTS = 5;

const AGREE_5: LocalizedText[] = [
  { en: "Strongly disagree", pl: "Zdecydowanie się nie zgadzam", ru: "Полностью не согласен" },
  { en: "Disagree", pl: "Nie zgadzam się", ru: "Не согласен" },
  { en: "Neither agree nor disagree", pl: "Ani się zgadzam, ani nie zgadzam", ru: "Ни согласен, ни не согласен" },
  { en: "Agree", pl: "Zgadzam się", ru: "Согласен" },
  { en: "Strongly agree", pl: "Zdecydowanie się zgadzam", ru: "Полностью согласен" },
];
const OPEN_REACTION: LocalizedText = { en: "In your own words: what is your reaction?", pl: "Własnymi słowami: jaka jest Twoja reakcja?", ru: "Своими словами: какова ваша реакция?" };
// Respondents see neither the campaign's internal name nor that it is a test.
const TITLE: LocalizedText = { en: "Your view on our new ideas", pl: "Twoje zdanie o naszych nowych pomysłach", ru: "Ваше мнение о наших новых идеях" };
const INTRO: LocalizedText = {
  en: "We will show you a few ideas, one at a time. Tell us honestly how each one lands with you: there are no right answers.",
  pl: "Pokażemy Ci kilka pomysłów, jeden po drugim. Powiedz szczerze, jak każdy z nich na Ciebie działa: nie ma dobrych ani złych odpowiedzi.",
  ru: "Мы покажем вам несколько идей, по одной. Честно скажите, как каждая из них на вас действует: правильных ответов нет.",
};
const CONCEPT_PROMPT: LocalizedText = { en: "Please look at this idea", pl: "Prosimy, przyjrzyj się temu pomysłowi", ru: "Пожалуйста, посмотрите на эту идею" };

export interface ConceptToTest {
  prefix: string;
  copy: LocalizedText;
  imageUrl?: string;
}

export const reactionQuestionId = (prefix: string, key: ReactionKey | "open" | "concept") => `${prefix}_${key}`;

/** Concept prefixes in the instrument: k1, k2, … in the order the concepts are shown. */
export const conceptPrefix = (index: number) => `k${index + 1}`;

/**
 * A resonance test as an instrument: for each concept, the concept itself, the five reaction items
 * on a five-point agreement scale (required) and an optional open reaction.
 */
export function buildResonanceDefinition(concepts: readonly ConceptToTest[]): Definition {
  // The default language is one every concept is written in, so no concept falls back to nothing.
  const shared = LOCALES.filter((locale) => concepts.every((concept) => concept.copy[locale]));
  const defaultLocale = shared.includes("en") ? "en" : (shared[0] ?? "en");
  const questions: Question[] = concepts.flatMap((concept): Question[] => [
    { id: reactionQuestionId(concept.prefix, "concept"), type: "stimulus", prompt: CONCEPT_PROMPT, required: false, copy: concept.copy, ...(concept.imageUrl ? { imageUrl: concept.imageUrl } : {}) },
    ...REACTION_ITEMS.map((item): Question => ({ id: reactionQuestionId(concept.prefix, item.key), code: item.code, type: "likert", points: REACTION_POINTS, labels: AGREE_5, prompt: item.prompt, required: true })),
    { id: reactionQuestionId(concept.prefix, "open"), type: "text", multiline: true, maxLength: 1000, prompt: OPEN_REACTION, required: false },
  ]);
  return { title: TITLE, intro: INTRO, defaultLocale, requiredLocales: [defaultLocale], questions };
}
