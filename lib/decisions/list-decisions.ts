import "server-only";
import { and, desc, eq, lt } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { campaigns, decisions } from "@/db/schema";
import { decodeCursor, encodeCursor } from "@/lib/api/common-schemas";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import type { KpiTrendPoint } from "@/lib/kpis/build-kpi-report";
import { kpiMinN, summarizeKpi } from "@/lib/kpis/get-kpi-overview";
import { listKpiDefinitions, monthlyTotals } from "@/lib/kpis/read-kpi-rollups";
import { periodsAfter } from "./decision-outcomes";
import { publicDecision } from "./public-decision";

export const decisionColumns = {
  sequence: decisions.sequence,
  id: decisions.id,
  campaignId: decisions.campaignId,
  kind: decisions.kind,
  rationale: decisions.rationale,
  decidedByName: decisions.decidedByName,
  decidedAt: decisions.decidedAt,
  correctsDecisionId: decisions.correctsDecisionId,
  evidence: decisions.evidence,
  expectedKpiKeys: decisions.expectedKpiKeys,
};

export interface DecisionOutcome {
  key: string;
  name: string;
  isBuiltIn: boolean;
  aggregation: "mean" | "top_box" | "nps";
  period: "monthly" | "quarterly";
  /** Today's values of the periods after the decision. */
  after: KpiTrendPoint[];
}

/**
 * A campaign's decision log, newest first: each entry with its frozen evidence, the entries that
 * correct it, and for the KPIs it expected to move, what they did in the periods since.
 */
export async function listCampaignDecisions(db: Db, actor: Actor | null, org: OrgRef, campaignId: string) {
  const { organization } = await requirePermission(db, actor, org, "decisions.view");
  const rows = await db.select(decisionColumns).from(decisions).where(and(eq(decisions.organizationId, organization.id), eq(decisions.campaignId, campaignId))).orderBy(desc(decisions.sequence));
  const hasExpectations = rows.some((row) => row.expectedKpiKeys.length > 0);
  const [definitions, totals] = hasExpectations ? await Promise.all([listKpiDefinitions(db, organization.id), monthlyTotals(db, organization.id)]) : [[], []];
  const minN = kpiMinN(organization);
  return rows.map((row) => ({
    ...row,
    correctedBy: rows.filter((other) => other.correctsDecisionId === row.id).map((other) => other.id),
    outcomes: definitions
      .filter((definition) => row.expectedKpiKeys.includes(definition.key))
      .map((definition): DecisionOutcome => {
        const { trend } = summarizeKpi(definition, totals.filter((total) => total.kpiId === definition.id), minN);
        return { key: definition.key, name: definition.name, isBuiltIn: definition.isBuiltIn, aggregation: definition.aggregation, period: definition.period, after: periodsAfter(trend, row.decidedAt, definition.period) };
      }),
  }));
}

/** The latest decisions across campaigns, for the leaders' home. */
export async function listRecentDecisions(db: Db, actor: Actor | null, org: OrgRef, limit = 5) {
  const { organization } = await requirePermission(db, actor, org, "dashboard.view");
  return db
    .select({ id: decisions.id, kind: decisions.kind, rationale: decisions.rationale, decidedByName: decisions.decidedByName, decidedAt: decisions.decidedAt, campaignId: campaigns.id, campaignName: campaigns.name })
    .from(decisions)
    .innerJoin(campaigns, eq(campaigns.id, decisions.campaignId))
    .where(eq(decisions.organizationId, organization.id))
    .orderBy(desc(decisions.sequence))
    .limit(limit);
}

/** A page of the organization's decision log, newest first, optionally of one campaign: each entry with its frozen evidence. */
export async function listDecisionPage(db: Db, actor: Actor | null, org: OrgRef, { campaignId, cursor, limit }: { campaignId?: string; cursor?: string; limit: number }) {
  const { organization } = await requirePermission(db, actor, org, "decisions.view");
  const after = decodeCursor(cursor, z.tuple([z.number().int().positive()]));
  const rows = await db
    .select(decisionColumns)
    .from(decisions)
    .where(and(eq(decisions.organizationId, organization.id), campaignId ? eq(decisions.campaignId, campaignId) : undefined, after ? lt(decisions.sequence, Number(after[0])) : undefined))
    .orderBy(desc(decisions.sequence))
    .limit(limit + 1);
  const data = rows.slice(0, limit);
  return { data: data.map(publicDecision), nextCursor: rows.length > limit ? encodeCursor([data.at(-1)!.sequence]) : null };
}

