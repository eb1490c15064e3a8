import type { Definition, Question } from "./definition";
import { isAnswerable } from "./localize";
import { visibleQuestions } from "./display-logic";

/**
 * An answer per question type: a number (likert, scale, rating), a choice id (single),
 * chosen ids plus "other" text (multiple), ids in rank order (ranking), a number per row
 * (matrix) or text.
 */
export type AnswerValue = number | string | string[] | { choiceIds: string[]; other?: string } | { [rowId: string]: number };
export type Answers = Record<string, AnswerValue>;

/** Per-question catalog keys (namespace "errors"); empty means valid. */
export type AnswerErrors = Record<string, string>;

const isInteger = (value: unknown): value is number => typeof value === "number" && Number.isInteger(value);
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function isEmpty(question: Question, value: AnswerValue | undefined): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  if (question.type === "multiple" && isRecord(value)) return (value.choiceIds as string[]).length === 0 && !(value.other as string | undefined)?.trim();
  if (question.type === "matrix" && isRecord(value)) return Object.keys(value).length === 0;
  return false;
}

/** Checks one answer against its question; returns a catalog key, or null when valid. */
export function answerError(question: Question, value: unknown): string | null {
  switch (question.type) {
    case "likert":
      return isInteger(value) && value >= 1 && value <= question.points ? null : "answerOutOfRange";
    case "scale":
      return isInteger(value) && value >= question.min && value <= question.max ? null : "answerOutOfRange";
    case "rating":
      return isInteger(value) && value >= 1 && value <= question.max ? null : "answerOutOfRange";
    case "single":
      return typeof value === "string" && question.choices.some((choice) => choice.id === value) ? null : "answerUnknownChoice";
    case "multiple": {
      // Only the chosen ids and the "other" text are kept: nothing else may ride along into storage.
      if (!isRecord(value) || !Array.isArray(value.choiceIds) || Object.keys(value).some((key) => key !== "choiceIds" && key !== "other")) return "answerInvalid";
      const ids = value.choiceIds as unknown[];
      if (!ids.every((id) => typeof id === "string" && question.choices.some((choice) => choice.id === id))) return "answerUnknownChoice";
      if (new Set(ids).size !== ids.length) return "answerInvalid";
      if (value.other !== undefined && (!question.allowOther || typeof value.other !== "string" || value.other.length > 500)) return "answerInvalid";
      const count = ids.length + (typeof value.other === "string" && value.other.trim() ? 1 : 0);
      if (question.minSelected !== undefined && count < question.minSelected) return "answerTooFew";
      if (question.maxSelected !== undefined && count > question.maxSelected) return "answerTooMany";
      return null;
    }
    case "ranking": {
      if (!Array.isArray(value) || value.length !== question.choices.length) return "answerRankAll";
      const expected = new Set(question.choices.map((choice) => choice.id));
      return value.every((id) => typeof id === "string" && expected.delete(id)) && expected.size === 0 ? null : "answerUnknownChoice";
    }
    case "matrix": {
      if (!isRecord(value)) return "answerInvalid";
      for (const [rowId, point] of Object.entries(value)) {
        if (!question.rows.some((row) => row.id === rowId)) return "answerUnknownChoice";
        if (!isInteger(point) || point < 1 || point > question.points) return "answerOutOfRange";
      }
      return null;
    }
    case "text":
      if (typeof value !== "string") return "answerInvalid";
      return value.length <= question.maxLength ? null : "answerTooLong";
    case "stimulus":
      return "answerInvalid";
  }
}

/**
 * Validates answers against an instrument version. Answers to unknown questions are refused;
 * with `complete`, every visible required question must be answered (a matrix needs every row).
 * Answers to questions that display logic hides are dropped, never stored.
 */
export function validateAnswers(definition: Definition, answers: unknown, { complete }: { complete: boolean }): { answers: Answers; errors: AnswerErrors } {
  const errors: AnswerErrors = {};
  if (!isRecord(answers)) return { answers: {}, errors: { form: "answerInvalid" } };
  const byId = new Map(definition.questions.map((question) => [question.id, question]));
  const cleaned: Answers = {};
  for (const [questionId, value] of Object.entries(answers)) {
    const question = byId.get(questionId);
    if (!question || !isAnswerable(question)) {
      errors[questionId] = "answerUnknownQuestion";
      continue;
    }
    if (isEmpty(question, value as AnswerValue)) continue;
    const error = answerError(question, value);
    if (error) errors[questionId] = error;
    else cleaned[questionId] = value as AnswerValue;
  }
  const visible = visibleQuestions(definition, cleaned);
  const visibleIds = new Set(visible.map((question) => question.id));
  for (const questionId of Object.keys(cleaned)) if (!visibleIds.has(questionId)) delete cleaned[questionId];
  if (complete) {
    for (const question of visible) {
      if (!question.required || !isAnswerable(question) || errors[question.id]) continue;
      const value = cleaned[question.id];
      if (isEmpty(question, value)) errors[question.id] = "answerRequired";
      else if (question.type === "matrix" && Object.keys(value as object).length !== question.rows.length) errors[question.id] = "answerAllRows";
    }
  }
  return { answers: cleaned, errors };
}
