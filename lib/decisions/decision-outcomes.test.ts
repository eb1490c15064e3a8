import { describe, expect, it } from "vitest";
import type { KpiTrendPoint } from "@/lib/kpis/build-kpi-report";
import { periodsAfter } from "./decision-outcomes";

const point = (periodStart: string): KpiTrendPoint => ({ periodStart, value: { status: "insufficient", n: 0, minN: 10 }, change: null, p: null });

describe("decision outcomes", () => {
  it("follows only the periods that began after the one the decision was taken in", () => {
    const trend = ["2026-04-01", "2026-07-01", "2026-10-01", "2027-01-01"].map(point);
    expect(periodsAfter(trend, new Date("2026-08-15T12:00:00Z"), "quarterly").map((p) => p.periodStart)).toEqual(["2026-10-01", "2027-01-01"]);
    expect(periodsAfter(trend, new Date("2026-12-31T23:00:00Z"), "quarterly").map((p) => p.periodStart)).toEqual(["2027-01-01"]);
    expect(periodsAfter(["2026-08-01", "2026-09-01"].map(point), new Date("2026-08-02T00:00:00Z"), "monthly").map((p) => p.periodStart)).toEqual(["2026-09-01"]);
  });
});
