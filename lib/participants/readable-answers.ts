import { answerText } from "@/components/responses/answer-text";
import type { Answers } from "@/lib/instruments/answers";
import type { Definition } from "@/lib/instruments/definition";
import { isAnswerable, localize } from "@/lib/instruments/localize";
import type { Locale } from "@/lib/i18n/locales";
import type { MyAnswer } from "./my-data-types";

/**
 * A response's answers as the person gave them, each with its question's prompt, read with the
 * version they answered and in the reader's language (the version's default language when a text
 * has no translation). Questions they never reached are kept, with no lines.
 */
export function readableAnswers(definition: Definition, answers: Answers, locale: Locale, otherLabel: (text: string) => string): MyAnswer[] {
  return definition.questions.filter(isAnswerable).map((question) => ({
    questionId: question.id,
    prompt: localize(question.prompt, locale, definition.defaultLocale),
    lines: answerText(question, answers[question.id], locale, definition.defaultLocale, otherLabel),
  }));
}
