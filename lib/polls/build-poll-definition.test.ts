import { describe, expect, it } from "vitest";
import { definitionSchema } from "@/lib/instruments/definition";
import { missingTranslations } from "@/lib/instruments/translations";
import { buildPollDefinition } from "./build-poll-definition";
import { createQuickPollSchema, quickPollFromForm, QUICK_POLL_KINDS } from "./schemas";

const form = {
  panelId: "8f0c9a52-3c1e-4f7b-9a51-0c2d6f3e1a10",
  defaultLocale: "pl",
  prompt: "Czy to opakowanie się wyróżnia?",
  "translation.en": "Does this packaging stand out?",
  "translation.ru": "",
  choices: "Tak\n\n Nie \n",
  stimulusCopy: "Nowe opakowanie",
  deadline: "2027-03-01T09:30",
  "quota.0.attribute": "language",
  "quota.0.value": "ru",
  "quota.0.count": "20",
  "quota.1.attribute": "",
  "quota.1.value": "",
  "quota.1.count": "",
};

describe("a quick poll as an instrument", () => {
  it.each(QUICK_POLL_KINDS)("builds a valid, publishable %s definition needing only the default language", (kind) => {
    const input = createQuickPollSchema.parse(quickPollFromForm({ ...form, kind }));
    const definition = definitionSchema.parse(buildPollDefinition(input));
    expect(definition.requiredLocales).toEqual(["pl"]);
    expect(missingTranslations(definition)).toEqual([]);
    expect(definition.questions.at(-1)).toMatchObject({ id: "answer", required: true, prompt: { pl: form.prompt, en: "Does this packaging stand out?" } });
    expect(definition.questions.at(-1)?.prompt.ru).toBeUndefined();
  });

  it("reads the form: trimmed options, a UTC deadline, filled quota rows only", () => {
    const input = createQuickPollSchema.parse(quickPollFromForm({ ...form, kind: "stimulus" }));
    expect(input.choices).toEqual(["Tak", "Nie"]);
    expect(input.deadline).toEqual(new Date("2027-03-01T09:30:00Z"));
    expect(input.quotas).toEqual([{ attribute: "language", value: "ru", count: 20 }]);
    expect(buildPollDefinition(input).questions.map((question) => question.type)).toEqual(["stimulus", "single"]);
  });

  it("refuses a choice poll with one option and a concept with nothing to show", () => {
    const refused = createQuickPollSchema.safeParse(quickPollFromForm({ ...form, kind: "stimulus", choices: "Tak", stimulusCopy: "" }));
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((issue) => issue.message).sort()).toEqual(["choicesTooFew", "stimulusEmpty"]);
  });

  it("translates options, scale labels and the concept copy where given, by position", () => {
    const translated = { ...form, kind: "stimulus", "translation.en.choices": "Yes\nNo", "translation.en.stimulusCopy": "New packaging", "translation.ru.choices": "" };
    const definition = buildPollDefinition(createQuickPollSchema.parse(quickPollFromForm(translated)));
    expect(definition.questions[0]).toMatchObject({ type: "stimulus", copy: { pl: "Nowe opakowanie", en: "New packaging" } });
    expect(definition.questions[1]).toMatchObject({ choices: [{ id: "c1", label: { pl: "Tak", en: "Yes" } }, { id: "c2", label: { pl: "Nie", en: "No" } }] });
    expect(definitionSchema.safeParse(definition).success).toBe(true);

    const scale = buildPollDefinition(createQuickPollSchema.parse(quickPollFromForm({ ...form, kind: "scale", minLabel: "Wcale", maxLabel: "Bardzo", "translation.ru.maxLabel": "Очень" })));
    expect(scale.questions[0]).toMatchObject({ minLabel: { pl: "Wcale" }, maxLabel: { pl: "Bardzo", ru: "Очень" } });
  });

  it("refuses translated options that do not match the originals one to one", () => {
    const refused = createQuickPollSchema.safeParse(quickPollFromForm({ ...form, kind: "single", "translation.en.choices": "Yes\nNo\nMaybe" }));
    expect(refused.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["translation.en.choices", "choiceTranslationsCount"]]);
  });
});
