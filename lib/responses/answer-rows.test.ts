import { describe, expect, it } from "vitest";
import { everyTypeDefinition } from "@/tests/instrument-fixtures";
import { answerRows } from "./answer-rows";

describe("answerRows", () => {
  it("writes one typed row per item, matrix row and chosen option, carrying item codes", () => {
    const rows = answerRows(everyTypeDefinition(), {
      nps: 9,
      csat: 4,
      visit: "buy",
      channels: { choiceIds: ["tv", "web"], other: " Radio " },
      rank: ["staff", "price"],
      grid: { clean: 5, calm: 3 },
      more: "Thanks",
    });
    const summary = rows.map((r) => [r.questionId, r.itemCode, r.subKey, r.numericValue, r.choiceId, r.textValue]);
    expect(summary).toEqual([
      ["nps", "NPS", null, 9, null, null],
      ["csat", "CSAT", null, 4, null, null],
      ["visit", null, null, null, "buy", null],
      ["channels", null, "tv", null, "tv", null],
      ["channels", null, "web", null, "web", null],
      ["channels", null, "other", null, null, "Radio"],
      ["rank", null, "staff", 1, "staff", null],
      ["rank", null, "price", 2, "price", null],
      ["grid", null, "clean", 5, null, null],
      ["grid", null, "calm", 3, null, null],
      ["more", null, null, null, null, "Thanks"],
    ]);
  });

  it("places every scale answer on 0–1 of its own question's scale, so one item asked on two scales stays comparable", () => {
    const rows = answerRows(everyTypeDefinition(), { nps: 9, csat: 4, visit: "buy", rank: ["staff", "price"], grid: { clean: 5, calm: 3 } });
    expect(rows.map((r) => [r.questionId, r.subKey, r.scaledValue])).toEqual([
      ["nps", null, 0.9],
      ["csat", null, 0.75],
      ["visit", null, null],
      ["rank", "staff", null],
      ["rank", "price", null],
      ["grid", "clean", 1],
      ["grid", "calm", 0.5],
    ]);
  });
});
