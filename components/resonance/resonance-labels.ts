import type { DivergenceReason } from "@/lib/resonance/resonance-report";
import type { ResonanceTableLabels } from "@/lib/resonance/resonance-table";

type T = { (key: string, values?: Record<string, string | number>): string };

/** Why a segment is flagged, in the reader's language. */
export function divergenceReasons(t: T, reasons: readonly DivergenceReason[], threshold: number): string {
  return reasons.map((reason) => t(`reason_${reason}`, { threshold })).join("; ");
}

/** The resonance spreadsheet's column names and notes in the reader's language. */
export function resonanceTableLabels(t: T, tKpis: T, tAnonymity: T, { minGroupSize, threshold }: { minGroupSize: number; threshold: number }): ResonanceTableLabels {
  return {
    header: { concept: t("csv.concept"), attribute: t("csv.attribute"), segment: t("csv.segment"), n: "n", resonance: t("csv.resonance"), lower: t("csv.lower"), upper: t("csv.upper"), respectful: t("csv.respectful"), difference: t("csv.difference"), flag: t("csv.flag"), note: t("csv.note") },
    everyone: t("csv.everyone"),
    insufficient: tKpis("csv.insufficient"),
    withheld: (segment) => tAnonymity(`reason_${segment.reason}`, { min: minGroupSize }),
    difference: (difference) => (difference === "below" ? tKpis("differenceBelow") : difference === "above" ? tKpis("differenceAbove") : ""),
    flag: (segment) => divergenceReasons(t, segment.divergence, threshold),
  };
}
