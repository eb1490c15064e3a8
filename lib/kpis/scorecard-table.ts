import type { Cell } from "@/lib/responses/export-responses";
import type { Scorecard } from "./get-scorecard";

const round = (value: number | null, digits = 1) => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits);

/** The scorecard as spreadsheet rows for a compensation committee: one row per owner and KPI, plus each owner's score. */
export function scorecardRows(scorecard: Scorecard, label: { kpiName: (kpi: { key: string; name: string; isBuiltIn: boolean }) => string; flag: (flag: string) => string; score: string }): Cell[][] {
  return scorecard.owners.flatMap((card) => [
    ...card.kpis.map((kpi): Cell[] => {
      const value = kpi.latest?.value;
      const estimate = value?.status === "ok" ? value.estimate : null;
      return [card.owner.name, label.kpiName(kpi), kpi.latest?.periodStart ?? null, estimate?.n ?? (value?.status === "insufficient" ? value.n : null), round(estimate?.value ?? null), round(estimate?.lower ?? null), round(estimate?.upper ?? null), round(kpi.effectiveTarget), kpi.weight, round(kpi.attainment === null ? null : kpi.attainment * 100), kpi.flags.map(label.flag).join("; ")];
    }),
    [card.owner.name, label.score, null, null, null, null, null, null, null, round(card.score === null ? null : card.score * 100), card.missing ? label.flag(card.missing) : ""],
  ]);
}
