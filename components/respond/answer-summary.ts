import type { AnswerValue } from "@/lib/instruments/answers";
import { localize, type Question } from "@/lib/instruments/definition";
import type { Locale } from "@/lib/i18n/locales";

/** An answer as short text for the review screen; null when unanswered. */
export function answerSummary(question: Question, value: AnswerValue | undefined, locale: Locale, fallback: Locale, otherLabel: string): string | null {
  if (value === undefined) return null;
  const text = (localized: Parameters<typeof localize>[0]) => localize(localized, locale, fallback);
  const choice = (id: string) => ("choices" in question ? text(question.choices.find((item) => item.id === id)?.label) : id);
  switch (question.type) {
    case "likert":
      return `${value} – ${text(question.labels[(value as number) - 1])}`;
    case "scale":
      return String(value);
    case "rating":
      return `${value} / ${question.max}`;
    case "single":
      return choice(value as string);
    case "multiple": {
      const { choiceIds, other } = value as { choiceIds: string[]; other?: string };
      const parts = choiceIds.map(choice);
      if (other?.trim()) parts.push(`${otherLabel}: ${other.trim()}`);
      return parts.length > 0 ? parts.join(", ") : null;
    }
    case "ranking":
      return (value as string[]).map((id, index) => `${index + 1}. ${choice(id)}`).join("  ");
    case "matrix": {
      const points = value as Record<string, number>;
      const parts = question.rows.filter((row) => points[row.id] !== undefined).map((row) => `${text(row.label)}: ${points[row.id]}`);
      return parts.length > 0 ? parts.join("; ") : null;
    }
    case "text":
      return (value as string).trim() || null;
    case "stimulus":
      return null;
  }
}
