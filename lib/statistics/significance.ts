import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import tCdf from "@stdlib/stats-base-dists-t-cdf";
import { zCritical, type Estimate, type SampleSummary } from "./intervals";

export interface TestResult {
  statistic: number;
  /** Two-sided p-value. */
  p: number;
}

/** Two-sided p-value of a standard normal statistic. */
export function normalTwoSidedP(z: number): number {
  return 2 * (1 - normalCdf(Math.abs(z), 0, 1));
}

/**
 * Welch's t-test of two means with unequal variances (Welch–Satterthwaite degrees of freedom):
 * the comparison of a segment's mean with the rest of the organization.
 */
export function welchTTest(a: SampleSummary, b: SampleSummary): TestResult & { df: number } {
  if (a.n < 2 || b.n < 2 || a.sd === null || b.sd === null) throw new RangeError("welchTTest needs two observations in each group");
  const va = a.sd ** 2 / a.n;
  const vb = b.sd ** 2 / b.n;
  if (va + vb === 0) return { statistic: a.mean === b.mean ? 0 : Math.sign(a.mean - b.mean) * Infinity, df: a.n + b.n - 2, p: a.mean === b.mean ? 1 : 0 };
  const t = (a.mean - b.mean) / Math.sqrt(va + vb);
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  return { statistic: t, df, p: 2 * (1 - tCdf(Math.abs(t), df)) };
}

/** The pooled two-proportion z-test of p1 = p2. */
export function twoProportionTest(a: { successes: number; n: number }, b: { successes: number; n: number }): TestResult {
  if (a.n <= 0 || b.n <= 0) throw new RangeError("twoProportionTest needs both groups non-empty");
  const pooled = (a.successes + b.successes) / (a.n + b.n);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.n + 1 / b.n));
  const difference = a.successes / a.n - b.successes / b.n;
  if (se === 0) return { statistic: 0, p: 1 };
  const z = difference / se;
  return { statistic: z, p: normalTwoSidedP(z) };
}

export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

const npsParts = ({ promoters, passives, detractors }: NpsCounts) => {
  const n = promoters + passives + detractors;
  const pp = promoters / n;
  const pd = detractors / n;
  // Each answer scores +1, 0 or −1: the variance of that score is the NPS's per-answer variance.
  return { n, value: pp - pd, variance: pp + pd - (pp - pd) ** 2 };
};

/**
 * Net Promoter Score (promoters minus detractors, on −100…100) with its interval. NPS is a
 * difference of two proportions from ONE multinomial sample, so the standard error is
 * √((p₊ + p₋ − (p₊ − p₋)²) / n), not that of two independent proportions.
 */
export function npsEstimate(counts: NpsCounts, confidence = 0.95): Estimate {
  const { n, value, variance } = npsParts(counts);
  if (n === 0) throw new RangeError("npsEstimate needs at least one answer");
  if (n < 2) return { value: value * 100, lower: null, upper: null, n };
  const margin = zCritical(confidence) * Math.sqrt(variance / n);
  return { value: value * 100, lower: Math.max(-100, (value - margin) * 100), upper: Math.min(100, (value + margin) * 100), n };
}

/** Whether two groups' NPS differ: a z-test on the difference of two independent NPS estimates. */
export function npsDifferenceTest(a: NpsCounts, b: NpsCounts): TestResult {
  const first = npsParts(a);
  const second = npsParts(b);
  const se = Math.sqrt(first.variance / first.n + second.variance / second.n);
  if (!(se > 0)) return { statistic: 0, p: first.value === second.value ? 1 : 0 };
  const z = (first.value - second.value) / se;
  return { statistic: z, p: normalTwoSidedP(z) };
}

/**
 * Holm's step-down adjustment for testing several segments at once: controls the family-wise
 * error rate without assuming independence. Returns adjusted p-values in the input order; a
 * segment is significant at 95% when its adjusted p is below 0.05.
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, index) => ({ p, index })).sort((x, y) => x.p - y.p);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach(({ p, index }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[index] = running;
  });
  return adjusted;
}
