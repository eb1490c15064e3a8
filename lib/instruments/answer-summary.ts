import type { AnswerValue } from "@/lib/instruments/answers";
import type { Question } from "@/lib/instruments/definition";
import { localize } from "@/lib/instruments/localize";
import type { Locale } from "@/lib/i18n/locales";

/** An answer as short lines of text for the review screen; empty when unanswered. */
export function answerSummary(question: Question, value: AnswerValue | undefined, locale: Locale, fallback: Locale, otherLabel: string): string[] {
  if (value === undefined) return [];
  const text = (localized: Parameters<typeof localize>[0]) => localize(localized, locale, fallback);
  const choice = (id: string) => ("choices" in question ? text(question.choices.find((item) => item.id === id)?.label) : id);
  switch (question.type) {
    case "likert":
      return [`${value} – ${text(question.labels[(value as number) - 1])}`];
    case "scale":
      return [String(value)];
    case "rating":
      return [`${value} / ${question.max}`];
    case "single":
      return [choice(value as string)];
    case "multiple": {
      const { choiceIds, other } = value as { choiceIds: string[]; other?: string };
      return [...choiceIds.map(choice), ...(other?.trim() ? [`${otherLabel}: ${other.trim()}`] : [])];
    }
    case "ranking":
      return (value as string[]).map((id, index) => `${index + 1}. ${choice(id)}`);
    case "matrix": {
      const points = value as Record<string, number>;
      return question.rows.filter((row) => points[row.id] !== undefined).map((row) => `${text(row.label)} — ${points[row.id]}`);
    }
    case "text":
      return (value as string).trim() ? [(value as string).trim()] : [];
    case "stimulus":
      return [];
  }
}
