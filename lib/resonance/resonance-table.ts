import type { KpiValue } from "@/lib/kpis/kpi-value";
import type { Cell } from "@/lib/responses/export-responses";
import type { ConceptResonance, ResonanceSegment } from "./resonance-report";

const round = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

export interface ResonanceTableLabels {
  header: { concept: string; attribute: string; segment: string; n: string; resonance: string; lower: string; upper: string; respectful: string; difference: string; flag: string; note: string };
  everyone: string;
  insufficient: string;
  withheld: (segment: Extract<ResonanceSegment, { suppressed: true }>) => string;
  difference: (difference: "below" | "above" | null) => string;
  flag: (segment: Extract<ResonanceSegment, { suppressed: false }>) => string;
}

export const resonanceTableHeader = (labels: ResonanceTableLabels) => Object.values(labels.header);

function valueCells(resonance: KpiValue, respectful: KpiValue): Cell[] {
  if (resonance.status !== "ok") return [resonance.n, null, null, null, null];
  return [resonance.estimate.n, round(resonance.estimate.value), round(resonance.estimate.lower), round(resonance.estimate.upper), respectful.status === "ok" ? round(respectful.estimate.value) : null];
}

/** A test's results as spreadsheet rows: everyone, then every segment of every attribute; withheld segments carry only why. */
export function resonanceRows(concepts: ReadonlyArray<ConceptResonance & { title: string }>, labels: ResonanceTableLabels): Cell[][] {
  return concepts.flatMap((concept) => {
    const respectful = concept.items.find((item) => item.key === "respectful")!.value;
    const everyone: Cell[] = [concept.title, "", labels.everyone, ...valueCells(concept.resonance, respectful), "", "", concept.resonance.status === "ok" ? "" : labels.insufficient];
    const segments = concept.splits.flatMap(({ attribute, segments: rows }) =>
      rows.map((segment): Cell[] => {
        if (segment.suppressed) return [concept.title, attribute, segment.value, null, null, null, null, null, "", "", labels.withheld(segment)];
        return [concept.title, attribute, segment.value, ...valueCells(segment.resonance, segment.respectful), labels.difference(segment.difference), labels.flag(segment), segment.resonance.status === "ok" ? "" : labels.insufficient];
      }),
    );
    return [everyone, ...segments];
  });
}
