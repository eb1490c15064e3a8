import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import tQuantile from "@stdlib/stats-base-dists-t-quantile";

/** A point estimate with its confidence interval; bounds are null when the sample cannot give one. */
export interface Estimate {
  value: number;
  lower: number | null;
  upper: number | null;
  n: number;
}

export interface SampleSummary {
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1 in the denominator); null below two observations. */
  sd: number | null;
}

/** The two-sided critical value of the standard normal, e.g. 1.959964 for 95%. */
export function zCritical(confidence = 0.95): number {
  return normalQuantile(1 - (1 - confidence) / 2, 0, 1);
}

/** The two-sided critical value of Student's t with `df` degrees of freedom, e.g. 2.262157 for 95% and df 9. */
export function tCritical(df: number, confidence = 0.95): number {
  return tQuantile(1 - (1 - confidence) / 2, df);
}

export function summarize(values: readonly number[]): SampleSummary {
  const n = values.length;
  if (n === 0) return { n: 0, mean: Number.NaN, sd: null };
  const mean = values.reduce((sum, value) => sum + value, 0) / n;
  if (n < 2) return { n, mean, sd: null };
  const squares = values.reduce((sum, value) => sum + (value - mean) ** 2, 0);
  return { n, mean, sd: Math.sqrt(squares / (n - 1)) };
}

/** The mean with a t-interval: mean ± t(1−α/2, n−1) · sd/√n. */
export function meanInterval({ n, mean, sd }: SampleSummary, confidence = 0.95): Estimate {
  if (n === 0) throw new RangeError("meanInterval needs at least one observation");
  if (n < 2 || sd === null) return { value: mean, lower: null, upper: null, n };
  const margin = tCritical(n - 1, confidence) * (sd / Math.sqrt(n));
  return { value: mean, lower: mean - margin, upper: mean + margin, n };
}

/** The mean of raw values with its t-interval. */
export function meanWithInterval(values: readonly number[], confidence = 0.95): Estimate {
  return meanInterval(summarize(values), confidence);
}

/**
 * A proportion with the Wilson score interval, which stays inside [0, 1] and behaves at
 * small n and at 0% or 100%, where the normal (Wald) interval fails.
 */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): Estimate {
  if (!Number.isInteger(successes) || !Number.isInteger(n) || n <= 0 || successes < 0 || successes > n) {
    throw new RangeError(`wilsonInterval needs 0 ≤ successes ≤ n and n > 0, got ${successes}/${n}`);
  }
  const z = zCritical(confidence);
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const margin = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At 0% or 100% the bound is exactly 0 or 1; computing it would leave rounding dust.
  return { value: p, lower: successes === 0 ? 0 : Math.max(0, centre - margin), upper: successes === n ? 1 : Math.min(1, centre + margin), n };
}

/**
 * The difference of two independent proportions (p1 − p2) with Newcombe's hybrid score interval
 * (method 10), built from the two Wilson intervals so it inherits their good small-sample behaviour.
 */
export function proportionDifference(a: { successes: number; n: number }, b: { successes: number; n: number }, confidence = 0.95) {
  const first = wilsonInterval(a.successes, a.n, confidence);
  const second = wilsonInterval(b.successes, b.n, confidence);
  const difference = first.value - second.value;
  const lower = difference - Math.sqrt((first.value - first.lower!) ** 2 + (second.upper! - second.value) ** 2);
  const upper = difference + Math.sqrt((first.upper! - first.value) ** 2 + (second.value - second.lower!) ** 2);
  return { value: difference, lower, upper, n1: a.n, n2: b.n };
}

/** Maps an estimate through a linear rescaling, e.g. a 1–5 mean onto 0–100. */
export function rescaleEstimate(estimate: Estimate, scale: (value: number) => number): Estimate {
  return { n: estimate.n, value: scale(estimate.value), lower: estimate.lower === null ? null : scale(estimate.lower), upper: estimate.upper === null ? null : scale(estimate.upper) };
}
