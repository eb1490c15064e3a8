import { describe, expect, it } from "vitest";
import { meanInterval, meanWithInterval, proportionDifference, rescaleEstimate, summarize, tCritical, wilsonInterval, zCritical } from "./intervals";

describe("critical values", () => {
  it("match the printed tables", () => {
    expect(zCritical()).toBeCloseTo(1.959964, 5);
    expect(zCritical(0.9)).toBeCloseTo(1.644854, 5);
    expect(tCritical(9)).toBeCloseTo(2.262157, 5);
    expect(tCritical(1)).toBeCloseTo(12.7062, 3);
    expect(tCritical(29)).toBeCloseTo(2.04523, 4);
  });
});

describe("mean with a t-interval", () => {
  it("mean 3.2, sd 1, n 10 gives 3.2 ± 2.262·1/√10", () => {
    const estimate = meanInterval({ n: 10, mean: 3.2, sd: 1 });
    expect(estimate.value).toBe(3.2);
    expect(estimate.lower).toBeCloseTo(2.48465, 4);
    expect(estimate.upper).toBeCloseTo(3.91535, 4);
  });

  it("summarizes raw values with the n − 1 standard deviation", () => {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, sample sd √(32/7)
    const summary = summarize([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(summary.mean).toBe(5);
    expect(summary.sd).toBeCloseTo(Math.sqrt(32 / 7), 10);
    const estimate = meanWithInterval([2, 4, 4, 4, 5, 5, 7, 9]);
    // t(0.975, 7) = 2.364624
    expect(estimate.upper! - estimate.value).toBeCloseTo(2.364624 * Math.sqrt(32 / 7) / Math.sqrt(8), 4);
  });

  it("gives no interval for a single observation and refuses an empty sample", () => {
    expect(meanWithInterval([4])).toEqual({ value: 4, lower: null, upper: null, n: 1 });
    expect(() => meanWithInterval([])).toThrow(RangeError);
  });

  it("has zero width when every answer is the same", () => {
    expect(meanWithInterval([3, 3, 3])).toEqual({ value: 3, lower: 3, upper: 3, n: 3 });
  });
});

describe("Wilson interval", () => {
  it("matches Newcombe (1998) worked examples", () => {
    // 81/263: 0.2553 to 0.3662
    const a = wilsonInterval(81, 263);
    expect(a.lower).toBeCloseTo(0.2553, 4);
    expect(a.upper).toBeCloseTo(0.3662, 4);
    // 15/148: 0.0624 to 0.1605
    const b = wilsonInterval(15, 148);
    expect(b.lower).toBeCloseTo(0.0624, 4);
    expect(b.upper).toBeCloseTo(0.1605, 4);
    // 0/20: 0 to 0.1611
    const c = wilsonInterval(0, 20);
    expect(c.lower).toBe(0);
    expect(c.upper).toBeCloseTo(0.1611, 4);
  });

  it("stays within [0, 1] at 100%", () => {
    const all = wilsonInterval(10, 10);
    expect(all.value).toBe(1);
    expect(all.upper).toBe(1);
    expect(all.lower).toBeCloseTo(0.7225, 4);
  });

  it("refuses impossible counts", () => {
    expect(() => wilsonInterval(3, 0)).toThrow(RangeError);
    expect(() => wilsonInterval(5, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 4)).toThrow(RangeError);
  });
});

describe("difference of proportions", () => {
  it("matches Newcombe's method 10 example 56/70 − 48/80", () => {
    // Newcombe (1998) table II: 0.2000, 95% CI 0.0524 to 0.3339
    const difference = proportionDifference({ successes: 56, n: 70 }, { successes: 48, n: 80 });
    expect(difference.value).toBeCloseTo(0.2, 10);
    expect(difference.lower).toBeCloseTo(0.0524, 3);
    expect(difference.upper).toBeCloseTo(0.3339, 3);
  });

  it("is symmetric when the groups swap", () => {
    const ab = proportionDifference({ successes: 9, n: 10 }, { successes: 3, n: 10 });
    const ba = proportionDifference({ successes: 3, n: 10 }, { successes: 9, n: 10 });
    expect(ba.value).toBeCloseTo(-ab.value, 10);
    expect(ba.lower).toBeCloseTo(-ab.upper, 10);
  });
});

describe("rescaling", () => {
  it("maps a 1–5 mean onto 0–100 with its bounds", () => {
    const scaled = rescaleEstimate({ value: 3, lower: 2, upper: 4, n: 8 }, (x) => ((x - 1) / 4) * 100);
    expect(scaled).toEqual({ value: 50, lower: 25, upper: 75, n: 8 });
  });
});
