import { describe, expect, it } from "vitest";
import type { Definition, Question } from "@/lib/instruments/definition";
import { firstErrorScreen, formProgress, formScreens, screenErrors } from "./screens";

const prompt = { en: "?" };
const definition: Definition = {
  title: { en: "Form" },
  defaultLocale: "en",
  requiredLocales: ["en"],
  questions: [
    { id: "concept", type: "stimulus", prompt, required: false },
    { id: "likes", type: "single", prompt, required: true, choices: [{ id: "yes", label: prompt }, { id: "no", label: prompt }] },
    { id: "why", type: "text", prompt, required: true, multiline: true, maxLength: 100, showIf: { questionId: "likes", operator: "equals", value: "no" } },
    { id: "nps", type: "scale", prompt, required: false, min: 0, max: 10 },
  ],
};
const ids = (screens: Question[][]) => screens.map((screen) => screen.map((question) => question.id));

describe("form screens", () => {
  it("puts a stimulus on the screen of the question after it, and follows display logic", () => {
    expect(ids(formScreens(definition, {}))).toEqual([["concept", "likes"], ["nps"]]);
    expect(ids(formScreens(definition, { likes: "no" }))).toEqual([["concept", "likes"], ["why"], ["nps"]]);
  });

  it("counts progress over visible answerable questions", () => {
    const screens = formScreens(definition, { likes: "no" });
    expect(formProgress(screens, 0)).toEqual({ current: 1, total: 3 });
    expect(formProgress(screens, 2)).toEqual({ current: 3, total: 3 });
  });

  it("checks one screen with the domain's rules and finds the first screen at fault", () => {
    const screens = formScreens(definition, { likes: "no" });
    expect(screenErrors(definition, { likes: "no" }, screens[0])).toEqual({});
    expect(screenErrors(definition, { likes: "no" }, screens[1])).toEqual({ why: "answerRequired" });
    expect(screenErrors(definition, { likes: "no", nps: 11 }, screens[2])).toEqual({ nps: "answerOutOfRange" });
    expect(firstErrorScreen(screens, { nps: "answerOutOfRange", why: "answerRequired" })).toBe(1);
  });
});
