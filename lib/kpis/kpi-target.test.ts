import { describe, expect, it } from "vitest";
import type { KpiTrendPoint } from "./build-kpi-report";
import { effectiveTarget, isValidTarget } from "./kpi-target";

const point = (periodStart: string, value: number | null): KpiTrendPoint => ({
  periodStart,
  value: value === null ? { status: "insufficient", n: 3, minN: 10 } : { status: "ok", estimate: { value, lower: value - 5, upper: value + 5, n: 40 } },
  change: null,
  p: null,
});

describe("KPI targets", () => {
  it("uses an absolute target as it is, whatever came before", () => {
    expect(effectiveTarget({ aggregation: "mean", target: 70, targetBasis: "absolute" }, [point("2026-04-01", null), point("2026-07-01", 60)])).toBe(70);
  });

  it("adds a relative target to the previous period's value", () => {
    const trend = [point("2026-04-01", 62.5), point("2026-07-01", 60)];
    expect(effectiveTarget({ aggregation: "mean", target: 3, targetBasis: "previous_period" }, trend)).toBe(65.5);
    expect(effectiveTarget({ aggregation: "nps", target: -5, targetBasis: "previous_period" }, trend)).toBe(57.5);
    // Earlier periods are judged against the period before each of them.
    expect(effectiveTarget({ aggregation: "mean", target: 3, targetBasis: "previous_period" }, [point("2026-01-01", 50), ...trend], 1)).toBe(53);
  });

  it("keeps a relative target on the scale", () => {
    expect(effectiveTarget({ aggregation: "top_box", target: 10, targetBasis: "previous_period" }, [point("2026-04-01", 96), point("2026-07-01", 97)])).toBe(100);
    expect(effectiveTarget({ aggregation: "nps", target: -30, targetBasis: "previous_period" }, [point("2026-04-01", -80), point("2026-07-01", -70)])).toBe(-100);
  });

  it("has no relative target without a previous value to build on", () => {
    const setting = { aggregation: "mean", target: 3, targetBasis: "previous_period" } as const;
    expect(effectiveTarget(setting, [point("2026-07-01", 60)])).toBeNull();
    expect(effectiveTarget(setting, [point("2026-04-01", null), point("2026-07-01", 60)])).toBeNull();
    expect(effectiveTarget(setting, [])).toBeNull();
    expect(effectiveTarget({ ...setting, target: null }, [point("2026-04-01", 50), point("2026-07-01", 60)])).toBeNull();
  });

  it("holds a segment's target against the whole organization's value in the same period", () => {
    const setting = { aggregation: "mean", target: -2, targetBasis: "organization" } as const;
    const segment = [point("2026-04-01", 50), point("2026-07-01", 55)];
    const organization = [point("2026-04-01", 60), point("2026-07-01", 64)];
    expect(effectiveTarget(setting, segment, 1, organization)).toBe(62);
    expect(effectiveTarget(setting, segment, 0, organization)).toBe(58);
    // No organization value for the period, nothing to hold it against.
    expect(effectiveTarget(setting, segment, 1, [point("2026-07-01", null)])).toBeNull();
    expect(effectiveTarget(setting, segment, 1)).toBeNull();
  });

  it("accepts targets on the scale and changes no larger than its span", () => {
    expect(isValidTarget({ aggregation: "mean", target: 100, targetBasis: "absolute" })).toBe(true);
    expect(isValidTarget({ aggregation: "mean", target: -1, targetBasis: "absolute" })).toBe(false);
    expect(isValidTarget({ aggregation: "nps", target: -100, targetBasis: "absolute" })).toBe(true);
    expect(isValidTarget({ aggregation: "mean", target: -5, targetBasis: "previous_period" })).toBe(true);
    expect(isValidTarget({ aggregation: "mean", target: 101, targetBasis: "previous_period" })).toBe(false);
    expect(isValidTarget({ aggregation: "nps", target: 150, targetBasis: "previous_period" })).toBe(true);
  });
});
