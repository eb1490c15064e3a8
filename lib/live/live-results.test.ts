import { describe, expect, it } from "vitest";
import { liveResultsFromTallies, type TallyRow } from "./live-results";

const tally = (attribute: string, attributeValue: string, bucket: string, n: number): TallyRow => ({ attribute, attributeValue, bucket, n });
// 12 respondents: 7 English speakers (5 chose c1), 3 Polish, 2 Russian.
const tallies: TallyRow[] = [
  tally("", "", "_all", 12),
  tally("", "", "c1", 8),
  tally("", "", "c2", 4),
  tally("language", "en", "_all", 7),
  tally("language", "en", "c1", 5),
  tally("language", "en", "c2", 2),
  tally("language", "pl", "_all", 3),
  tally("language", "pl", "c1", 2),
  tally("language", "pl", "c2", 1),
  tally("language", "ru", "_all", 2),
  tally("language", "ru", "c1", 1),
  tally("language", "ru", "c2", 1),
];

describe("live results from tallies", () => {
  it("gives the overall counts and every group to the moderator", () => {
    const results = liveResultsFromTallies("p1", tallies, { isScale: false, audience: "moderator", minGroupSize: 5 });
    expect(results).toMatchObject({ respondents: 12, counts: { c1: 8, c2: 4 }, mean: null });
    expect(results.splits.language.map((group) => group.suppressed)).toEqual([false, false, false]);
  });

  it("withholds from observers the groups under five and any group that would give them away", () => {
    const results = liveResultsFromTallies("p1", tallies, { isScale: false, audience: "observer", minGroupSize: 3 });
    expect(results.minGroupSize).toBe(5);
    // pl and ru are under five; together 5, so en (12 - 5) may show without revealing them.
    expect(results.splits.language).toEqual([
      { value: "en", suppressed: false, respondents: 7, counts: { c1: 5, c2: 2 }, mean: null },
      { value: "pl", suppressed: true, reason: "too_few_responses" },
      { value: "ru", suppressed: true, reason: "too_few_responses" },
    ]);
  });

  it("averages a 0–10 scale from its value buckets", () => {
    const scale = [tally("", "", "_all", 4), tally("", "", "10", 2), tally("", "", "6", 1), tally("", "", "0", 1)];
    expect(liveResultsFromTallies("p2", scale, { isScale: true, audience: "moderator", minGroupSize: 5 }).mean).toBe(6.5);
  });

  it("shows observers only how many answered until the minimum have", () => {
    const few = [tally("", "", "_all", 4), tally("", "", "c1", 4), tally("language", "en", "_all", 4), tally("language", "en", "c1", 4)];
    expect(liveResultsFromTallies("p3", few, { isScale: false, audience: "observer", minGroupSize: 5 })).toEqual({ pollId: "p3", respondents: 4, counts: {}, mean: null, splits: {}, minGroupSize: 5, withheld: true });
    expect(liveResultsFromTallies("p3", few, { isScale: false, audience: "moderator", minGroupSize: 5 })).toMatchObject({ respondents: 4, counts: { c1: 4 } });
  });
});
