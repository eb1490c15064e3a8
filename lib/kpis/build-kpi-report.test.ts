import { describe, expect, it } from "vitest";
import { kpiDifferenceP } from "./kpi-value";
import { buildKpiSplit, buildKpiTrend, derivableAcrossPeriods, periodStart, toAggregate, type KpiShape, type RollupSums } from "./build-kpi-report";

const likert7: KpiShape = { aggregation: "mean", scaleMin: 1, scaleMax: 7, period: "quarterly" };
const nps: KpiShape = { aggregation: "nps", scaleMin: 0, scaleMax: 10, period: "monthly" };

/** Rollup sums of raw scores, as the database would hold them. */
function sumsOf(scores: number[], { top = 6, bottom = 2 } = {}): RollupSums {
  return {
    n: scores.length,
    sum: scores.reduce((a, b) => a + b, 0),
    sumSquares: scores.reduce((a, b) => a + b * b, 0),
    topBox: scores.filter((score) => score >= top).length,
    bottomBox: scores.filter((score) => score <= bottom).length,
  };
}
const repeat = (value: number, times: number) => Array.from({ length: times }, () => value);

describe("KPI periods", () => {
  it("maps months to quarters and keeps months for monthly KPIs", () => {
    expect(periodStart("2026-05-01", "quarterly")).toBe("2026-04-01");
    expect(periodStart("2026-12-01", "quarterly")).toBe("2026-10-01");
    expect(periodStart("2026-05-01", "monthly")).toBe("2026-05-01");
  });

  it("turns NPS sums into promoters, passives and detractors", () => {
    expect(toAggregate(nps, { n: 10, sum: 0, sumSquares: 0, topBox: 6, bottomBox: 1 })).toEqual({ kind: "nps", promoters: 6, passives: 3, detractors: 1 });
  });
});

describe("KPI trend", () => {
  it("adds months into quarters, keeps an empty quarter and marks a significant change", () => {
    const trend = buildKpiTrend(likert7, [
      { month: "2026-01-01", ...sumsOf([...repeat(4, 10), ...repeat(5, 10)]) },
      { month: "2026-02-01", ...sumsOf([...repeat(4, 10), ...repeat(5, 10)]) },
      // No answers in the second quarter.
      { month: "2026-07-01", ...sumsOf([...repeat(6, 20), ...repeat(7, 20)]) },
      { month: "2026-10-01", ...sumsOf([...repeat(6, 21), ...repeat(7, 19)]) },
    ]);
    expect(trend.map((point) => point.periodStart)).toEqual(["2026-01-01", "2026-04-01", "2026-07-01", "2026-10-01"]);
    expect(trend[0].value).toMatchObject({ status: "ok", estimate: { n: 40, value: expect.closeTo(((4.5 - 1) / 6) * 100, 8) } });
    expect(trend[1].value).toEqual({ status: "insufficient", n: 0, minN: 10 });
    // After an empty quarter there is nothing to compare with.
    expect(trend[2]).toMatchObject({ change: null, p: null });
    // 6.5 → 6.475 on 40 answers each is noise.
    expect(trend[3].change).toBeNull();
    expect(trend[3].p).toBeGreaterThan(0.5);
  });

  it("marks a drop that is significant and leaves a small one unmarked", () => {
    const kpi = { ...likert7, period: "monthly" as const };
    const trend = buildKpiTrend(kpi, [
      { month: "2026-01-01", ...sumsOf([...repeat(6, 15), ...repeat(7, 15)]) },
      { month: "2026-02-01", ...sumsOf([...repeat(3, 15), ...repeat(4, 15)]) },
    ]);
    expect(trend[1].change).toBe("down");
    expect(trend[1].p).toBeLessThan(0.001);
  });

  it("does not test a change against a period below the minimum n", () => {
    const trend = buildKpiTrend({ ...likert7, period: "monthly" }, [
      { month: "2026-01-01", ...sumsOf(repeat(7, 5)) },
      { month: "2026-02-01", ...sumsOf([...repeat(1, 15), ...repeat(2, 15)]) },
    ]);
    expect(trend[0].value.status).toBe("insufficient");
    expect(trend[1]).toMatchObject({ change: null, p: null });
  });
});

