import { describe, expect, it } from "vitest";
import { definitionSchema } from "@/lib/instruments/definition";
import { missingTranslations } from "@/lib/instruments/translations";
import { buildPollDefinition } from "@/lib/polls/build-poll-definition";
import { pollContentSchema } from "@/lib/polls/schemas";
import { sessionDefinition } from "./session-definition";

const poll = (id: string, content: Record<string, unknown>) => ({ id, definition: buildPollDefinition(pollContentSchema.parse(content)) });

describe("a session's polls as one instrument", () => {
  it("numbers the questions by poll order, keeps every language and code, and requires nothing", () => {
    const first = poll("a", { kind: "stimulus", defaultLocale: "en", prompt: "Would you buy it?", translations: { ru: "Купили бы?" }, choices: ["Yes", "No"], stimulusCopy: "A jacket that packs into its pocket" });
    const second = poll("b", { kind: "scale", defaultLocale: "en", prompt: "How warm does it look?" });
    second.definition.questions[0] = { ...second.definition.questions[0], code: "WARMTH" };
    const { definition, questionIds } = sessionDefinition("Autumn", "en", [first, second]);

    expect(definition.questions.map((question) => [question.id, question.type, question.required])).toEqual([["p1_concept", "stimulus", false], ["p1", "single", false], ["p2", "scale", false]]);
    expect(definition.questions[1].prompt).toEqual({ en: "Would you buy it?", ru: "Купили бы?" });
    expect(definition.questions[2].code).toBe("WARMTH");
    expect([...questionIds]).toEqual([["a", "p1"], ["b", "p2"]]);
    expect(definitionSchema.safeParse(definition).success).toBe(true);
  });

  it("fills the session's language from a poll written in another, so the instrument can be published", () => {
    const polish = poll("a", { kind: "single", defaultLocale: "pl", prompt: "Który kolor?", choices: ["Zielony", "Szary"] });
    const { definition } = sessionDefinition("Jesień", "en", [polish]);
    expect(definition.questions[0]).toMatchObject({ prompt: { pl: "Który kolor?", en: "Który kolor?" }, choices: [{ label: { pl: "Zielony", en: "Zielony" } }, { label: { pl: "Szary", en: "Szary" } }] });
    expect(missingTranslations(definitionSchema.parse(definition))).toEqual([]);
  });
});
