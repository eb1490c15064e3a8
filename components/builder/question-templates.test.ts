import { describe, expect, it } from "vitest";
import { definitionSchema, QUESTION_TYPES, type Definition } from "@/lib/instruments/definition";
import { bankItem } from "@/lib/instruments/item-bank";
import { blankQuestion, duplicateQuestion, earlierQuestions, moveItem, newChoiceId, newQuestionId, pruneConditions, questionFromBank, resizeLabels } from "./question-templates";

const definitionWith = (questions: Definition["questions"]): Definition => ({ title: { en: "T" }, defaultLocale: "en", requiredLocales: ["en"], questions });

describe("question templates", () => {
  it("makes a valid blank question of every type", () => {
    const questions = QUESTION_TYPES.map((type, i) => blankQuestion(type, `q${i}`));
    expect(definitionSchema.safeParse(definitionWith(questions)).success).toBe(true);
  });

  it("gives fresh lowercase ids that avoid the ones taken", () => {
    const values = [0.5, 0.5, 0.25];
    const id = newQuestionId([newQuestionId([], () => 0.5)], () => values.shift() ?? 0.1);
    expect(id).toMatch(/^q[0-9a-z]{6}$/);
    expect(id).not.toBe(newQuestionId([], () => 0.5));
    expect(newChoiceId(["c1", "c2"])).toBe("c3");
    expect(newChoiceId(["c1", "c3"])).toBe("c2");
    expect(newChoiceId(["r1"], "r")).toBe("r2");
  });

  it("inserts item-bank questions with their code and a copy of their texts", () => {
    const nps = bankItem("NPS")!;
    const question = questionFromBank(nps, "qabc");
    expect(question).toMatchObject({ id: "qabc", code: "NPS", type: "scale" });
    question.prompt.en = "changed";
    expect(nps.question.prompt.en).not.toBe("changed");
  });

  it("duplicates a question under a new id, with its end condition following the copy", () => {
    const original = { ...blankQuestion("rating", "qa"), endIf: { questionId: "qa", operator: "atMost" as const, value: 2 } };
    const copy = duplicateQuestion(original, "qb");
    expect(copy.id).toBe("qb");
    expect(copy.endIf?.questionId).toBe("qb");
    expect(original.endIf.questionId).toBe("qa");
  });

  it("moves items and ignores moves out of range", () => {
    expect(moveItem(["a", "b", "c"], 0, 2)).toEqual(["b", "c", "a"]);
    expect(moveItem(["a", "b", "c"], 2, 1)).toEqual(["a", "c", "b"]);
    expect(moveItem(["a", "b"], 1, 2)).toEqual(["a", "b"]);
  });

  it("drops conditions that no longer point to an earlier question", () => {
    const first = blankQuestion("scale", "qa");
    const second = { ...blankQuestion("text", "qb"), showIf: { questionId: "qa", operator: "atLeast" as const, value: 9 } };
    expect(pruneConditions([first, second]).dropped).toBe(0);
    const { questions, dropped } = pruneConditions([second, first]);
    expect(dropped).toBe(1);
    expect(questions[0].showIf).toBeUndefined();
    expect(earlierQuestions(definitionWith([first, second]), "qb").map((q) => q.id)).toEqual(["qa"]);
  });

  it("resizes scale labels keeping the texts written", () => {
    expect(resizeLabels([{ en: "a" }, { en: "b" }, {}, {}, {}], 7)).toHaveLength(7);
    expect(resizeLabels(Array.from({ length: 7 }, (_, i) => ({ en: String(i) })), 5)[4]).toEqual({ en: "4" });
    // Points taken away and added again get their labels back.
    expect(resizeLabels([{ en: "1" }, {}, {}, {}, { en: "5" }], 7, [{ en: "6", pl: "6" }, { en: "7" }]).slice(4)).toEqual([{ en: "5" }, { en: "6", pl: "6" }, { en: "7" }]);
  });
});
