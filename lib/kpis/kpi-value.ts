import { meanInterval, rescaleEstimate, wilsonInterval, type Estimate, type SampleSummary } from "@/lib/statistics/intervals";
import { npsDifferenceTest, npsEstimate, twoProportionTest, welchTTest, type NpsCounts } from "@/lib/statistics/significance";

/**
 * What a KPI is computed from, as kept in rollups: enough for the value, its interval and a
 * test against another group or period, without reading any response.
 */
export type KpiAggregate =
  /** Answers on a scale from `min` to `max`, shown as a mean rescaled to 0–100. */
  | { kind: "mean"; n: number; sum: number; sumSquares: number; min: number; max: number }
  /** Share of answers in the top box(es), shown as 0–100%. */
  | { kind: "topBox"; n: number; successes: number }
  /** 0–10 answers as promoters (9–10), passives (7–8) and detractors (0–6). */
  | ({ kind: "nps" } & NpsCounts)
  /** People who answered out of those asked. */
  | { kind: "responseRate"; n: number; successes: number };

/** `withheld`: enough answers, but shown beside the whole organization it would give away the few outside the segment. */
export type KpiValue = { status: "ok"; estimate: Estimate } | { status: "insufficient"; n: number; minN: number; withheld?: boolean };

/** Fewer answers than this and a KPI says "not enough data" instead of a misleading number. */
export const DEFAULT_MIN_N = 10;

export function aggregateSize(aggregate: KpiAggregate): number {
  return aggregate.kind === "nps" ? aggregate.promoters + aggregate.passives + aggregate.detractors : aggregate.n;
}

/** Mean and sample standard deviation from a count, a sum and a sum of squares. */
export function summaryFromSums({ n, sum, sumSquares }: { n: number; sum: number; sumSquares: number }): SampleSummary {
  const mean = sum / n;
  if (n < 2) return { n, mean, sd: null };
  // Rounding can leave a tiny negative variance when every answer is the same.
  const variance = Math.max(0, (sumSquares - (sum * sum) / n) / (n - 1));
  return { n, mean, sd: Math.sqrt(variance) };
}

/**
 * A KPI's value on its 0–100 (NPS: −100…100) scale with n and a 95% interval: a t-interval for
 * means, Wilson for proportions, the multinomial interval for NPS.
 */
export function kpiValue(aggregate: KpiAggregate, { minN = DEFAULT_MIN_N }: { minN?: number } = {}): KpiValue {
  const n = aggregateSize(aggregate);
  if (n < Math.max(1, minN)) return { status: "insufficient", n, minN };
  switch (aggregate.kind) {
    case "mean": {
      const span = aggregate.max - aggregate.min;
      return { status: "ok", estimate: rescaleEstimate(meanInterval(summaryFromSums(aggregate)), (value) => ((value - aggregate.min) / span) * 100) };
    }
    case "topBox":
    case "responseRate":
      return { status: "ok", estimate: rescaleEstimate(wilsonInterval(aggregate.successes, aggregate.n), (value) => value * 100) };
    case "nps":
      return { status: "ok", estimate: npsEstimate(aggregate) };
  }
}

/**
 * The two-sided p-value of the difference between two aggregates of the same KPI (a segment
 * against the rest, or a period against the previous one); null when either is too small to test.
 */
export function kpiDifferenceP(a: KpiAggregate, b: KpiAggregate): number | null {
  if (a.kind !== b.kind) throw new TypeError("kpiDifferenceP compares two aggregates of one kind");
  if (aggregateSize(a) < 2 || aggregateSize(b) < 2) return null;
  switch (a.kind) {
    case "mean":
      return welchTTest(summaryFromSums(a), summaryFromSums(b as typeof a)).p;
    case "topBox":
    case "responseRate":
      return twoProportionTest(a, b as typeof a).p;
    case "nps":
      return npsDifferenceTest(a, b as typeof a).p;
  }
}

/** The complement of a group within a total of the same KPI: "the rest" a segment is compared with. */
export function subtractAggregate(total: KpiAggregate, part: KpiAggregate): KpiAggregate {
  if (total.kind !== part.kind) throw new TypeError("subtractAggregate needs two aggregates of one kind");
  switch (total.kind) {
    case "mean": {
      const other = part as typeof total;
      return { ...total, n: total.n - other.n, sum: total.sum - other.sum, sumSquares: total.sumSquares - other.sumSquares };
    }
    case "topBox":
    case "responseRate": {
      const other = part as typeof total;
      return { ...total, n: total.n - other.n, successes: total.successes - other.successes };
    }
    case "nps": {
      const other = part as typeof total;
      return { kind: "nps", promoters: total.promoters - other.promoters, passives: total.passives - other.passives, detractors: total.detractors - other.detractors };
    }
  }
}
