import type { AnswerValue } from "@/lib/instruments/answers";
import type { Question } from "@/lib/instruments/definition";
import { localize } from "@/lib/instruments/localize";
import type { Locale } from "@/lib/i18n/locales";

/** A readable rendering of one answer with the labels of the version it answered. */
export function answerText(question: Question, value: AnswerValue | undefined, locale: Locale, fallback: Locale, otherLabel: (text: string) => string): string[] {
  if (value === undefined) return [];
  const label = (choices: Array<{ id: string; label: Parameters<typeof localize>[0] }>, id: string) => localize(choices.find((choice) => choice.id === id)?.label, locale, fallback) || id;
  switch (question.type) {
    case "likert":
      return [`${value} — ${localize(question.labels[(value as number) - 1], locale, fallback)}`];
    case "scale":
      return [`${value} / ${question.max}`];
    case "rating":
      return [`${value} / ${question.max}`];
    case "single":
      return [label(question.choices, value as string)];
    case "multiple": {
      const { choiceIds, other } = value as { choiceIds: string[]; other?: string };
      return [...choiceIds.map((id) => label(question.choices, id)), ...(other ? [otherLabel(other)] : [])];
    }
    case "ranking":
      return (value as string[]).map((id, index) => `${index + 1}. ${label(question.choices, id)}`);
    case "matrix":
      return question.rows.filter((row) => (value as Record<string, number>)[row.id] !== undefined).map((row) => {
        const point = (value as Record<string, number>)[row.id];
        return `${localize(row.label, locale, fallback)} → ${point} — ${localize(question.labels[point - 1], locale, fallback)}`;
      });
    case "text":
      return [value as string];
    case "stimulus":
      return [];
  }
}