describe("KPI split", () => {
  const segment = (value: string, scores: number[]) => ({ value, ...sumsOf(scores) });

  it("flags a segment significantly below the rest after Holm's correction", () => {
    const segments = [
      segment("en", [...repeat(6, 20), ...repeat(7, 20)]),
      segment("pl", [...repeat(6, 18), ...repeat(7, 17), ...repeat(5, 5)]),
      segment("ru", [...repeat(3, 15), ...repeat(4, 15)]),
    ];
    const total = segments.reduce((sum, s) => ({ n: sum.n + s.n, sum: sum.sum + s.sum, sumSquares: sum.sumSquares + s.sumSquares, topBox: sum.topBox + s.topBox, bottomBox: sum.bottomBox + s.bottomBox }), sumsOf([]));
    const split = buildKpiSplit(likert7, total, segments, { minGroupSize: 5 });
    const ru = split.find((s) => s.value === "ru")!;
    expect(ru).toMatchObject({ suppressed: false, difference: "below" });
    // Each of the others is compared with a rest that includes the low segment, so both sit above it.
    expect(split.find((s) => s.value === "en")).toMatchObject({ suppressed: false, difference: "above" });
    if (!ru.suppressed) expect(ru.adjustedP).toBeLessThan(0.001);
  });

  it("corrects for multiple comparisons: a raw p under 0.05 can stop being significant", () => {
    // Four equal-sized segments, one slightly lower: its raw p is 0.024, times Holm's factor of 4 it is not significant.
    const base = [...repeat(5, 20), ...repeat(6, 20)];
    const segments = [segment("a", base), segment("b", base), segment("c", base), segment("d", [...repeat(5, 28), ...repeat(6, 12)])];
    const total = segments.reduce((sum, s) => ({ n: sum.n + s.n, sum: sum.sum + s.sum, sumSquares: sum.sumSquares + s.sumSquares, topBox: sum.topBox + s.topBox, bottomBox: sum.bottomBox + s.bottomBox }), sumsOf([]));
    const d = buildKpiSplit(likert7, total, segments, { minGroupSize: 5 })[3];
    expect(d.suppressed).toBe(false);
    if (d.suppressed) return;
    const rawP = kpiDifferenceP(toAggregate(likert7, segments[3]), toAggregate(likert7, sumsOf(repeat(5, 60).concat(repeat(6, 60)))));
    expect(rawP).toBeLessThan(0.05);
    expect(d.adjustedP).toBeCloseTo(4 * rawP!, 8);
    expect(d.adjustedP).toBeGreaterThan(0.05);
    expect(d.difference).toBeNull();
  });

  it("withholds a segment under the anonymity threshold and the smallest other one that would give it away", () => {
    const segments = [segment("north", repeat(5, 30)), segment("south", repeat(4, 12)), segment("west", repeat(2, 3))];
    const total = sumsOf([...repeat(5, 30), ...repeat(4, 12), ...repeat(2, 3)]);
    const split = buildKpiSplit(likert7, total, segments, { minGroupSize: 5 });
    expect(split.map((s) => [s.value, s.suppressed])).toEqual([["north", false], ["south", true], ["west", true]]);
    expect(split[2]).toMatchObject({ reason: "too_few_responses" });
    expect(split[1]).toMatchObject({ reason: "complementary" });
  });

  it("shows a segment above the anonymity threshold but below the minimum n as 'not enough data', untested", () => {
    const segments = [segment("a", repeat(5, 40)), segment("b", [5, 6, 4, 5, 6, 5])];
    const total = sumsOf([...repeat(5, 40), 5, 6, 4, 5, 6, 5]);
    const [, small] = buildKpiSplit(likert7, total, segments, { minGroupSize: 5 });
    expect(small).toEqual({ value: "b", suppressed: false, kpi: { status: "insufficient", n: 6, minN: 10 }, adjustedP: null, difference: null });
  });
});

describe("KPI split over several periods", () => {
  const kpi: KpiShape = { aggregation: "mean", scaleMin: 1, scaleMax: 7, period: "quarterly" };
  const months = (rows: Array<[string, string, number]>) => rows.map(([value, month, n]) => ({ value, month, n }));

  it("withholds the whole split when one segment's periods shown, subtracted from its whole, would give a withheld period away", () => {
    // Russian speakers: 6 in Q1 and 5 in Q3 are shown, 3 in Q2 are not: 14 − 6 − 5 would reveal those 3.
    const cells = months([["en", "2026-02-01", 14], ["en", "2026-05-01", 13], ["en", "2026-08-01", 15], ["ru", "2026-02-01", 6], ["ru", "2026-05-01", 3], ["ru", "2026-08-01", 5], ["pl", "2026-05-01", 10], ["pl", "2026-08-01", 2], ["pl", "2026-09-01", 4]]);
    const totals = [{ month: "2026-02-01", n: 20 }, { month: "2026-05-01", n: 26 }, { month: "2026-08-01", n: 22 }, { month: "2026-09-01", n: 4 }];
    const reasons = derivableAcrossPeriods(kpi, cells, totals, 5);
    // Russian speakers' whole is the total minus the others, so every segment is withheld.
    expect([...reasons].sort()).toEqual([["en", "derivable_by_difference"], ["pl", "derivable_by_difference"], ["ru", "derivable_by_difference"]]);
  });

  it("lets a segment through when every withheld period is hidden in the whole, or the withheld periods together reach the minimum", () => {
    // E-commerce is withheld every month (4, 4, 3): its 11 together reveal no single month.
    const cells = months([["ecom", "2026-08-01", 4], ["ecom", "2026-09-01", 4], ["ecom", "2026-10-01", 3], ["care", "2026-08-01", 8], ["care", "2026-09-01", 9], ["care", "2026-10-01", 8], ["ops", "2026-08-01", 8], ["ops", "2026-09-01", 7], ["ops", "2026-10-01", 9]]);
    const totals = [{ month: "2026-08-01", n: 20 }, { month: "2026-09-01", n: 20 }, { month: "2026-10-01", n: 20 }];
    expect(derivableAcrossPeriods({ ...kpi, period: "monthly" }, cells, totals, 5).size).toBe(0);
  });

  it("passes known reasons on to the split", () => {
    const segment = (value: string, n: number) => ({ value, n, sum: n * 5, sumSquares: n * 26, topBox: 0, bottomBox: 0 });
    const split = buildKpiSplit(kpi, segment("", 60), [segment("en", 30), segment("pl", 16), segment("ru", 14)], { minGroupSize: 5, reasons: new Map([["ru", "derivable_by_difference" as const]]) });
    expect(split.map((s) => [s.value, s.suppressed])).toEqual([["en", false], ["pl", false], ["ru", true]]);
  });
});
