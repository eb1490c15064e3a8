import type { Answers } from "@/lib/instruments/answers";
import type { Definition, Question } from "@/lib/instruments/definition";
import { localize } from "@/lib/instruments/localize";

export interface ExportColumn {
  key: string;
  header: string;
  /** The cell for one response's answers. */
  cell: (answers: Answers) => string | number | null;
}

function columnsFor(question: Question, definition: Definition): ExportColumn[] {
  const label = localize(question.prompt, definition.defaultLocale, definition.defaultLocale);
  const name = question.code ? `${question.code} ${label}` : label;
  const value = (answers: Answers) => answers[question.id];
  switch (question.type) {
    case "stimulus":
      return [];
    case "matrix":
      return question.rows.map((row) => ({
        key: `${question.id}.${row.id}`,
        header: `${name} — ${localize(row.label, definition.defaultLocale, definition.defaultLocale)}`,
        cell: (answers) => (value(answers) as Record<string, number> | undefined)?.[row.id] ?? null,
      }));
    case "multiple": {
      const columns: ExportColumn[] = [{ key: question.id, header: name, cell: (answers) => (value(answers) as { choiceIds: string[] } | undefined)?.choiceIds.join(";") ?? null }];
      if (question.allowOther) columns.push({ key: `${question.id}.other`, header: `${name} — other`, cell: (answers) => (value(answers) as { other?: string } | undefined)?.other ?? null });
      return columns;
    }
    case "ranking":
      return [{ key: question.id, header: name, cell: (answers) => (value(answers) as string[] | undefined)?.join(">") ?? null }];
    default:
      return [{ key: question.id, header: name, cell: (answers) => (value(answers) as string | number | undefined) ?? null }];
  }
}

/**
 * The answer columns of an export over every version of an instrument: the newest version's
 * questions in its order, then questions that only older versions had. A question keeps one
 * column across versions because its id keeps its meaning (see version-compatibility.ts).
 */
export function exportColumns(definitionsNewestFirst: Definition[]): ExportColumn[] {
  const seen = new Set<string>();
  const columns: ExportColumn[] = [];
  for (const definition of definitionsNewestFirst) {
    for (const question of definition.questions) {
      for (const column of columnsFor(question, definition)) {
        if (seen.has(column.key)) continue;
        seen.add(column.key);
        columns.push(column);
      }
    }
  }
  return columns;
}

export const ATTRIBUTE_COLUMNS = ["region", "language", "ageBand", "tenure", "team", "location"] as const;
