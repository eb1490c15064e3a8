import { describe, expect, it } from "vitest";
import type { Definition, QuestionOf } from "@/lib/instruments/definition";
import { draftIssues } from "./draft-issues";
import { blankQuestion } from "./question-templates";

const draft = (overrides: Partial<Definition>): Definition => ({ title: { en: "T" }, defaultLocale: "en", requiredLocales: ["en"], questions: [], ...overrides });

describe("draft issues", () => {
  it("finds none in a valid draft", () => {
    expect(draftIssues(draft({ questions: [blankQuestion("single", "qa")] }))).toEqual({ byQuestion: {}, general: [] });
  });

  it("puts each catalog key on the question it concerns", () => {
    const later = blankQuestion("text", "qb");
    const first = { ...blankQuestion("scale", "qa"), code: "nps", showIf: { questionId: "qb", operator: "answered" as const } };
    const { byQuestion, general } = draftIssues(draft({ questions: [first, later] }));
    expect(byQuestion.qa).toEqual(expect.arrayContaining(["itemCodeInvalid", "conditionTargetInvalid"]));
    expect(byQuestion.qb).toBeUndefined();
    expect(general).toEqual([]);
  });

  it("reports draft-wide problems apart, and zod's own messages as 'invalid'", () => {
    const { general, byQuestion } = draftIssues(draft({ requiredLocales: ["pl"], questions: [{ ...(blankQuestion("text", "qa") as QuestionOf<"text">), maxLength: 0 }] }));
    expect(general).toEqual(["defaultLocaleRequired"]);
    expect(byQuestion.qa).toEqual(["invalid"]);
  });
});
