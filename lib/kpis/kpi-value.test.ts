import { describe, expect, it } from "vitest";
import { kpiDifferenceP, kpiValue, subtractAggregate, summaryFromSums, type KpiAggregate } from "./kpi-value";

const sums = (values: number[]) => ({ n: values.length, sum: values.reduce((a, b) => a + b, 0), sumSquares: values.reduce((a, b) => a + b * b, 0) });

describe("KPI values", () => {
  it("recovers mean and sd from rollup sums", () => {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, sample sd √(32/7) = 2.13809.
    const summary = summaryFromSums(sums([2, 4, 4, 4, 5, 5, 7, 9]));
    expect(summary.mean).toBe(5);
    expect(summary.sd).toBeCloseTo(2.13809, 5);
  });

  it("rescales a 1–5 mean to 0–100 with its t-interval (worked example)", () => {
    // Ten answers 3,4,4,5,5,5,4,3,5,4: mean 4.2, sd 0.78881; t(0.975, 9) = 2.262157;
    // margin 0.56428 → [3.63572, 4.76428] → 0–100: 80 [65.893, 94.107].
    const value = kpiValue({ kind: "mean", min: 1, max: 5, ...sums([3, 4, 4, 5, 5, 5, 4, 3, 5, 4]) });
    expect(value.status).toBe("ok");
    if (value.status !== "ok") return;
    expect(value.estimate.value).toBeCloseTo(80, 8);
    expect(value.estimate.lower).toBeCloseTo(65.893, 2);
    expect(value.estimate.upper).toBeCloseTo(94.107, 2);
    expect(value.estimate.n).toBe(10);
  });

  it("says 'not enough data' below the minimum n instead of a number", () => {
    expect(kpiValue({ kind: "topBox", n: 4, successes: 4 })).toEqual({ status: "insufficient", n: 4, minN: 10 });
    expect(kpiValue({ kind: "nps", promoters: 3, passives: 1, detractors: 0 }, { minN: 5 })).toEqual({ status: "insufficient", n: 4, minN: 5 });
  });

  it("gives top-box shares with Wilson intervals and NPS on −100…100", () => {
    // 8/10: Wilson 95% [0.49016, 0.94332].
    const share = kpiValue({ kind: "topBox", n: 10, successes: 8 });
    expect(share).toMatchObject({ status: "ok", estimate: { value: 80, n: 10 } });
    if (share.status === "ok") {
      expect(share.estimate.lower).toBeCloseTo(49.016, 2);
      expect(share.estimate.upper).toBeCloseTo(94.332, 2);
    }
    expect(kpiValue({ kind: "nps", promoters: 50, passives: 30, detractors: 20 })).toMatchObject({ status: "ok", estimate: { value: expect.closeTo(30, 8) } });
  });

  it("compares a segment with the rest of the total", () => {
    const total: KpiAggregate = { kind: "topBox", n: 200, successes: 75 };
    const segment: KpiAggregate = { kind: "topBox", n: 100, successes: 45 };
    const rest = subtractAggregate(total, segment);
    expect(rest).toEqual({ kind: "topBox", n: 100, successes: 30 });
    expect(kpiDifferenceP(segment, rest)).toBeCloseTo(0.02846, 4);
    const meanRest = subtractAggregate({ kind: "mean", min: 1, max: 5, ...sums([1, 2, 3, 4, 5]) }, { kind: "mean", min: 1, max: 5, ...sums([4, 5]) });
    expect(meanRest).toMatchObject(sums([1, 2, 3]));
    expect(kpiDifferenceP({ kind: "nps", promoters: 1, passives: 0, detractors: 0 }, { kind: "nps", promoters: 5, passives: 0, detractors: 5 })).toBeNull();
  });
});
