import { describe, expect, it } from "vitest";
import { compareComposition, GAP_TOLERANCE_POINTS } from "./composition";

describe("compareComposition", () => {
  it("shares each value among the members who gave the attribute and flags values well below target", () => {
    const profiles = [{ region: "north", language: "pl" }, { region: "north" }, { region: "south" }, {}];
    const composition = compareComposition(profiles, [{ attribute: "region", value: "south", share: 50 }, { attribute: "region", value: "north", share: 50 }], 10);
    const region = composition.attributes.find((attribute) => attribute.attribute === "region")!;
    expect(region.answered).toBe(3);
    expect(region.hasTargets).toBe(true);
    expect(region.rows.find((row) => row.value === "north")).toMatchObject({ count: 2, targetShare: 50, isGap: false, missingMembers: 3 });
    expect(region.rows.find((row) => row.value === "south")).toMatchObject({ count: 1, targetShare: 50, isGap: true, missingMembers: 4 });
    expect(region.rows.find((row) => row.value === "online")).toMatchObject({ count: 0, targetShare: null, isGap: false });
    expect(composition).toMatchObject({ activeMembers: 4, targetSize: 10, sizeGap: 6 });
  });

  it("tolerates a share just within the gap tolerance and reports no targets as no gaps", () => {
    const profiles = Array.from({ length: 100 }, (_, index) => ({ tenure: index < 100 - 30 + GAP_TOLERANCE_POINTS ? "under1" : "over5" }));
    const composition = compareComposition(profiles, [{ attribute: "tenure", value: "over5", share: 30 }], null);
    const tenure = composition.attributes.find((attribute) => attribute.attribute === "tenure")!;
    expect(tenure.rows.find((row) => row.value === "over5")).toMatchObject({ actualShare: 25, isGap: false });
    expect(composition.sizeGap).toBe(0);
    expect(compareComposition([], [], null).attributes.every((attribute) => attribute.rows.every((row) => !row.isGap && row.actualShare === 0))).toBe(true);
  });
});
