import { describe, expect, it } from "vitest";
import { everyTypeDefinition } from "@/tests/instrument-fixtures";
import { definitionSchema, localize } from "./definition";
import { ITEM_BANK } from "./item-bank";
import { missingTranslations } from "./translations";
import { incompatibleQuestions } from "./version-compatibility";

describe("definitionSchema", () => {
  it("accepts every question type", () => {
    expect(definitionSchema.safeParse(everyTypeDefinition()).success).toBe(true);
  });

  it("refuses duplicate ids, conditions on later questions and mismatched label counts", () => {
    const definition = everyTypeDefinition();
    definition.questions[2] = { ...definition.questions[2], id: "nps" };
    definition.questions[1] = { ...definition.questions[1], showIf: { questionId: "grid", operator: "answered" } };
    const csat = definition.questions.find((q) => q.id === "grid")!;
    if (csat.type === "matrix") csat.labels = csat.labels.slice(0, 4).concat(csat.labels.slice(0, 3));
    const result = definitionSchema.safeParse(definition);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.message).sort()).toEqual(["conditionTargetInvalid", "idDuplicate", "labelsCountInvalid"]);
  });
});

describe("item bank", () => {
  it("has the standard items with stable codes, valid and translated into every language", () => {
    expect(ITEM_BANK.map((item) => item.code)).toEqual(["NPS", "CSAT", "CES", "ENPS", "SERVQUAL_EMP_1", "SERVQUAL_EMP_2", "SERVQUAL_EMP_3", "SERVQUAL_EMP_4", "SERVQUAL_EMP_5"]);
    const definition = { title: { en: "t", pl: "t", ru: "t" }, defaultLocale: "en" as const, requiredLocales: ["en" as const, "pl" as const, "ru" as const], questions: ITEM_BANK.map((item, i) => ({ ...item.question, id: `q${i}` })) };
    const parsed = definitionSchema.parse(definition);
    expect(missingTranslations(parsed)).toEqual([]);
  });
});

describe("missingTranslations and localize", () => {
  it("lists texts missing in required languages, and falls back to the default language elsewhere", () => {
    const definition = everyTypeDefinition();
    definition.questions[2] = { ...definition.questions[2], prompt: { en: "How satisfied are you?" } };
    expect(missingTranslations(definition)).toEqual([
      { path: "questions.2.prompt", questionId: "csat", locale: "pl" },
      { path: "questions.2.prompt", questionId: "csat", locale: "ru" },
    ]);
    expect(missingTranslations({ ...definition, requiredLocales: ["en"] })).toEqual([]);
    expect(localize(definition.questions[2].prompt, "ru", "en")).toBe("How satisfied are you?");
  });

  it("asks for an image description in every required language once one language has it", () => {
    const definition = everyTypeDefinition();
    const stimulus = { id: "concept", type: "stimulus" as const, required: false, prompt: { en: "A new store", pl: "Nowy sklep" }, imageUrl: "/api/assets/00000000-0000-4000-8000-000000000000" };
    expect(missingTranslations({ ...definition, requiredLocales: ["en", "pl"], questions: [stimulus] })).toEqual([]);
    expect(missingTranslations({ ...definition, requiredLocales: ["en", "pl"], questions: [{ ...stimulus, imageAlt: { en: "A quiet aisle" } }] })).toEqual([{ path: "questions.0.imageAlt", questionId: "concept", locale: "pl" }]);
  });
});

describe("incompatibleQuestions", () => {
  it("allows new labels and options but not a changed type, scale or item code for an existing id", () => {
    const v1 = everyTypeDefinition();
    const relabelled = everyTypeDefinition();
    relabelled.questions[2] = { ...relabelled.questions[2], prompt: { en: "Overall satisfaction", pl: "x", ru: "y" } };
    expect(incompatibleQuestions(relabelled, [v1])).toEqual([]);

    const rescaled = everyTypeDefinition();
    const csat = rescaled.questions[2];
    if (csat.type === "likert") rescaled.questions[2] = { ...csat, points: 7, labels: [...csat.labels, csat.labels[0], csat.labels[0]] };
    rescaled.questions[1] = { ...rescaled.questions[1], code: "ENPS" };
    expect(incompatibleQuestions(rescaled, [v1])).toEqual(["nps", "csat"]);
  });
});
