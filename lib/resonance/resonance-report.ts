import type { SuppressionReason } from "@/lib/anonymity/suppression";
import { buildKpiSplit, toAggregate, type KpiShape, type RollupSums } from "@/lib/kpis/build-kpi-report";
import { kpiValue, type KpiValue } from "@/lib/kpis/kpi-value";
import { REACTION_ITEMS, REACTION_POINTS, type ReactionKey } from "./reaction-items";

/** One concept's sums for everyone (attribute "") or one attribute value: the composite, and each item. */
export interface ResonanceSums {
  prefix: string;
  attribute: string;
  value: string;
  n: number;
  /** The mean of a respondent's five reactions, summed over respondents (1–5 each). */
  sum: number;
  sumSquares: number;
  items: Record<ReactionKey, { sum: number; sumSquares: number }>;
}

/** Reactions are on a five-point scale, reported like a mean KPI: 0–100 with n and a t-interval. */
const REACTION_SCALE: KpiShape = { aggregation: "mean", scaleMin: 1, scaleMax: REACTION_POINTS, period: "monthly" };

export type DivergenceReason = "significantlyBelow" | "respectfulBelowThreshold";

export type ResonanceSegment =
  | { value: string; suppressed: true; reason: SuppressionReason }
  | { value: string; suppressed: false; resonance: KpiValue; respectful: KpiValue; adjustedP: number | null; difference: "below" | "above" | null; divergence: DivergenceReason[] };

export interface ConceptResonance {
  prefix: string;
  respondents: number;
  resonance: KpiValue;
  items: Array<{ key: ReactionKey; value: KpiValue }>;
  /** Every attribute split; segments withheld by the anonymity rule carry no numbers. */
  splits: Array<{ attribute: string; segments: ResonanceSegment[] }>;
  divergent: Array<{ attribute: string; value: string; reasons: DivergenceReason[]; resonance: KpiValue; respectful: KpiValue }>;
  /** Everyone's "feels respectful" is under the threshold: the concept itself diverges. */
  isDisrespectfulOverall: boolean;
}

const sumsOf = (row: { n: number; sum: number; sumSquares: number }): RollupSums => ({ n: row.n, sum: row.sum, sumSquares: row.sumSquares, topBox: 0, bottomBox: 0 });
const isBelow = (value: KpiValue, threshold: number) => value.status === "ok" && value.estimate.value < threshold;

/**
 * Resonance per concept and segment: the composite of the five reactions (0–100) with its interval,
 * each segment against the rest (Holm-corrected within a concept and attribute), and a divergence
 * flag where a segment is significantly below the rest or its "feels respectful" is under the threshold.
 */
export function buildResonanceReport(
  rows: readonly ResonanceSums[],
  prefixes: readonly string[],
  { minGroupSize, minN, respectfulThreshold }: { minGroupSize: number; minN: number; respectfulThreshold: number },
): ConceptResonance[] {
  return prefixes.map((prefix): ConceptResonance => {
    const ofConcept = rows.filter((row) => row.prefix === prefix);
    const overall = ofConcept.find((row) => row.attribute === "") ?? { n: 0, sum: 0, sumSquares: 0, items: Object.fromEntries(REACTION_ITEMS.map((item) => [item.key, { sum: 0, sumSquares: 0 }])) as ResonanceSums["items"] };
    const valueOf = (sums: RollupSums) => kpiValue(toAggregate(REACTION_SCALE, sums), { minN });
    const respectfulSums = (row: Pick<ResonanceSums, "n" | "items">) => sumsOf({ n: row.n, ...row.items.respectful });
    const attributes = [...new Set(ofConcept.map((row) => row.attribute).filter(Boolean))].sort();
    const splits = attributes.map((attribute) => {
      const segments = ofConcept.filter((row) => row.attribute === attribute).sort((a, b) => a.value.localeCompare(b.value));
      const composite = buildKpiSplit(REACTION_SCALE, sumsOf(overall), segments.map((segment) => ({ value: segment.value, ...sumsOf(segment) })), { minGroupSize, minN });
      return {
        attribute,
        segments: composite.map((segment, index): ResonanceSegment => {
          if (segment.suppressed) return segment;
          const respectful = valueOf(respectfulSums(segments[index]));
          const divergence: DivergenceReason[] = [];
          if (segment.difference === "below") divergence.push("significantlyBelow");
          if (isBelow(respectful, respectfulThreshold)) divergence.push("respectfulBelowThreshold");
          return { value: segment.value, suppressed: false, resonance: segment.kpi, respectful, adjustedP: segment.adjustedP, difference: segment.difference, divergence };
        }),
      };
    });
    return {
      prefix,
      respondents: overall.n,
      resonance: valueOf(sumsOf(overall)),
      items: REACTION_ITEMS.map((item) => ({ key: item.key, value: valueOf(sumsOf({ n: overall.n, ...overall.items[item.key] })) })),
      splits,
      divergent: splits.flatMap(({ attribute, segments }) =>
        segments.flatMap((segment) => (segment.suppressed || segment.divergence.length === 0 ? [] : [{ attribute, value: segment.value, reasons: segment.divergence, resonance: segment.resonance, respectful: segment.respectful }])),
      ),
      isDisrespectfulOverall: isBelow(valueOf(respectfulSums(overall)), respectfulThreshold),
    };
  });
}
