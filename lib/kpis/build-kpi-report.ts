import { suppressBreakdown } from "@/lib/anonymity/suppress-breakdown";
import { isSmallDifference, type SuppressionReason } from "@/lib/anonymity/suppression";
import { holmAdjust } from "@/lib/statistics/significance";
import { DEFAULT_MIN_N, kpiDifferenceP, kpiValue, subtractAggregate, type KpiAggregate, type KpiValue } from "./kpi-value";

/** What a KPI's rollups hold for one month (or one segment of a period): running sums of response scores. */
export interface RollupSums {
  n: number;
  sum: number;
  sumSquares: number;
  topBox: number;
  bottomBox: number;
}

export interface KpiShape {
  aggregation: "mean" | "top_box" | "nps";
  scaleMin: number;
  scaleMax: number;
  period: "monthly" | "quarterly";
}

export const SIGNIFICANCE_LEVEL = 0.05;
const EMPTY: RollupSums = { n: 0, sum: 0, sumSquares: 0, topBox: 0, bottomBox: 0 };

export function addSums(a: RollupSums, b: RollupSums): RollupSums {
  return { n: a.n + b.n, sum: a.sum + b.sum, sumSquares: a.sumSquares + b.sumSquares, topBox: a.topBox + b.topBox, bottomBox: a.bottomBox + b.bottomBox };
}

export function toAggregate(kpi: KpiShape, sums: RollupSums): KpiAggregate {
  switch (kpi.aggregation) {
    case "mean":
      return { kind: "mean", n: sums.n, sum: sums.sum, sumSquares: sums.sumSquares, min: kpi.scaleMin, max: kpi.scaleMax };
    case "top_box":
      return { kind: "topBox", n: sums.n, successes: sums.topBox };
    case "nps":
      return { kind: "nps", promoters: sums.topBox, detractors: sums.bottomBox, passives: sums.n - sums.topBox - sums.bottomBox };
  }
}

/** The first day (YYYY-MM-DD) of the KPI period a month ("YYYY-MM-DD", first of month) falls in. */
export function periodStart(month: string, period: KpiShape["period"]): string {
  if (period === "monthly") return month;
  const [year, monthNumber] = month.split("-").map(Number);
  const first = Math.floor((monthNumber - 1) / 3) * 3 + 1;
  return `${year}-${String(first).padStart(2, "0")}-01`;
}

export function nextPeriod(start: string, period: KpiShape["period"]): string {
  const [year, month] = start.split("-").map(Number);
  const next = month + (period === "monthly" ? 1 : 3);
  return next > 12 ? `${year + 1}-${String(next - 12).padStart(2, "0")}-01` : `${year}-${String(next).padStart(2, "0")}-01`;
}

export interface KpiTrendPoint {
  periodStart: string;
  value: KpiValue;
  /** Set when this period differs from the previous one at the 95% level. */
  change: "up" | "down" | null;
  /** Two-sided p-value of the change from the previous period, when both could be tested. */
  p: number | null;
}

/**
 * A KPI per period from monthly sums: every period from the first with data to the last (an
 * empty period says so rather than vanishing), each with its value, n and interval, and a marker
 * where the change from the previous period is significant.
 */
export function buildKpiTrend(kpi: KpiShape, months: ReadonlyArray<{ month: string } & RollupSums>, { minN = DEFAULT_MIN_N }: { minN?: number } = {}): KpiTrendPoint[] {
  const byPeriod = new Map<string, RollupSums>();
  for (const row of months) {
    const start = periodStart(row.month, kpi.period);
    byPeriod.set(start, addSums(byPeriod.get(start) ?? EMPTY, row));
  }
  const starts = [...byPeriod.keys()].sort();
  if (starts.length === 0) return [];
  const points: KpiTrendPoint[] = [];
  let previous: RollupSums | null = null;
  for (let start = starts[0]; start <= starts.at(-1)!; start = nextPeriod(start, kpi.period)) {
    const sums = byPeriod.get(start) ?? EMPTY;
    const value = kpiValue(toAggregate(kpi, sums), { minN });
    let p: number | null = null;
    let change: KpiTrendPoint["change"] = null;
    if (previous && value.status === "ok" && previous.n >= minN) {
      p = kpiDifferenceP(toAggregate(kpi, sums), toAggregate(kpi, previous));
      const before = kpiValue(toAggregate(kpi, previous), { minN });
      if (p !== null && p < SIGNIFICANCE_LEVEL && before.status === "ok") change = value.estimate.value > before.estimate.value ? "up" : "down";
    }
    points.push({ periodStart: start, value, change, p });
    previous = sums.n > 0 ? sums : null;
  }
  return points;
}

