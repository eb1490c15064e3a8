import { describe, expect, it } from "vitest";
import { allocateEvenly, drawSample, seededShuffle, type SampleCandidate } from "./draw-sample";

const people = (count: number, attributes: Record<string, string>, prefix: string): SampleCandidate[] =>
  Array.from({ length: count }, (_, index) => ({ userId: `${prefix}-${String(index).padStart(2, "0")}`, attributes }));

describe("allocateEvenly", () => {
  it("splits evenly with the remainder going to the larger strata", () => {
    expect(allocateEvenly([10, 10, 10], 12)).toEqual([4, 4, 4]);
    expect(allocateEvenly([5, 9, 7], 10)).toEqual([3, 4, 3]);
  });

  it("gives a scarce stratum's spare places to the others", () => {
    expect(allocateEvenly([1, 10, 10], 12)).toEqual([1, 6, 5]);
    expect(allocateEvenly([0, 2, 10], 9)).toEqual([0, 2, 7]);
  });

  it("never allocates more than there are members", () => {
    expect(allocateEvenly([2, 3], 50)).toEqual([2, 3]);
    expect(allocateEvenly([], 5)).toEqual([]);
  });
});

describe("drawSample", () => {
  const panel = [...people(10, { language: "en", ageBand: "55plus" }, "en"), ...people(9, { language: "pl", ageBand: "25to34" }, "pl"), ...people(3, { language: "ru", ageBand: "25to34" }, "ru")];

  it("balances on one attribute and reports achieved vs requested per value", () => {
    const sample = drawSample(panel, { size: 9, balanceOn: ["language"], seed: "s" });
    expect(sample.userIds).toHaveLength(9);
    expect(sample.balance).toEqual([
      { attribute: "language", value: "en", requested: 3, achieved: 3 },
      { attribute: "language", value: "pl", requested: 3, achieved: 3 },
      { attribute: "language", value: "ru", requested: 3, achieved: 3 },
    ]);
  });

  it("fills from the other strata when one runs short", () => {
    const sample = drawSample(panel, { size: 15, balanceOn: ["language"], seed: "s" });
    expect(sample.balance.map((row) => row.achieved)).toEqual([6, 6, 3]);
    expect(new Set(sample.userIds).size).toBe(15);
  });

  it("is deterministic for a seed and varies with it", () => {
    const first = drawSample(panel, { size: 6, balanceOn: ["language"], seed: "study-1" });
    expect(drawSample([...panel].reverse(), { size: 6, balanceOn: ["language"], seed: "study-1" }).userIds).toEqual(first.userIds);
    const others = ["a", "b", "c", "d"].map((seed) => drawSample(panel, { size: 6, balanceOn: ["language"], seed }).userIds.join());
    expect(others.some((ids) => ids !== first.userIds.join())).toBe(true);
  });

  it("stratifies on combinations and leaves out members without a value", () => {
    const sample = drawSample([...panel, { userId: "x", attributes: { language: "en" } }], { size: 4, balanceOn: ["language", "ageBand"], seed: "s" });
    expect(sample.strata.map((stratum) => stratum.values)).toEqual([["en", "55plus"], ["pl", "25to34"], ["ru", "25to34"]]);
    expect(sample.excluded).toBe(1);
    expect(sample.userIds).toHaveLength(4);
  });

  it("draws plainly when balancing on nothing", () => {
    expect(drawSample(panel, { size: 5, balanceOn: [], seed: "s" }).userIds).toHaveLength(5);
  });
});

describe("seededShuffle", () => {
  it("keeps every item", () => {
    expect(seededShuffle([1, 2, 3, 4, 5], "x").sort()).toEqual([1, 2, 3, 4, 5]);
  });
});
