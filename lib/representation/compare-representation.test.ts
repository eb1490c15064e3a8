import { describe, expect, it } from "vitest";
import { compareRepresentation, shareTestP, type Person } from "./compare-representation";

const people = (counts: Record<string, number>, key = "region"): Person[] => Object.entries(counts).flatMap(([value, n]) => Array.from({ length: n }, () => ({ attributes: { [key]: value } })));

describe("compareRepresentation", () => {
  it("compares heard shares with population shares and flags a value heard far more than its share", () => {
    const speakers = people({ north: 18, south: 2 });
    const population = people({ north: 50, south: 50 });
    const result = compareRepresentation(speakers, population, { minGroupSize: null });
    expect(result.tooFewVoices).toBe(false);
    expect(result.speakers).toMatchObject({ count: 20 });
    const [region] = result.attributes;
    expect(region.key).toBe("region");
    const north = region.values.find((v) => v.value === "north")!;
    const south = region.values.find((v) => v.value === "south")!;
    expect(north.heard).toEqual({ suppressed: false, count: 18, share: 0.9 });
    expect(north.population).toEqual({ suppressed: false, count: 50, share: 0.5 });
    expect(north.gapPoints).toBe(40);
    expect(south.gapPoints).toBe(-40);
    expect([north.flag, south.flag]).toEqual(["over", "under"]);
    // z = 0.4 / sqrt(0.25 / 20) = 3.58 → p ≈ 0.00035, doubled by Holm for two values.
    expect(north.adjustedP).toBeCloseTo(2 * shareTestP(18, 20, 0.5)!, 12);
    expect(north.adjustedP!).toBeLessThan(0.001);
  });

  it("does not flag a small gap, and says so when there are too few voices", () => {
    const close = compareRepresentation(people({ north: 11, south: 9 }), people({ north: 50, south: 50 }), { minGroupSize: null });
    expect(close.attributes[0].values.map((v) => v.flag)).toEqual([null, null]);
    const few = compareRepresentation(people({ north: 4 }), people({ north: 10, south: 90 }), { minGroupSize: null });
    expect(few.tooFewVoices).toBe(true);
    expect(few.attributes[0].values.every((v) => v.flag === null && v.adjustedP === null)).toBe(true);
  });

  it("compares only attributes both sides know, listing values heard from no one", () => {
    const speakers = [...people({ north: 5 }), { attributes: { team: "floor" } }];
    const population = [...people({ north: 5, east: 5 }), ...people({ de: 3 }, "language")];
    const result = compareRepresentation(speakers, population, { minGroupSize: null });
    expect(result.attributes.map((a) => a.key)).toEqual(["region"]);
    expect(result.attributes[0].values.find((v) => v.value === "east")!.heard).toMatchObject({ count: 0, share: 0 });
  });

  it("withholds counts under the minimum for frontline material, and the complementary cell with them", () => {
    const speakers = people({ floor: 6, office: 2 }, "team");
    const population = people({ floor: 20, office: 10 }, "team");
    const result = compareRepresentation(speakers, population, { minGroupSize: 5 });
    const [team] = result.attributes;
    expect(team.values.find((v) => v.value === "office")!.heard).toEqual({ suppressed: true, reason: "too_few_responses" });
    // Floor shown with the known total would give office away: withheld as complementary.
    expect(team.values.find((v) => v.value === "floor")!.heard).toEqual({ suppressed: true, reason: "complementary" });
    expect(team.values.every((v) => v.flag === null && v.gapPoints === null)).toBe(true);
    expect(compareRepresentation(people({ floor: 3 }, "team"), population, { minGroupSize: 5 }).speakers).toEqual({ suppressed: true, reason: "too_few_responses" });
  });
});
