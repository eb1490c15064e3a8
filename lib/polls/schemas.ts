import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";

export const QUICK_POLL_KINDS = ["single", "multiple", "scale", "text", "stimulus"] as const;
export type QuickPollKind = (typeof QUICK_POLL_KINDS)[number];

export const QUICK_POLL_JOB = { close: "quick-poll.close", checkQuotas: "quick-poll.check-quotas" } as const;

/** The attributes a split or a quota may name: profile keys such as region, language, ageBand. */
export const attributeKeySchema = z.string().trim().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, { message: "attributeInvalid" });

export const quotaSchema = z.object({
  attribute: attributeKeySchema,
  value: z.string().trim().min(1, { message: "required" }).max(80, { message: "textTooLong" }),
  count: z.coerce.number().int().min(1, { message: "quotaCountInvalid" }).max(100_000, { message: "quotaCountInvalid" }),
});

const optionalText = z.string().trim().max(2000, { message: "textTooLong" }).optional().transform((value) => value || undefined);

const optionLines = z.array(z.string().trim().max(200, { message: "textTooLong" })).max(30, { message: "tooManyChoices" }).default([]);
/** A poll's options and labels in one more language; what is left empty falls back to the default language. */
const pollDetailTranslationSchema = z.object({ choices: optionLines, minLabel: optionalText, maxLabel: optionalText, stimulusCopy: optionalText }).prefault({});
export type PollDetailTranslation = z.output<typeof pollDetailTranslationSchema>;

/** What a poll asks, shared by quick polls and live-session polls. */
export const pollContentSchema = z.object({
  kind: z.enum(QUICK_POLL_KINDS, { message: "pollKindInvalid" }),
  defaultLocale: z.enum(LOCALES, { message: "localeInvalid" }),
  prompt: z.string().trim().min(3, { message: "promptTooShort" }).max(500, { message: "textTooLong" }),
  /** Optional translations of the prompt; a missing one falls back to the default language. */
  translations: z.object({ en: optionalText, pl: optionalText, ru: optionalText }).prefault({}),
  /** One option per line for single and multiple choice, and for a stimulus reaction. */
  choices: z.array(z.string().trim().min(1).max(200, { message: "textTooLong" })).max(30, { message: "tooManyChoices" }).default([]),
  minLabel: optionalText,
  maxLabel: optionalText,
  stimulusImageUrl: z.string().regex(/^\/api\/assets\/[0-9a-f-]{36}$/, { message: "imageInvalid" }).optional().or(z.literal("").transform(() => undefined)),
  stimulusCopy: optionalText,
  /** The options (in the same order), scale labels and concept copy in the other languages. */
  detailTranslations: z.object({ en: pollDetailTranslationSchema, pl: pollDetailTranslationSchema, ru: pollDetailTranslationSchema }).prefault({}),
});
export type PollContent = z.output<typeof pollContentSchema>;

/** Choices where the kind needs them, and something to react to for a concept stimulus. */
export function checkPollContent(input: PollContent, ctx: z.RefinementCtx) {
  const needsChoices = input.kind === "single" || input.kind === "multiple" || input.kind === "stimulus";
  if (needsChoices && input.choices.length < 2) ctx.addIssue({ code: "custom", path: ["choices"], message: "choicesTooFew" });
  if (input.kind === "stimulus" && !input.stimulusImageUrl && !input.stimulusCopy) ctx.addIssue({ code: "custom", path: ["stimulusCopy"], message: "stimulusEmpty" });
  if (!needsChoices) return;
  for (const locale of LOCALES) {
    const translated = input.detailTranslations[locale].choices;
    // Translated options are matched to the originals by position, so the counts must agree.
    if (locale !== input.defaultLocale && translated.some(Boolean) && translated.length !== input.choices.length) {
      ctx.addIssue({ code: "custom", path: [`translation.${locale}.choices`], message: "choiceTranslationsCount" });
    }
  }
}

export const createQuickPollSchema = pollContentSchema
  .extend({
    panelId: z.uuid({ message: "notFound" }),
    sampleId: z.union([z.uuid({ message: "notFound" }), z.literal("")]).optional().transform((value) => value || undefined),
    deadline: z.coerce.date({ message: "deadlineInvalid" }),
    quotas: z.array(quotaSchema).max(20).default([]),
  })
  .superRefine(checkPollContent);
export type CreateQuickPollInput = z.input<typeof createQuickPollSchema>;
export type ParsedQuickPoll = z.output<typeof createQuickPollSchema>;

export const pollIdSchema = z.object({ pollId: z.uuid({ message: "notFound" }) });
export const splitQuerySchema = z.object({ split: attributeKeySchema.optional() });

/** A datetime-local value ("2027-03-01T09:00") names a UTC time, as the form says. */
function utcDeadline(value: string | undefined): string | undefined {
  return value && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00Z` : value;
}

const lines = (text: string | undefined) => (text ?? "").split("\n").map((line) => line.trim()).filter(Boolean);

/** A poll form's flat string values as poll content: options one per line, translations gathered (quick and live polls). */
export function pollContentFromForm(values: Record<string, string>): z.input<typeof pollContentSchema> {
  return {
    kind: values.kind as QuickPollKind,
    defaultLocale: values.defaultLocale as z.input<typeof pollContentSchema>["defaultLocale"],
    prompt: values.prompt ?? "",
    translations: { en: values["translation.en"], pl: values["translation.pl"], ru: values["translation.ru"] },
    choices: lines(values.choices),
    minLabel: values.minLabel,
    maxLabel: values.maxLabel,
    stimulusImageUrl: values.stimulusImageUrl ?? "",
    stimulusCopy: values.stimulusCopy,
    detailTranslations: Object.fromEntries(
      LOCALES.map((locale) => [
        locale,
        {
          choices: lines(values[`translation.${locale}.choices`]),
          minLabel: values[`translation.${locale}.minLabel`],
          maxLabel: values[`translation.${locale}.maxLabel`],
          stimulusCopy: values[`translation.${locale}.stimulusCopy`],
        },
      ]),
    ) as z.input<typeof pollContentSchema>["detailTranslations"],
  };
}

/** The new-poll form's flat string values as the input of createQuickPoll: lines, rows and translations gathered. */
export function quickPollFromForm(values: Record<string, string>): CreateQuickPollInput {
  const quotas: Array<{ attribute: string; value: string; count: string }> = [];
  for (let index = 0; index < 20; index++) {
    const [attribute, value, count] = ["attribute", "value", "count"].map((field) => values[`quota.${index}.${field}`]?.trim() ?? "");
    if (attribute || value || count) quotas.push({ attribute, value, count });
  }
  return {
    ...pollContentFromForm(values),
    panelId: values.panelId ?? "",
    sampleId: values.sampleId ?? "",
    deadline: utcDeadline(values.deadline) ?? "",
    quotas: quotas as unknown as CreateQuickPollInput["quotas"],
  };
}
