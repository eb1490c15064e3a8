import { describe, expect, it } from "vitest";
import { buildPollDefinition } from "@/lib/polls/build-poll-definition";
import { pollContentFromForm, pollContentSchema } from "@/lib/polls/schemas";
import type { LiveResults } from "./events";
import { pollFormValues, pollPrompt, resultRows, splitAttributes } from "./poll-view";

const single = buildPollDefinition(pollContentSchema.parse({ kind: "single", defaultLocale: "en", prompt: "Which hours?", translations: { ru: "Какие часы?" }, choices: ["Mornings", "Evenings"] }));
const scale = buildPollDefinition(pollContentSchema.parse({ kind: "scale", defaultLocale: "pl", prompt: "Jak bardzo?", minLabel: "Wcale", maxLabel: "Bardzo" }));

describe("live poll views", () => {
  it("labels every choice in the reader's language with shares of respondents, unanswered ones at zero", () => {
    expect(resultRows(single, { c2: 3 }, 4, "pl")).toEqual([
      { bucket: "c1", label: "Mornings", count: 0, percent: 0 },
      { bucket: "c2", label: "Evenings", count: 3, percent: 75 },
    ]);
    expect(pollPrompt(single, "ru")).toBe("Какие часы?");
    expect(pollPrompt(single, "pl")).toBe("Which hours?");
  });

  it("lists every point of a scale and nothing for open text", () => {
    const rows = resultRows(scale, { "10": 1, "7": 2 }, 3, "en");
    expect(rows.map((row) => row.bucket)).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
    expect(rows[7]).toEqual({ bucket: "7", label: "7", count: 2, percent: 66.7 });
    const text = buildPollDefinition(pollContentSchema.parse({ kind: "text", defaultLocale: "en", prompt: "Why?" }));
    expect(resultRows(text, {}, 0, "en")).toEqual([]);
  });

  it("orders split attributes built-in first, then custom ones by name", () => {
    const splits = { zone: [], tenure: [], language: [], budget: [] } as unknown as LiveResults["splits"];
    expect(splitAttributes({ splits } as LiveResults)).toEqual(["language", "tenure", "budget", "zone"]);
    expect(splitAttributes(undefined)).toEqual([]);
  });

  it("turns a saved poll back into the form's values, translations included, and those rebuild the same definition", () => {
    const values = pollFormValues("scale", scale);
    expect(values).toMatchObject({ kind: "scale", defaultLocale: "pl", prompt: "Jak bardzo?", minLabel: "Wcale", maxLabel: "Bardzo" });
    const concept = buildPollDefinition(
      pollContentSchema.parse({ kind: "stimulus", defaultLocale: "en", prompt: "React", stimulusCopy: "Open late", choices: ["Yes", "No"], translations: { pl: "Zareaguj" }, detailTranslations: { pl: { choices: ["Tak", "Nie"], stimulusCopy: "Otwarte dłużej" } } }),
    );
    const form = pollFormValues("stimulus", concept);
    expect(form).toMatchObject({ choices: "Yes\nNo", stimulusCopy: "Open late", "translation.pl": "Zareaguj", "translation.pl.choices": "Tak\nNie", "translation.pl.stimulusCopy": "Otwarte dłużej", "translation.ru.choices": "" });
    expect(buildPollDefinition(pollContentSchema.parse(pollContentFromForm(form)))).toEqual(concept);
  });
});