/**
 * Segments of a split over several periods that must be withheld so that no withheld cell of a
 * single period can be worked out: a segment's whole minus its periods shown is what its withheld
 * periods hold, and that must not be a group smaller than the minimum. Since the whole of one
 * segment can itself be worked out from the total and the other segments, one such segment
 * withholds the whole split.
 */
export function derivableAcrossPeriods(
  kpi: KpiShape,
  months: ReadonlyArray<{ value: string; month: string; n: number }>,
  monthTotals: ReadonlyArray<{ month: string; n: number }>,
  minGroupSize: number,
): Map<string, SuppressionReason> {
  const periodTotals = new Map<string, number>();
  for (const row of monthTotals) {
    const start = periodStart(row.month, kpi.period);
    periodTotals.set(start, (periodTotals.get(start) ?? 0) + row.n);
  }
  const cells = new Map<string, Map<string, number>>();
  for (const row of months) {
    const start = periodStart(row.month, kpi.period);
    const period = cells.get(start) ?? new Map<string, number>();
    period.set(row.value, (period.get(row.value) ?? 0) + row.n);
    cells.set(start, period);
  }
  const shownN = new Map<string, number>();
  const wholeN = new Map<string, number>();
  for (const [start, period] of cells) {
    for (const decision of suppressBreakdown([...period].map(([key, n]) => ({ key, n })), { minGroupSize, total: periodTotals.get(start) })) {
      wholeN.set(decision.key, (wholeN.get(decision.key) ?? 0) + period.get(decision.key)!);
      if (!decision.suppressed) shownN.set(decision.key, (shownN.get(decision.key) ?? 0) + decision.n);
    }
  }
  const isAnyDerivable = [...wholeN].some(([value, n]) => isSmallDifference(n - (shownN.get(value) ?? 0), minGroupSize));
  return new Map(isAnyDerivable ? [...wholeN.keys()].map((value) => [value, "derivable_by_difference" as const]) : []);
}

export type KpiSegment =
  | { value: string; suppressed: true; reason: SuppressionReason }
  | {
      value: string;
      suppressed: false;
      kpi: KpiValue;
      /** Holm-adjusted two-sided p-value of this segment against everyone else. */
      adjustedP: number | null;
      /** Significantly below or above the rest of the organization. */
      difference: "below" | "above" | null;
    };

/**
 * A KPI in one period split by an attribute: each segment's value, its difference from the rest
 * (Holm-corrected across the segments tested), with the anonymity rule applied before any number
 * is computed so a withheld segment cannot be recovered from the rest.
 */
export function buildKpiSplit(
  kpi: KpiShape,
  total: RollupSums,
  segments: ReadonlyArray<{ value: string } & RollupSums>,
  { minGroupSize, minN = DEFAULT_MIN_N, reasons }: { minGroupSize: number; minN?: number; /** Segments already known to be withheld, e.g. derivable from other views. */ reasons?: ReadonlyMap<string, SuppressionReason> },
): KpiSegment[] {
  const decisions = suppressBreakdown(segments.map((segment) => ({ key: segment.value, n: segment.n, reason: reasons?.get(segment.value) })), { minGroupSize, total: total.n });
  const shown = segments.filter((_, index) => !decisions[index].suppressed);
  const tested = shown.map((segment) => {
    const part = toAggregate(kpi, segment);
    const rest = subtractAggregate(toAggregate(kpi, total), part);
    const isTestable = segment.n >= minN && total.n - segment.n >= minN;
    return { segment, p: isTestable ? kpiDifferenceP(part, rest) : null, rest };
  });
  const testedPs = tested.filter((entry) => entry.p !== null);
  const holm = holmAdjust(testedPs.map((entry) => entry.p!));
  const adjusted = new Map(testedPs.map((entry, index) => [entry.segment.value, holm[index]]));
  return segments.map((segment, index): KpiSegment => {
    const decision = decisions[index];
    if (decision.suppressed) return { value: segment.value, suppressed: true, reason: decision.reason };
    const value = kpiValue(toAggregate(kpi, segment), { minN });
    const adjustedP = adjusted.get(segment.value) ?? null;
    let difference: "below" | "above" | null = null;
    const rest = tested.find((entry) => entry.segment === segment)!.rest;
    const restValue = kpiValue(rest, { minN });
    if (adjustedP !== null && adjustedP < SIGNIFICANCE_LEVEL && value.status === "ok" && restValue.status === "ok") difference = value.estimate.value < restValue.estimate.value ? "below" : "above";
    return { value: segment.value, suppressed: false, kpi: value, adjustedP, difference };
  });
}
