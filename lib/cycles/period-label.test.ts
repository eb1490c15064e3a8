import { describe, expect, it } from "vitest";
import { periodLabel } from "./period-label";

describe("periodLabel", () => {
  it("names a monthly cycle by its month in the program's language", () => {
    expect(periodLabel(new Date("2027-01-05T08:00:00Z"), 1, "en")).toBe("January 2027");
    expect(periodLabel(new Date("2027-01-05T08:00:00Z"), 1, "pl")).toMatch(/stycze/i);
  });

  it("names a calendar quarter Qn and any other span by its months", () => {
    expect(periodLabel(new Date("2027-04-05T08:00:00Z"), 3, "en")).toBe("Q2 2027");
    expect(periodLabel(new Date("2027-02-05T08:00:00Z"), 3, "en")).toBe("February 2027 – April 2027");
  });
});
