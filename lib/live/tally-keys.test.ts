import { describe, expect, it } from "vitest";
import { answerBuckets, tallyKeys } from "./tally-keys";

describe("live poll tallies", () => {
  it("counts the respondent and each chosen option, and only the respondent for open text", () => {
    expect(answerBuckets("single", "c2")).toEqual(["_all", "c2"]);
    expect(answerBuckets("multiple", { choiceIds: ["c1", "c3"] })).toEqual(["_all", "c1", "c3"]);
    expect(answerBuckets("scale", 0)).toEqual(["_all", "0"]);
    expect(answerBuckets("text", "c1")).toEqual(["_all"]);
  });

  it("adds every bucket overall and under each attribute value, in one lock order", () => {
    const keys = tallyKeys("single", "c1", { region: "north", language: "pl", ageBand: "" });
    expect(keys).toEqual([
      { attribute: "", value: "", bucket: "_all" },
      { attribute: "", value: "", bucket: "c1" },
      { attribute: "language", value: "pl", bucket: "_all" },
      { attribute: "language", value: "pl", bucket: "c1" },
      { attribute: "region", value: "north", bucket: "_all" },
      { attribute: "region", value: "north", bucket: "c1" },
    ]);
  });
});
