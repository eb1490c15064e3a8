import type { Answers } from "@/lib/instruments/answers";
import type { Definition } from "@/lib/instruments/definition";

export interface AnswerRow {
  questionId: string;
  itemCode: string | null;
  subKey: string | null;
  numericValue: number | null;
  /** A scale answer's place on its question's own scale, 0 (lowest) to 1 (highest): comparable across instruments that ask one item on different scales. */
  scaledValue: number | null;
  choiceId: string | null;
  textValue: string | null;
}

/** Turns validated answers into typed rows: one per item, per matrix row and per chosen option. */
export function answerRows(definition: Definition, answers: Answers): AnswerRow[] {
  const rows: AnswerRow[] = [];
  for (const question of definition.questions) {
    const value = answers[question.id];
    if (value === undefined) continue;
    const row = (fields: Partial<AnswerRow>): AnswerRow => ({ questionId: question.id, itemCode: question.code ?? null, subKey: null, numericValue: null, scaledValue: null, choiceId: null, textValue: null, ...fields });
    const onScale = (value: number, low: number, high: number) => row({ numericValue: value, scaledValue: high > low ? (value - low) / (high - low) : null });
    switch (question.type) {
      case "likert":
        rows.push(onScale(value as number, 1, question.points));
        break;
      case "scale":
        rows.push(onScale(value as number, question.min, question.max));
        break;
      case "rating":
        rows.push(onScale(value as number, 1, question.max));
        break;
      case "single":
        rows.push(row({ choiceId: value as string }));
        break;
      case "multiple": {
        const { choiceIds, other } = value as { choiceIds: string[]; other?: string };
        for (const choiceId of choiceIds) rows.push(row({ subKey: choiceId, choiceId }));
        if (other?.trim()) rows.push(row({ subKey: "other", textValue: other.trim() }));
        break;
      }
      case "ranking":
        (value as string[]).forEach((choiceId, index) => rows.push(row({ subKey: choiceId, choiceId, numericValue: index + 1 })));
        break;
      case "matrix":
        for (const [rowId, point] of Object.entries(value as Record<string, number>)) rows.push({ ...onScale(point, 1, question.points), subKey: rowId });
        break;
      case "text":
        rows.push(row({ textValue: value as string }));
        break;
      case "stimulus":
        break;
    }
  }
  return rows;
}
