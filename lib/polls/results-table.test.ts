import { describe, expect, it } from "vitest";
import type { PollResults } from "./poll-results";
import { resultsTable } from "./results-table";

const options = [
  { key: "c1", label: "Mornings", n: 6, percent: 75 },
  { key: "c2", label: "Evenings", n: 2, percent: 25 },
];

describe("the aggregate as a file", () => {
  it("lists every option overall, then each shown group, and a withheld group with no numbers", () => {
    const results = {
      options,
      mean: null,
      split: "region",
      groups: [
        { value: "north", suppressed: false, n: 6, mean: null, options: [{ ...options[0], n: 6, percent: 100 }, { ...options[1], n: 0, percent: 0 }] },
        { value: "south", suppressed: true, reason: "too_few_responses" },
      ],
    } as unknown as PollResults;
    expect(resultsTable(results, "withheld")).toEqual([
      ["", "", "Mornings", 6, 75],
      ["", "", "Evenings", 2, 25],
      ["region", "north", "Mornings", 6, 100],
      ["region", "north", "Evenings", 0, 0],
      ["region", "south", "withheld", "", ""],
    ]);
  });
});
