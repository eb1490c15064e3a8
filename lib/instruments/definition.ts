import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";

/**
 * The shape of an instrument: shared by the builder, the server's validation and the
 * respondent form. Catalog keys (namespace "errors") are the messages of every refinement.
 */
export const QUESTION_TYPES = ["likert", "scale", "rating", "single", "multiple", "ranking", "matrix", "text", "stimulus"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

const MAX_TEXT = 2000;
export const localizedTextSchema = z.object({
  en: z.string().trim().max(MAX_TEXT, { message: "textTooLong" }).optional(),
  pl: z.string().trim().max(MAX_TEXT, { message: "textTooLong" }).optional(),
  ru: z.string().trim().max(MAX_TEXT, { message: "textTooLong" }).optional(),
}).meta({ id: "LocalizedText", description: "A text per language (en, pl, ru); the required languages must all be filled before publishing." });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

const idSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, { message: "idInvalid" });
/** Stable item code shared across instruments, e.g. NPS or SERVQUAL_EMP_1; KPIs are defined over it. */
export const itemCodeSchema = z.string().regex(/^[A-Z][A-Z0-9_]{1,39}$/, { message: "itemCodeInvalid" });

export const choiceSchema = z.object({ id: idSchema, label: localizedTextSchema }).meta({ id: "Choice" });
export type Choice = z.infer<typeof choiceSchema>;

export const CONDITION_OPERATORS = ["equals", "notEquals", "atLeast", "atMost", "includes", "answered"] as const;
export const conditionSchema = z.object({
  questionId: idSchema,
  operator: z.enum(CONDITION_OPERATORS),
  value: z.union([z.string().max(40), z.number()]).optional(),
}).meta({ id: "Condition", description: "Compares an earlier answer: a choice id or a number; answered needs no value." });
export type Condition = z.infer<typeof conditionSchema>;

const base = {
  id: idSchema,
  code: itemCodeSchema.optional(),
  prompt: localizedTextSchema,
  help: localizedTextSchema.optional(),
  required: z.boolean().default(false),
  /** Show the question only when an earlier answer meets the condition. */
  showIf: conditionSchema.optional(),
  /** After this question, end the form when its answer meets the condition. */
  endIf: conditionSchema.optional(),
};

const likertPoints = z.union([z.literal(5), z.literal(7)]);

export const questionSchema = z.discriminatedUnion("type", [
  z.object({ ...base, type: z.literal("likert"), points: likertPoints, labels: z.array(localizedTextSchema).min(5).max(7) }).meta({ id: "LikertQuestion" }),
  z.object({ ...base, type: z.literal("scale"), min: z.literal(0), max: z.literal(10), minLabel: localizedTextSchema.optional(), maxLabel: localizedTextSchema.optional() }).meta({ id: "ScaleQuestion" }),
  z.object({ ...base, type: z.literal("rating"), max: z.union([z.literal(5), z.literal(10)]), style: z.enum(["stars", "numbers"]) }).meta({ id: "RatingQuestion" }),
  z.object({ ...base, type: z.literal("single"), choices: z.array(choiceSchema).min(2).max(30) }).meta({ id: "SingleChoiceQuestion" }),
  z.object({
    ...base,
    type: z.literal("multiple"),
    choices: z.array(choiceSchema).min(2).max(30),
    allowOther: z.boolean().default(false),
    minSelected: z.number().int().min(0).max(30).optional(),
    maxSelected: z.number().int().min(1).max(30).optional(),
  }).meta({ id: "MultipleChoiceQuestion" }),
  z.object({ ...base, type: z.literal("ranking"), choices: z.array(choiceSchema).min(2).max(12) }).meta({ id: "RankingQuestion" }),
  z.object({ ...base, type: z.literal("matrix"), rows: z.array(choiceSchema).min(1).max(20), points: likertPoints, labels: z.array(localizedTextSchema).min(5).max(7) }).meta({ id: "MatrixQuestion" }),
  z.object({ ...base, type: z.literal("text"), multiline: z.boolean().default(true), maxLength: z.number().int().min(1).max(5000).default(1000) }).meta({ id: "TextQuestion" }),
  z.object({ ...base, type: z.literal("stimulus"), imageUrl: z.string().regex(/^\/api\/assets\/[0-9a-f-]{36}$/, { message: "imageInvalid" }).optional(), imageAlt: localizedTextSchema.optional().meta({ description: "What the image shows, read by screen readers; without it, the concept text stands in." }), copy: localizedTextSchema.optional() }).meta({ id: "StimulusQuestion" }),
])
  .meta({ id: "Question", description: "One item of the form, by type. Every question has an id (stable across versions: answers are keyed by it) and may carry an item code that KPIs are defined over." });
export type Question = z.infer<typeof questionSchema>;
export type QuestionOf<T extends QuestionType> = Extract<Question, { type: T }>;

export const definitionSchema = z
  .object({
    title: localizedTextSchema,
    intro: localizedTextSchema.optional(),
    defaultLocale: z.enum(LOCALES),
    /** Languages that must be complete before publishing; the others fall back to the default. */
    requiredLocales: z.array(z.enum(LOCALES)).min(1),
    questions: z.array(questionSchema).max(200),
  })
  .superRefine((definition, ctx) => {
    const seen = new Set<string>();
    definition.questions.forEach((question, index) => {
      if (seen.has(question.id)) ctx.addIssue({ code: "custom", path: ["questions", index, "id"], message: "idDuplicate" });
      for (const key of ["showIf", "endIf"] as const) {
        const condition = question[key];
        if (!condition) continue;
        const target = key === "endIf" ? question.id : condition.questionId;
        const isEarlier = key === "endIf" ? condition.questionId === question.id : seen.has(target);
        if (!isEarlier) ctx.addIssue({ code: "custom", path: ["questions", index, key], message: "conditionTargetInvalid" });
      }
      seen.add(question.id);
      if ((question.type === "likert" || question.type === "matrix") && question.labels.length !== question.points) {
        ctx.addIssue({ code: "custom", path: ["questions", index, "labels"], message: "labelsCountInvalid" });
      }
      if ("choices" in question) {
        const ids = new Set(question.choices.map((choice) => choice.id));
        if (ids.size !== question.choices.length) ctx.addIssue({ code: "custom", path: ["questions", index, "choices"], message: "idDuplicate" });
      }
      if (question.type === "multiple" && question.minSelected !== undefined && question.maxSelected !== undefined && question.minSelected > question.maxSelected) {
        ctx.addIssue({ code: "custom", path: ["questions", index, "maxSelected"], message: "rangeInvalid" });
      }
    });
    if (!definition.requiredLocales.includes(definition.defaultLocale)) {
      ctx.addIssue({ code: "custom", path: ["requiredLocales"], message: "defaultLocaleRequired" });
    }
  })
  .meta({ id: "Definition", description: "An instrument's form, as the builder edits it and every version freezes it." });
export type Definition = z.infer<typeof definitionSchema>;

export { isAnswerable, localize } from "./localize";
