import type { BankItem } from "@/lib/instruments/item-bank";
import type { Definition, LocalizedText, Question, QuestionType } from "@/lib/instruments/definition";

/** A fresh question id: "q" + random base36, lowercase, valid for the definition schema. */
export function newQuestionId(taken: Iterable<string> = [], random: () => number = Math.random): string {
  const used = new Set(taken);
  for (;;) {
    const id = `q${Math.floor(random() * 36 ** 6).toString(36).padStart(6, "0")}`;
    if (!used.has(id)) return id;
  }
}

/** Choice or row ids only need to be unique within their list. */
export function newChoiceId(taken: Iterable<string>, prefix = "c"): string {
  const used = new Set(taken);
  let n = 1;
  while (used.has(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}

const empty = (): LocalizedText => ({});
const choices = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `c${i + 1}`, label: empty() }));
const labels = (count: number) => Array.from({ length: count }, empty);

/** A blank question of the type, with the smallest valid settings. */
export function blankQuestion(type: QuestionType, id: string): Question {
  const base = { id, prompt: empty(), required: false };
  switch (type) {
    case "likert":
      return { ...base, type, points: 5, labels: labels(5) };
    case "scale":
      return { ...base, type, min: 0, max: 10 };
    case "rating":
      return { ...base, type, max: 5, style: "stars" };
    case "single":
      return { ...base, type, choices: choices(2) };
    case "multiple":
      return { ...base, type, choices: choices(2), allowOther: false };
    case "ranking":
      return { ...base, type, choices: choices(3) };
    case "matrix":
      return { ...base, type, rows: choices(2).map((row, i) => ({ ...row, id: `r${i + 1}` })), points: 5, labels: labels(5) };
    case "text":
      return { ...base, type, multiline: true, maxLength: 1000 };
    case "stimulus":
      return { ...base, type, copy: empty() };
  }
}

/** An item-bank question with a fresh id; its texts are copied so later edits stay local. */
export function questionFromBank(item: BankItem, id: string): Question {
  return structuredClone({ ...item.question, id }) as Question;
}

/** A copy of the question under a new id; conditions about itself follow the copy. */
export function duplicateQuestion(question: Question, id: string): Question {
  const copy = structuredClone(question);
  copy.id = id;
  if (copy.endIf) copy.endIf = { ...copy.endIf, questionId: id };
  return copy;
}

/** Likert or matrix labels resized to the number of points, keeping the texts already written. */
export function resizeLabels(current: LocalizedText[], points: 5 | 7, removed: LocalizedText[] = []): LocalizedText[] {
  return Array.from({ length: points }, (_, i) => current[i] ?? removed[i - current.length] ?? {});
}

/** The list with one item moved from one index to another (the dnd-kit and keyboard reorder). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= list.length || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

/**
 * Conditions that no longer point to an earlier question after a reorder or a deletion are
 * dropped, so the draft stays valid; the caller tells the researcher how many were dropped.
 */
export function pruneConditions(questions: Question[]): { questions: Question[]; dropped: number } {
  const seen = new Set<string>();
  let dropped = 0;
  const next = questions.map((question) => {
    let result = question;
    if (question.showIf && !seen.has(question.showIf.questionId)) {
      result = { ...result, showIf: undefined };
      dropped += 1;
    }
    seen.add(question.id);
    return result;
  });
  return { questions: next, dropped };
}

/** Questions before the given one that a "show only if" condition may refer to. */
export function earlierQuestions(definition: Definition, questionId: string): Question[] {
  const index = definition.questions.findIndex((question) => question.id === questionId);
  return definition.questions.slice(0, Math.max(index, 0)).filter((question) => question.type !== "stimulus");
}
