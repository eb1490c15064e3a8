import { describe, expect, it } from "vitest";
import { everyTypeDefinition } from "@/tests/instrument-fixtures";
import { validateAnswers } from "./answers";
import { visibleQuestions } from "./display-logic";

const complete = { nps: 9, csat: 4, visit: "buy", grid: { clean: 5, calm: 3 } };

describe("validateAnswers", () => {
  const definition = everyTypeDefinition();

  it("accepts a complete, valid set of answers of every type", () => {
    const answers = { ...complete, stars: 5, channels: { choiceIds: ["tv"], other: "Radio" }, rank: ["staff", "price"], more: "Thanks" };
    expect(validateAnswers(definition, answers, { complete: true })).toEqual({ answers, errors: {} });
  });

  it("names every invalid answer with a catalog key", () => {
    const { errors } = validateAnswers(
      definition,
      { nps: 11, csat: 2.5, stars: 0, visit: "steal", channels: { choiceIds: ["tv", "web"], other: "x" }, rank: ["price"], grid: { dirty: 1 }, more: "x".repeat(51), ghost: 1 },
      { complete: false },
    );
    expect(errors).toEqual({
      nps: "answerOutOfRange",
      csat: "answerOutOfRange",
      stars: "answerOutOfRange",
      visit: "answerUnknownChoice",
      channels: "answerTooMany",
      rank: "answerRankAll",
      grid: "answerUnknownChoice",
      more: "answerTooLong",
      ghost: "answerUnknownQuestion",
    });
  });

  it("refuses anything but chosen ids and the other text in a multiple-choice answer, so nothing else is stored", () => {
    const nested = JSON.parse(`${"[".repeat(5000)}${"]".repeat(5000)}`) as unknown;
    for (const extra of [{ note: "<b>unvalidated</b>" }, { nested }]) {
      expect(validateAnswers(definition, { channels: { choiceIds: ["tv"], ...extra } }, { complete: false })).toEqual({ answers: {}, errors: { channels: "answerInvalid" } });
    }
  });

  it("requires visible required questions only when completing, and every matrix row", () => {
    expect(validateAnswers(definition, { nps: 3 }, { complete: false }).errors).toEqual({});
    expect(validateAnswers(definition, { nps: 3, grid: { clean: 2 } }, { complete: true }).errors).toEqual({ csat: "answerRequired", visit: "answerRequired", grid: "answerAllRows" });
  });

  it("asks the follow-up only when its condition holds, and drops hidden answers", () => {
    expect(validateAnswers(definition, { ...complete, visit: "return" }, { complete: true }).errors).toEqual({ why_return: "answerRequired" });
    const { answers } = validateAnswers(definition, { ...complete, why_return: "It broke" }, { complete: true });
    expect(answers).not.toHaveProperty("why_return");
  });

  it("refuses input that is not an answer map", () => {
    expect(validateAnswers(definition, ["nps", 9], { complete: true }).errors).toEqual({ form: "answerInvalid" });
    expect(validateAnswers(definition, { stim: "seen" }, { complete: false }).errors).toEqual({ stim: "answerUnknownQuestion" });
  });
});

describe("visibleQuestions", () => {
  it("ends the form after a question whose end condition is met", () => {
    const definition = everyTypeDefinition();
    definition.questions[1] = { ...definition.questions[1], endIf: { questionId: "nps", operator: "atMost", value: 6 } } as typeof definition.questions[1];
    expect(visibleQuestions(definition, { nps: 3 }).map((q) => q.id)).toEqual(["stim", "nps"]);
    expect(visibleQuestions(definition, { nps: 9 }).map((q) => q.id)).toContain("grid");
  });
});
