import type { kpiDefinitions } from "@/db/schema";

export type KpiDefinitionValues = Omit<typeof kpiDefinitions.$inferInsert, "organizationId" | "id" | "createdAt">;

/**
 * The KPIs every organization starts with, over item-bank codes so that any instrument asking
 * those items feeds them. Their titles and descriptions live in the i18n catalog under their key.
 */
export const BUILT_IN_KPIS: readonly KpiDefinitionValues[] = [
  { key: "empathy-index", name: "Empathy Index", isBuiltIn: true, aggregation: "mean", itemCodes: [1, 2, 3, 4, 5].map((n) => `SERVQUAL_EMP_${n}`), scaleMin: 1, scaleMax: 7, topBoxMin: 6, bottomBoxMax: 2, period: "quarterly" },
  { key: "council-nps", name: "Council NPS", isBuiltIn: true, aggregation: "nps", itemCodes: ["NPS"], scaleMin: 0, scaleMax: 10, topBoxMin: 9, bottomBoxMax: 6, period: "quarterly" },
  { key: "csat-top-box", name: "CSAT top box", isBuiltIn: true, aggregation: "top_box", itemCodes: ["CSAT"], scaleMin: 1, scaleMax: 5, topBoxMin: 4, bottomBoxMax: 2, period: "quarterly" },
  { key: "frontline-pulse", name: "Frontline Pulse", isBuiltIn: true, aggregation: "mean", itemCodes: ["FRONTLINE_EMPATHY"], scaleMin: 1, scaleMax: 5, topBoxMin: 4, bottomBoxMax: 2, period: "monthly" },
  { key: "campaign-resonance", name: "Campaign Resonance", isBuiltIn: true, aggregation: "mean", itemCodes: ["RES_APPEAL", "RES_RELEVANCE", "RES_TRUST", "RES_RESPECTFUL", "RES_INTENT"], scaleMin: 1, scaleMax: 5, topBoxMin: 4, bottomBoxMax: 2, period: "monthly" },
];
