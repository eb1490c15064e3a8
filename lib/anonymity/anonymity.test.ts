import { describe, expect, it } from "vitest";
import { checkCommentGroup, checkFilteredGroup, parentFilters, type Filters } from "./check-filtered-group";
import { checkPublishedGroup } from "./check-published-group";
import { suppressBreakdown } from "./suppress-breakdown";
import { effectiveThresholds } from "./thresholds";

describe("effective thresholds", () => {
  it("keeps the organization's values when they are safe", () => {
    expect(effectiveThresholds({ minGroupSize: 5, minCommentGroupSize: 10 })).toEqual({ minGroupSize: 5, minCommentGroupSize: 10 });
    expect(effectiveThresholds({ minGroupSize: 7, minCommentGroupSize: 12 })).toEqual({ minGroupSize: 7, minCommentGroupSize: 12 });
  });

  it("never goes below 3", () => {
    expect(effectiveThresholds({ minGroupSize: 1, minCommentGroupSize: 2 })).toEqual({ minGroupSize: 3, minCommentGroupSize: 3 });
    expect(effectiveThresholds({ minGroupSize: 0, minCommentGroupSize: -4 })).toEqual({ minGroupSize: 3, minCommentGroupSize: 3 });
    expect(effectiveThresholds({ minGroupSize: Number.NaN, minCommentGroupSize: 10 })).toEqual({ minGroupSize: 3, minCommentGroupSize: 10 });
  });

  it("never asks fewer answers for comments than for scores", () => {
    expect(effectiveThresholds({ minGroupSize: 8, minCommentGroupSize: 4 })).toEqual({ minGroupSize: 8, minCommentGroupSize: 8 });
  });
});

describe("suppressBreakdown", () => {
  const decisions = (cells: Array<[string, number]>, options: { minGroupSize: number; total?: number }) =>
    Object.fromEntries(suppressBreakdown(cells.map(([key, n]) => ({ key, n })), options).map((d) => [d.key, d.suppressed ? d.reason : d.n]));

  it("shows every cell at or above the minimum", () => {
    expect(decisions([["a", 5], ["b", 9], ["c", 12]], { minGroupSize: 5 })).toEqual({ a: 5, b: 9, c: 12 });
  });

  it("withholds the next smallest cell when exactly one is under the minimum", () => {
    expect(decisions([["a", 3], ["b", 6], ["c", 9], ["d", 20]], { minGroupSize: 5 })).toEqual({ a: "too_few_responses", b: "complementary", c: 9, d: 20 });
  });

  it("needs no complement when the withheld cells together reach the minimum", () => {
    expect(decisions([["a", 2], ["b", 4], ["c", 9]], { minGroupSize: 5 })).toEqual({ a: "too_few_responses", b: "too_few_responses", c: 9 });
  });

  it("keeps adding complements until the withheld answers reach the minimum", () => {
    expect(decisions([["a", 1], ["b", 1], ["c", 5], ["d", 30]], { minGroupSize: 5 })).toEqual({ a: "too_few_responses", b: "too_few_responses", c: "complementary", d: 30 });
  });

  it("breaks a tie between equally small cells by key, so the result never changes between requests", () => {
    expect(decisions([["z", 7], ["y", 7], ["a", 2]], { minGroupSize: 5 })).toEqual({ a: "too_few_responses", y: "complementary", z: 7 });
  });

  it("counts answers outside every cell as hidden: a small remainder forces a suppression", () => {
    // total 25, cells 10 + 12: three answers with no team would be 25 − 22
    expect(decisions([["a", 10], ["b", 12]], { minGroupSize: 5, total: 25 })).toEqual({ a: "complementary", b: 12 });
    // a remainder at the minimum already protects a single small cell
    expect(decisions([["a", 2], ["b", 12]], { minGroupSize: 5, total: 19 })).toEqual({ a: "too_few_responses", b: 12 });
  });

  it("withholds everything when no cell can protect another", () => {
    expect(decisions([["a", 4], ["b", 6]], { minGroupSize: 5 })).toEqual({ a: "too_few_responses", b: "complementary" });
  });

  it("leaves empty cells alone: they hold nobody to protect", () => {
    expect(decisions([["a", 0], ["b", 6], ["c", 8]], { minGroupSize: 5 })).toEqual({ a: "too_few_responses", b: 6, c: 8 });
  });

  it("keeps a reason decided before, e.g. by the differencing check", () => {
    const result = suppressBreakdown([{ key: "a", n: 9, reason: "derivable_by_difference" }, { key: "b", n: 9 }, { key: "c", n: 9 }], { minGroupSize: 5 });
    expect(result).toEqual([{ key: "a", suppressed: true, reason: "derivable_by_difference" }, { key: "b", n: 9, suppressed: false }, { key: "c", n: 9, suppressed: false }]);
  });

  it("never puts a withheld cell's size in its result", () => {
    const [small] = suppressBreakdown([{ key: "a", n: 2 }, { key: "b", n: 40 }, { key: "c", n: 40 }], { minGroupSize: 5 });
    expect(small).toEqual({ key: "a", suppressed: true, reason: "too_few_responses" });
    expect(small).not.toHaveProperty("n");
  });
});

