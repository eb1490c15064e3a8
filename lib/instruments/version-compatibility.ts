import type { Definition, Question } from "./definition";

/** What an answer to the question means: its type, item code and scale. Labels may change; this may not. */
export function meaningOf(question: Question): string {
  const scale =
    question.type === "likert" || question.type === "matrix" ? `points=${question.points}` : question.type === "scale" ? `range=${question.min}-${question.max}` : question.type === "rating" ? `max=${question.max}` : "";
  return [question.type, question.code ?? "", scale].join("|");
}

/**
 * Questions of the new definition that reuse an id from an earlier version with another meaning.
 * Publishing them would silently reinterpret collected answers, so they must get a new id instead.
 */
export function incompatibleQuestions(next: Definition, earlier: Definition[]): string[] {
  const meaningById = new Map<string, string>();
  for (const definition of earlier) for (const question of definition.questions) meaningById.set(question.id, meaningOf(question));
  return next.questions.filter((question) => meaningById.has(question.id) && meaningById.get(question.id) !== meaningOf(question)).map((question) => question.id);
}
