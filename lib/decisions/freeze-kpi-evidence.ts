import "server-only";
import type { Db } from "@/db/client";
import { kpiMinN, summarizeKpi } from "@/lib/kpis/get-kpi-overview";
import { listKpiDefinitions, monthlyTotals } from "@/lib/kpis/read-kpi-rollups";
import { AppError } from "@/lib/errors";
import type { KpiEvidence } from "./evidence";

/**
 * The cited KPIs as they stand now (latest period, value, n, interval, target), to be stored
 * with a decision. Read in the caller's transaction, so the snapshot is what the decider saw.
 */
export async function freezeKpiEvidence(db: Db, organization: { id: string; minGroupSize: number; minCommentGroupSize: number }, keys: readonly string[]): Promise<KpiEvidence[]> {
  if (keys.length === 0) return [];
  const [definitions, totals] = await Promise.all([listKpiDefinitions(db, organization.id), monthlyTotals(db, organization.id)]);
  const unknown = keys.filter((key) => !definitions.some((definition) => definition.key === key));
  if (unknown.length > 0) throw new AppError("INVALID", "formHasErrors", { evidenceKpiKeys: "decisionKpiUnknown" });
  const minN = kpiMinN(organization);
  return definitions
    .filter((definition) => keys.includes(definition.key))
    .map((definition) => {
      const { latest, target } = summarizeKpi(definition, totals.filter((row) => row.kpiId === definition.id), minN);
      return { type: "kpi", key: definition.key, name: definition.name, isBuiltIn: definition.isBuiltIn, aggregation: definition.aggregation, period: definition.period, periodStart: latest?.periodStart ?? null, value: latest?.value ?? null, target };
    });
}
