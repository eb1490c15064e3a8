import type { Locale } from "@/lib/i18n/locales";
import type { Definition, LocalizedText } from "./definition";

export interface MissingTranslation {
  /** Where the text is: "title", "questions.2.prompt", "questions.2.choices.1.label"… */
  path: string;
  questionId?: string;
  locale: Locale;
}

/** Every text of the instrument, with its path; optional texts count only when some language has them. */
function texts(definition: Definition): Array<{ path: string; text: LocalizedText; questionId?: string; optional?: boolean }> {
  const list: Array<{ path: string; text: LocalizedText; questionId?: string; optional?: boolean }> = [{ path: "title", text: definition.title }];
  if (definition.intro) list.push({ path: "intro", text: definition.intro, optional: true });
  definition.questions.forEach((question, index) => {
    const at = (suffix: string) => `questions.${index}.${suffix}`;
    const questionId = question.id;
    if (question.type !== "stimulus") list.push({ path: at("prompt"), text: question.prompt, questionId });
    else list.push({ path: at("prompt"), text: question.prompt, questionId, optional: true });
    if (question.help) list.push({ path: at("help"), text: question.help, questionId, optional: true });
    if (question.type === "likert" || question.type === "matrix") question.labels.forEach((label, i) => list.push({ path: at(`labels.${i}`), text: label, questionId }));
    if (question.type === "matrix") question.rows.forEach((row, i) => list.push({ path: at(`rows.${i}.label`), text: row.label, questionId }));
    if (question.type === "scale") {
      if (question.minLabel) list.push({ path: at("minLabel"), text: question.minLabel, questionId, optional: true });
      if (question.maxLabel) list.push({ path: at("maxLabel"), text: question.maxLabel, questionId, optional: true });
    }
    if ("choices" in question) question.choices.forEach((choice, i) => list.push({ path: at(`choices.${i}.label`), text: choice.label, questionId }));
    if (question.type === "stimulus" && question.copy) list.push({ path: at("copy"), text: question.copy, questionId, optional: true });
    if (question.type === "stimulus" && question.imageAlt) list.push({ path: at("imageAlt"), text: question.imageAlt, questionId, optional: true });
  });
  return list;
}

/** The texts still missing in the languages that must be complete before publishing. */
export function missingTranslations(definition: Definition, locales: readonly Locale[] = definition.requiredLocales): MissingTranslation[] {
  const missing: MissingTranslation[] = [];
  for (const { path, text, questionId, optional } of texts(definition)) {
    const hasAny = Object.values(text).some((value) => value && value.trim() !== "");
    if (optional && !hasAny) continue;
    for (const locale of locales) if (!text[locale]?.trim()) missing.push({ path, questionId, locale });
  }
  return missing;
}
