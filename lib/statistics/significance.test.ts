import { describe, expect, it } from "vitest";
import { tCritical } from "./intervals";
import { holmAdjust, normalTwoSidedP, npsDifferenceTest, npsEstimate, twoProportionTest, welchTTest } from "./significance";

describe("significance tests", () => {
  it("gives the textbook two-sided p-values of z and t at their 95% critical values", () => {
    expect(normalTwoSidedP(1.959964)).toBeCloseTo(0.05, 6);
    const atCritical = welchTTest({ n: 10, mean: 0, sd: 1 }, { n: 10, mean: 0, sd: 1 });
    expect(atCritical.p).toBe(1);
    // Equal n and sd: Welch's df is n1 + n2 − 2, and t at the critical value gives p = 0.05.
    const shifted = welchTTest({ n: 10, mean: tCritical(18) * Math.sqrt(0.2), sd: 1 }, { n: 10, mean: 0, sd: 1 });
    expect(shifted.df).toBeCloseTo(18, 10);
    expect(shifted.p).toBeCloseTo(0.05, 8);
  });

  it("computes Welch's t and df for unequal variances (worked example)", () => {
    // Group A: n=12, mean 72, sd 8; group B: n=20, mean 65, sd 12.
    // se² = 64/12 + 144/20 = 5.3333 + 7.2 = 12.5333; t = 7 / 3.5402 = 1.9773
    // df = 12.5333² / (5.3333²/11 + 7.2²/19) = 157.084 / (2.5859 + 2.7284) = 29.558
    const result = welchTTest({ n: 12, mean: 72, sd: 8 }, { n: 20, mean: 65, sd: 12 });
    expect(result.statistic).toBeCloseTo(1.9773, 3);
    expect(result.df).toBeCloseTo(29.56, 1);
    expect(result.p).toBeGreaterThan(0.05);
    expect(result.p).toBeLessThan(0.06);
  });

  it("runs the pooled two-proportion z-test (worked example)", () => {
    // 45/100 vs 30/100: pooled 0.375, se = √(0.375·0.625·0.02) = 0.068465, z = 2.1909, p = 0.02846.
    const result = twoProportionTest({ successes: 45, n: 100 }, { successes: 30, n: 100 });
    expect(result.statistic).toBeCloseTo(2.1909, 3);
    expect(result.p).toBeCloseTo(0.02846, 4);
  });

  it("puts an interval around NPS from one multinomial sample (worked example)", () => {
    // 50 promoters, 30 passives, 20 detractors: NPS 30; var = 0.5 + 0.2 − 0.09 = 0.61;
    // se = √(0.61/100) = 0.078102; margin = 1.959964 · 0.078102 = 0.153077 → [14.69, 45.31].
    const estimate = npsEstimate({ promoters: 50, passives: 30, detractors: 20 });
    expect(estimate.value).toBeCloseTo(30, 10);
    expect(estimate.lower).toBeCloseTo(14.692, 2);
    expect(estimate.upper).toBeCloseTo(45.308, 2);
    expect(estimate.n).toBe(100);
    expect(npsEstimate({ promoters: 10, passives: 0, detractors: 0 })).toMatchObject({ value: 100, lower: 100, upper: 100 });
  });

  it("tests the difference of two groups' NPS", () => {
    // NPS 30 (var 0.61, n 100) vs NPS −10 (20 promoters, 50 passives, 30 detractors: var 0.5 − 0.01 = 0.49, n 100):
    // se = √(0.0061 + 0.0049) = 0.104881, z = 0.4 / 0.104881 = 3.8139.
    const result = npsDifferenceTest({ promoters: 50, passives: 30, detractors: 20 }, { promoters: 20, passives: 50, detractors: 30 });
    expect(result.statistic).toBeCloseTo(3.8139, 3);
    expect(result.p).toBeLessThan(0.001);
  });

  it("adjusts p-values with Holm's step-down method, keeping them monotone", () => {
    // Sorted 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 = 0.04 → raised to 0.06.
    expect(holmAdjust([0.01, 0.04, 0.03, 0.005])).toEqual([0.03, 0.06, 0.06, 0.02].map((p) => expect.closeTo(p, 12)));
    expect(holmAdjust([0.5, 0.9])).toEqual([1, 1]);
    expect(holmAdjust([])).toEqual([]);
  });
});
