import { franc } from "franc-min";
import analyzePolish from "sentiment-polish";
import analyzeMultilingual from "multilang-sentiment";
import winkNLP from "wink-nlp";
import englishModel from "wink-eng-lite-web-model";

/*
 * Machine reading of one text, all on this server (no text leaves it): the language it is in,
 * a sentiment and, for English, key phrases. What comes out is a suggestion for a researcher,
 * never a finding.
 */

export type Sentiment = "positive" | "neutral" | "negative";

export interface TextAnalysis {
  /** ISO 639-1 for the languages Attune speaks (en, pl, ru), ISO 639-3 for others, null when too short or unclear. */
  language: string | null;
  /** Null where no sentiment model exists for the language. */
  sentiment: { label: Sentiment; score: number } | null;
  keyPhrases: string[];
}

/** The languages franc may answer with: Attune's three and the neighbours most often mistaken for them. */
const CANDIDATE_LANGUAGES = ["eng", "pol", "rus", "ukr", "bel", "deu", "fra", "spa", "ita", "por", "nld", "ces", "slk"];
const ISO_639_1: Record<string, string> = { eng: "en", pol: "pl", rus: "ru", ukr: "uk", bel: "be", deu: "de", fra: "fr", spa: "es", ita: "it", por: "pt", nld: "nl", ces: "cs", slk: "sk" };
/** Below this many letters a language guess is noise. */
const MIN_LETTERS_FOR_LANGUAGE = 12;
/** Scores within this distance of zero read as neutral. */
const NEUTRAL_BAND = 0.05;
const MAX_KEY_PHRASES = 5;

let english: ReturnType<typeof loadEnglish> | undefined;

function loadEnglish() {
  const nlp = winkNLP(englishModel);
  nlp.learnCustomEntities([{ name: "phrase", patterns: ["[ADJ] [NOUN|PROPN]", "[NOUN|PROPN] [NOUN]", "[ADJ] [NOUN] [NOUN]", "[NOUN] [ADP] [NOUN]"] }]);
  return { nlp, its: nlp.its };
}

export function detectLanguage(text: string): string | null {
  const letters = text.replace(/[^\p{L}]/gu, "").length;
  if (letters < MIN_LETTERS_FOR_LANGUAGE) return null;
  const code = franc(text, { only: CANDIDATE_LANGUAGES, minLength: MIN_LETTERS_FOR_LANGUAGE });
  return code === "und" ? null : (ISO_639_1[code] ?? code);
}

function labelOf(score: number): Sentiment {
  if (score > NEUTRAL_BAND) return "positive";
  if (score < -NEUTRAL_BAND) return "negative";
  return "neutral";
}

/** AFINN words score −5…5; a text's comparative score is their sum per token, brought to −1…1. */
function fromLexicon(comparative: number): number {
  return Math.max(-1, Math.min(1, comparative / 2));
}

export function analyzeText(text: string): TextAnalysis {
  const language = detectLanguage(text);
  if (language === "en" || (language === null && /^[\p{Script=Latin}\p{N}\p{P}\s]+$/u.test(text))) {
    english ??= loadEnglish();
    const doc = english.nlp.readDoc(text);
    const score = doc.out(english.its.sentiment) as number;
    const phrases = (doc.customEntities().out() as string[]).map((phrase) => phrase.toLowerCase());
    return { language, sentiment: { label: labelOf(score), score }, keyPhrases: [...new Set(phrases)].slice(0, MAX_KEY_PHRASES) };
  }
  if (language === "pl") {
    const score = fromLexicon(analyzePolish(text).comparative);
    return { language, sentiment: { label: labelOf(score), score }, keyPhrases: [] };
  }
  if (language === "ru") {
    const score = fromLexicon(analyzeMultilingual(text, "ru").comparative);
    return { language, sentiment: { label: labelOf(score), score }, keyPhrases: [] };
  }
  return { language, sentiment: null, keyPhrases: [] };
}
