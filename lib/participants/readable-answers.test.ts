import { describe, expect, it } from "vitest";
import type { Definition } from "@/lib/instruments/definition";
import { readableAnswers } from "./readable-answers";

const labels = [1, 2, 3, 4, 5].map((point) => ({ en: `Point ${point}`, pl: `Punkt ${point}` }));
const definition: Definition = {
  title: { en: "Visit" },
  defaultLocale: "en",
  requiredLocales: ["en"],
  questions: [
    { id: "intro", type: "stimulus", prompt: { en: "Welcome" }, required: false },
    { id: "emp", type: "likert", points: 5, labels, prompt: { en: "Staff cared", pl: "Personel dbał" }, required: true },
    { id: "where", type: "multiple", allowOther: true, choices: [{ id: "shoes", label: { en: "Shoes", pl: "Buty" } }, { id: "bikes", label: { en: "Bikes" } }], prompt: { en: "Where?" }, required: false },
    { id: "grid", type: "matrix", points: 5, labels, rows: [{ id: "clean", label: { en: "Clean", pl: "Czysto" } }], prompt: { en: "The store" }, required: false },
    { id: "comment", type: "text", multiline: true, maxLength: 200, prompt: { en: "Anything else?" }, required: false },
  ],
};

describe("a person's answers, readable", () => {
  it("pairs each answered question's prompt with its answer in the reader's language, falling back to the version's own language", () => {
    const answers = readableAnswers(definition, { emp: 4, where: { choiceIds: ["shoes", "bikes"], other: "Tents" }, grid: { clean: 2 }, comment: "Kind staff" }, "pl", (text) => `Inne: ${text}`);
    expect(answers).toEqual([
      { questionId: "emp", prompt: "Personel dbał", lines: ["4 — Punkt 4"] },
      { questionId: "where", prompt: "Where?", lines: ["Buty", "Bikes", "Inne: Tents"] },
      { questionId: "grid", prompt: "The store", lines: ["Czysto → 2 — Punkt 2"] },
      { questionId: "comment", prompt: "Anything else?", lines: ["Kind staff"] },
    ]);
  });

  it("keeps questions left unanswered, with no lines, and leaves out what only showed something", () => {
    expect(readableAnswers(definition, {}, "en", (text) => text).map((answer) => [answer.questionId, answer.lines])).toEqual([["emp", []], ["where", []], ["grid", []], ["comment", []]]);
  });
});
