import { describe, expect, it } from "vitest";
import type { KpiTrendPoint } from "@/lib/kpis/build-kpi-report";
import { kpiAlertOccasion, urgentSpikeOccasion } from "./alert-conditions";

const definition = { id: "k", key: "empathy-index", name: "Empathy Index", isBuiltIn: true, aggregation: "mean", period: "quarterly", target: 70, targetBasis: "absolute" } as Parameters<typeof kpiAlertOccasion>[1]["definition"];
const point = (periodStart: string, value: number | null, change: KpiTrendPoint["change"] = null): KpiTrendPoint => ({
  periodStart,
  value: value === null ? { status: "insufficient", n: 4, minN: 10 } : { status: "ok", estimate: { value, lower: value - 5, upper: value + 5, n: 40 } },
  change,
  p: null,
});

describe("alert conditions", () => {
  it("fires below target once per period, with the value, interval and the period before", () => {
    const trend = [point("2026-04-01", 72), point("2026-07-01", 61, "down")];
    expect(kpiAlertOccasion("below_target", { definition, trend, latest: trend[1] })).toEqual({
      occasion: "below_target:2026-07-01",
      facts: expect.objectContaining({ kind: "below_target", kpiKey: "empathy-index", periodStart: "2026-07-01", value: 61, lower: 56, upper: 66, n: 40, target: 70, previous: 72 }),
    });
    expect(kpiAlertOccasion("significant_drop", { definition, trend, latest: trend[1] })?.occasion).toBe("significant_drop:2026-07-01");
  });

  it("stays quiet at or above target, without a significant drop, without a target or without enough answers", () => {
    const above = [point("2026-07-01", 70)];
    expect(kpiAlertOccasion("below_target", { definition, trend: above, latest: above[0] })).toBeNull();
    expect(kpiAlertOccasion("significant_drop", { definition, trend: above, latest: above[0] })).toBeNull();
    const low = [point("2026-07-01", 40)];
    expect(kpiAlertOccasion("below_target", { definition: { ...definition, target: null }, trend: low, latest: low[0] })).toBeNull();
    const thin = [point("2026-07-01", null)];
    expect(kpiAlertOccasion("below_target", { definition, trend: thin, latest: thin[0] })).toBeNull();
    expect(kpiAlertOccasion("below_target", { definition, trend: [], latest: null })).toBeNull();
  });

  it("judges a relative target against the period before", () => {
    const relative = { ...definition, target: 3, targetBasis: "previous_period" as const };
    const rising = [point("2026-04-01", 60), point("2026-07-01", 62)];
    expect(kpiAlertOccasion("below_target", { definition: relative, trend: rising, latest: rising[1] })?.facts).toMatchObject({ target: 63, previous: 60 });
    const enough = [point("2026-04-01", 60), point("2026-07-01", 63)];
    expect(kpiAlertOccasion("below_target", { definition: relative, trend: enough, latest: enough[1] })).toBeNull();
    const first = [point("2026-07-01", 10)];
    expect(kpiAlertOccasion("below_target", { definition: relative, trend: first, latest: first[0] })).toBeNull();
  });

  it("counts a spike of urgent reports from the threshold up, one occasion per day", () => {
    const now = new Date("2026-12-04T15:00:00Z");
    expect(urgentSpikeOccasion(2, 3, now)).toBeNull();
    expect(urgentSpikeOccasion(3, 3, now)).toEqual({ occasion: "urgent_spike:2026-12-04", facts: { kind: "urgent_spike", count: 3, threshold: 3, since: "2026-12-03T15:00:00.000Z" } });
  });
});
