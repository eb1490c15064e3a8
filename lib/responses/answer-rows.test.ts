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
});
