import type { Definition, LocalizedText, Question } from "@/lib/instruments/definition";
import type { Locale } from "@/lib/i18n/locales";
import { POLL_QUESTION_ID, STIMULUS_QUESTION_ID } from "@/lib/polls/build-poll-definition";

export interface SessionPoll {
  id: string;
  definition: Definition;
}

/** The question id a poll's answer gets in the session's instrument: p1, p2… in poll order. */
export function sessionQuestionId(ordinal: number, pollQuestionId: string = POLL_QUESTION_ID): string {
  return pollQuestionId === POLL_QUESTION_ID ? `p${ordinal}` : `p${ordinal}_${pollQuestionId}`;
}

/** Texts keep every language; the session's default language is filled from the poll's own where a poll was written in another. */
function withDefault(text: LocalizedText | undefined, locale: Locale, pollLocale: Locale): LocalizedText | undefined {
  if (!text) return text;
  return text[locale] || !text[pollLocale] ? text : { ...text, [locale]: text[pollLocale] };
}

function requalified(question: Question, id: string, locale: Locale, pollLocale: Locale): Question {
  const text = (value: LocalizedText | undefined) => withDefault(value, locale, pollLocale);
  const copy = { ...question, id, required: false, prompt: question.type === "stimulus" ? question.prompt : text(question.prompt)!, help: text(question.help) } as Question;
  if (!copy.help) delete copy.help;
  // A poll's own display rules name its local ids; none of them hold across a whole session.
  delete copy.showIf;
  delete copy.endIf;
  if ("choices" in copy) copy.choices = copy.choices.map((choice) => ({ ...choice, label: text(choice.label)! }));
  if (copy.type === "scale") {
    if (copy.minLabel) copy.minLabel = text(copy.minLabel);
    if (copy.maxLabel) copy.maxLabel = text(copy.maxLabel);
  }
  if (copy.type === "stimulus" && copy.copy) copy.copy = text(copy.copy);
  return copy;
}

/**
 * A finished session as one instrument: every poll's questions in poll order, re-identified so
 * that they cannot collide (the answer of poll 2 is `p2`, its concept `p2_concept`). Nothing is
 * required: a participant may have joined late or skipped a poll.
 */
export function sessionDefinition(title: string, defaultLocale: Locale, polls: SessionPoll[]): { definition: Definition; questionIds: Map<string, string> } {
  const questions: Question[] = [];
  const questionIds = new Map<string, string>();
  polls.forEach((poll, index) => {
    const ordinal = index + 1;
    for (const question of poll.definition.questions) {
      if (question.id !== POLL_QUESTION_ID && question.id !== STIMULUS_QUESTION_ID) continue;
      questions.push(requalified(question, sessionQuestionId(ordinal, question.id), defaultLocale, poll.definition.defaultLocale));
    }
    questionIds.set(poll.id, sessionQuestionId(ordinal));
  });
  return { definition: { title: { [defaultLocale]: title }, defaultLocale, requiredLocales: [defaultLocale], questions }, questionIds };
}
