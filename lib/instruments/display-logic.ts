import type { Answers, AnswerValue } from "./answers";
import type { Condition, Definition, Question } from "./definition";

/** Whether an answer meets a condition; an unanswered question meets none but "answered" negated. */
export function meetsCondition(condition: Condition, answer: AnswerValue | undefined): boolean {
  if (condition.operator === "answered") return answer !== undefined;
  if (answer === undefined) return false;
  const { operator, value } = condition;
  if (typeof answer === "number") {
    const target = Number(value);
    if (operator === "equals") return answer === target;
    if (operator === "notEquals") return answer !== target;
    if (operator === "atLeast") return answer >= target;
    if (operator === "atMost") return answer <= target;
    return false;
  }
  if (typeof answer === "string") {
    if (operator === "equals") return answer === String(value);
    if (operator === "notEquals") return answer !== String(value);
    if (operator === "includes") return answer.toLowerCase().includes(String(value).toLowerCase());
    return false;
  }
  if (Array.isArray(answer)) {
    if (operator === "includes") return answer.includes(String(value));
    return false;
  }
  const chosen = (answer as { choiceIds?: unknown }).choiceIds;
  if (Array.isArray(chosen)) {
    if (operator === "includes" || operator === "equals") return chosen.includes(String(value));
    if (operator === "notEquals") return !chosen.includes(String(value));
  }
  return false;
}

/**
 * The questions a respondent sees, in order, given their answers so far: hidden ones are skipped,
 * and the form ends after a question whose end condition is met.
 */
export function visibleQuestions(definition: Definition, answers: Answers): Question[] {
  const shown: Question[] = [];
  for (const question of definition.questions) {
    if (question.showIf && !meetsCondition(question.showIf, answers[question.showIf.questionId])) continue;
    shown.push(question);
    if (question.endIf && meetsCondition(question.endIf, answers[question.id])) break;
  }
  return shown;
}
