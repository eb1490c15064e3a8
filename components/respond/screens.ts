import { validateAnswers, type AnswerErrors, type Answers } from "@/lib/instruments/answers";
import type { Definition, Question } from "@/lib/instruments/definition";
import { isAnswerable } from "@/lib/instruments/localize";
import { visibleQuestions } from "@/lib/instruments/display-logic";

/** One question per screen; a stimulus shares its screen with the question after it. */
export function formScreens(definition: Definition, answers: Answers): Question[][] {
  const screens: Question[][] = [];
  let lead: Question[] = [];
  for (const question of visibleQuestions(definition, answers)) {
    if (!isAnswerable(question)) {
      lead.push(question);
      continue;
    }
    screens.push([...lead, question]);
    lead = [];
  }
  if (lead.length > 0) screens.push(lead);
  return screens;
}

/** How many answerable questions the screens up to and including `screen` hold, of all visible ones. */
export function formProgress(screens: Question[][], screen: number) {
  const count = (list: Question[][]) => list.flat().filter(isAnswerable).length;
  return { current: count(screens.slice(0, screen + 1)), total: count(screens) };
}

/** The errors the domain's validation finds on one screen, as if the form were being submitted. */
export function screenErrors(definition: Definition, answers: Answers, screen: Question[]): AnswerErrors {
  const { errors } = validateAnswers(definition, answers, { complete: true });
  return Object.fromEntries(screen.filter((question) => errors[question.id]).map((question) => [question.id, errors[question.id]]));
}

/** The screen holding the first question with an error, in the order the respondent sees them. */
export function firstErrorScreen(screens: Question[][], errors: AnswerErrors): number {
  const index = screens.findIndex((screen) => screen.some((question) => errors[question.id]));
  return index === -1 ? 0 : index;
}