describe("checkFilteredGroup", () => {
  it("lists the groups one filter wider", () => {
    expect(parentFilters({ team: "A", location: "X" })).toEqual([{ location: "X" }, { team: "A" }]);
    expect(parentFilters({ team: "A" })).toEqual([{}]);
    expect(parentFilters({ team: "A", location: undefined })).toEqual([{}]);
    expect(parentFilters({})).toEqual([]);
  });

  it("refuses a group under the minimum", () => {
    expect(checkFilteredGroup({ n: 4, parentSizes: [40] }, 5)).toEqual({ isAllowed: false, reason: "too_few_responses" });
  });

  it("allows a group when every wider group adds nobody or at least the minimum", () => {
    expect(checkFilteredGroup({ n: 5, parentSizes: [10, 30] }, 5)).toEqual({ isAllowed: true });
    expect(checkFilteredGroup({ n: 8, parentSizes: [8, 13] }, 5)).toEqual({ isAllowed: true });
  });

  it("refuses a group a wider one singles out by subtraction", () => {
    // team A in Warsaw has 8; all of Warsaw has 10: Warsaw minus (A in Warsaw) would describe 2 people
    expect(checkFilteredGroup({ n: 8, parentSizes: [10, 30] }, 5)).toEqual({ isAllowed: false, reason: "derivable_by_difference" });
    expect(checkFilteredGroup({ n: 8, parentSizes: [30, 12] }, 5)).toEqual({ isAllowed: false, reason: "derivable_by_difference" });
  });

  it("needs the comment minimum, and the differencing rule, for comments", () => {
    expect(checkCommentGroup({ n: 9, parentSizes: [40] }, 10)).toEqual({ isAllowed: false, reason: "too_few_for_comments" });
    expect(checkCommentGroup({ n: 12, parentSizes: [20] }, 10)).toEqual({ isAllowed: false, reason: "derivable_by_difference" });
    expect(checkCommentGroup({ n: 12, parentSizes: [22] }, 10)).toEqual({ isAllowed: true });
  });
});

describe("checkPublishedGroup", () => {
  // Answers by team and location: A/X 12, B/X 3, C/Y 9, A/Y 6.
  const rows = [...Array(12).fill({ team: "A", location: "X" }), ...Array(3).fill({ team: "B", location: "X" }), ...Array(9).fill({ team: "C", location: "Y" }), ...Array(6).fill({ team: "A", location: "Y" })] as Array<Record<string, string>>;
  const matching = (filters: Filters) => rows.filter((row) => Object.entries(filters).every(([key, value]) => value === undefined || row[key] === value));
  const sizes = { count: (filters: Filters) => matching(filters).length, values: (dimension: string, within: Filters) => [...new Set(matching(within).map((row) => row[dimension]))] };

  it("shows a group that is large enough and no breakdown needs to hide", () => {
    expect(checkPublishedGroup(sizes, {}, 5)).toEqual({ isAllowed: true });
    expect(checkPublishedGroup(sizes, { team: "A" }, 5)).toEqual({ isAllowed: true });
  });

  it("hides a filtered group its breakdown withholds as a complement, so the filter cannot undo the complement", () => {
    // Teams: A 18, B 3, C 9. B is too small, so C (the next smallest) is hidden in the team table: filtering to C must hide it too.
    expect(checkFilteredGroup({ n: 9, parentSizes: [30] }, 5)).toEqual({ isAllowed: true });
    expect(checkPublishedGroup(sizes, { team: "C" }, 5)).toEqual({ isAllowed: false, reason: "complementary" });
    expect(checkPublishedGroup(sizes, { team: "B" }, 5)).toEqual({ isAllowed: false, reason: "too_few_responses" });
  });

  it("checks every dimension of a combined filter", () => {
    // A in Y: 6 answers; A has 18 and Y has 15, so neither subtraction leaves fewer than 5. But inside Y
    // the teams are C 9 and A 6: fine. Inside A the locations are X 12 and Y 6: fine.
    expect(checkPublishedGroup(sizes, { team: "A", location: "Y" }, 5)).toEqual({ isAllowed: true });
    // B in X: 3 answers.
    expect(checkPublishedGroup(sizes, { team: "B", location: "X" }, 5)).toEqual({ isAllowed: false, reason: "too_few_responses" });
    // A in X: 12 of X's 15, leaving B's 3 to subtraction.
    expect(checkPublishedGroup(sizes, { team: "A", location: "X" }, 5)).toEqual({ isAllowed: false, reason: "derivable_by_difference" });
  });

  it("uses the comment rule when asked", () => {
    expect(checkPublishedGroup(sizes, { team: "A" }, 10, checkCommentGroup)).toEqual({ isAllowed: true });
    expect(checkPublishedGroup(sizes, { location: "Y" }, 20, checkCommentGroup)).toEqual({ isAllowed: false, reason: "too_few_for_comments" });
  });
});
