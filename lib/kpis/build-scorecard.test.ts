import { describe, expect, it } from "vitest";
import type { KpiTrendPoint } from "./build-kpi-report";
import { attainment, buildOwnerScorecard, type ScorecardKpiInput } from "./build-scorecard";

const point = (periodStart: string, value: number, n: number): KpiTrendPoint => ({ periodStart, value: { status: "ok", estimate: { value, lower: value - 5, upper: value + 5, n } }, change: null, p: null });
const kpi = (overrides: Partial<ScorecardKpiInput>): ScorecardKpiInput => ({ key: "k", name: "K", isBuiltIn: true, aggregation: "mean", period: "quarterly", target: 80, targetBasis: "absolute", weight: 1, trend: [point("2026-07-01", 60, 40)], scoreBegging: 0, ...overrides });
const owner = { userId: "u1", name: "Lena" };

describe("attainment", () => {
  it("measures the way from the bottom of the scale to the target, capped at 120%", () => {
    expect(attainment("mean", 60, 80)).toBeCloseTo(0.75, 10);
    expect(attainment("mean", 100, 50)).toBe(1.2);
    // NPS runs from −100: +20 against a target of +40 is 120 of 140.
    expect(attainment("nps", 20, 40)).toBeCloseTo(120 / 140, 10);
    expect(attainment("nps", -100, 40)).toBe(0);
  });
});

describe("owner scorecard", () => {
  it("weights each KPI's attainment", () => {
    const card = buildOwnerScorecard(owner, [kpi({ key: "a", target: 80, weight: 3 }), kpi({ key: "b", target: 60, weight: 1 })]);
    // a: 60/80 = 0.75 (weight 3); b: 60/60 = 1 (weight 1) → (2.25 + 1) / 4.
    expect(card.score).toBeCloseTo(0.8125, 10);
    expect(card.missing).toBeNull();
  });

  it("gives no score on fewer than two KPIs with a value", () => {
    const card = buildOwnerScorecard(owner, [kpi({ key: "a" }), kpi({ key: "b", trend: [{ periodStart: "2026-07-01", value: { status: "insufficient", n: 4, minN: 10 }, change: null, p: null }] })]);
    expect(card).toMatchObject({ score: null, missing: "needsTwoKpis" });
    expect(card.kpis[1].flags).toEqual(["noData"]);
  });

  it("flags a KPI whose sample halved and one whose comments beg for scores", () => {
    const card = buildOwnerScorecard(owner, [kpi({ key: "a", trend: [point("2026-04-01", 70, 100), point("2026-07-01", 75, 45)] }), kpi({ key: "b", scoreBegging: 2 })]);
    expect(card.kpis.map((k) => k.flags)).toEqual([["sampleDrop"], ["scoreBegging"]]);
    // A sample that shrank by less than half is not flagged.
    expect(buildOwnerScorecard(owner, [kpi({ trend: [point("2026-04-01", 70, 100), point("2026-07-01", 75, 55)] })]).kpis[0].flags).toEqual([]);
  });

  it("scores a relative target against the previous period, and flags one with nothing to build on", () => {
    const relative = { targetBasis: "previous_period" as const, target: 5 };
    const card = buildOwnerScorecard(owner, [kpi({ key: "a", ...relative, trend: [point("2026-04-01", 55, 40), point("2026-07-01", 60, 40)] }), kpi({ key: "b", ...relative })]);
    // a: the target is 55 + 5 = 60, reached in full; b has no previous period, so no attainment.
    expect(card.kpis[0]).toMatchObject({ effectiveTarget: 60, attainment: 1, flags: [] });
    expect(card.kpis[1]).toMatchObject({ effectiveTarget: null, attainment: null, flags: ["noBaseline"] });
    expect(card).toMatchObject({ score: null, missing: "needsTwoKpis" });
  });

  it("flags a response rate that fell significantly, not one whose invitations shrank", () => {
    const rate = (trend: KpiTrendPoint[]) => kpi({ source: "response_rate", aggregation: "top_box", trend });
    const fell = [point("2026-04-01", 80, 100), { ...point("2026-07-01", 40, 100), change: "down" as const }];
    const fewerInvited = [point("2026-04-01", 80, 100), point("2026-07-01", 78, 30)];
    expect(buildOwnerScorecard(owner, [rate(fell), rate(fewerInvited)]).kpis.map((k) => k.flags)).toEqual([["responseRateDrop"], []]);
  });
});
