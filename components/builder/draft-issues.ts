import { definitionSchema, type Definition } from "@/lib/instruments/definition";

/** Catalog keys per question id, from the definition schema's issues. */
export function draftIssues(definition: Definition): { byQuestion: Record<string, string[]>; general: string[] } {
  const parsed = definitionSchema.safeParse(definition);
  const byQuestion: Record<string, string[]> = {};
  const general: string[] = [];
  if (parsed.success) return { byQuestion, general };
  for (const issue of parsed.error.issues) {
    const key = /^[a-z][A-Za-z]+$/.test(issue.message) ? issue.message : "invalid";
    const question = issue.path[0] === "questions" ? definition.questions[Number(issue.path[1])] : undefined;
    if (question) byQuestion[question.id] = [...new Set([...(byQuestion[question.id] ?? []), key])];
    else general.push(key);
  }
  return { byQuestion, general: [...new Set(general)] };
}
