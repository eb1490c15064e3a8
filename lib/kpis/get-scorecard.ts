import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { nextPeriod } from "./build-kpi-report";
import { buildOwnerScorecard, type OwnerScorecard } from "./build-scorecard";
import { kpiMinN, summarizeKpi } from "./get-kpi-overview";
import { listKpiDefinitions, monthlyTotals } from "./read-kpi-rollups";
import { SCORE_BEGGING_PATTERN } from "./score-begging";

/** Responses in [from, to) that answered one of the items and whose open text asks for a score. */
async function scoreBeggingCount(db: Db, organizationId: string, itemCodes: string[], range: { from: string; to: string }): Promise<number> {
  const result = await db.execute(sql`
    select count(distinct t.response_id)::int as count from response_answers t
    where t.organization_id = ${organizationId}::uuid and t.text_value ~* ${SCORE_BEGGING_PATTERN}
      and t.submitted_at >= ${range.from}::date and t.submitted_at < ${range.to}::date
      and exists (select 1 from response_answers k where k.response_id = t.response_id and k.item_code in (${sql.join(itemCodes.map((code) => sql`${code}`), sql`, `)}))`);
  return Number(rowsOf<{ count: number }>(result)[0]?.count ?? 0);
}

export interface Scorecard {
  owners: OwnerScorecard[];
  /** KPIs with a target and weight but no owner: they count for nobody yet. */
  unowned: string[];
}

/**
 * The executive scorecard: for each owner, their KPIs that carry a target and an incentive
 * weight, each with its latest value, interval and attainment, flags against gaming, and a
 * weighted score when at least two KPIs have a value.
 */
export async function getScorecard(db: Db, actor: Actor | null, org: OrgRef): Promise<Scorecard> {
  const { organization } = await requirePermission(db, actor, org, "scorecard.view");
  const [definitions, totals] = await Promise.all([listKpiDefinitions(db, organization.id), monthlyTotals(db, organization.id)]);
  const minN = kpiMinN(organization);
  const scored = definitions.filter((definition) => definition.target !== null && definition.incentiveWeight !== null);
  const owned = scored.filter((definition) => definition.ownerUserId);
  // One small query per scored KPI, run together rather than one after another.
  const inputs = await Promise.all(
    owned.map(async (definition) => {
      const { trend, organization: wholeOrganization } = summarizeKpi(definition, totals.filter((row) => row.kpiId === definition.id), minN);
      const latest = trend.at(-1);
      // A response rate has no answers of its own to read for score-begging.
      const scoreBegging = latest && definition.itemCodes.length > 0 ? await scoreBeggingCount(db, organization.id, definition.itemCodes, { from: latest.periodStart, to: nextPeriod(latest.periodStart, definition.period) }) : 0;
      return { definition, input: { key: definition.key, name: definition.name, isBuiltIn: definition.isBuiltIn, source: definition.source, aggregation: definition.aggregation, period: definition.period, target: definition.target!, targetBasis: definition.targetBasis, weight: definition.incentiveWeight!, trend, organization: wholeOrganization, scoreBegging } };
    }),
  );
  const byOwner = new Map<string, { name: string; inputs: Parameters<typeof buildOwnerScorecard>[1][number][] }>();
  for (const { definition, input } of inputs) {
    const entry = byOwner.get(definition.ownerUserId!) ?? { name: definition.ownerName ?? "", inputs: [] };
    entry.inputs.push(input);
    byOwner.set(definition.ownerUserId!, entry);
  }
  return {
    owners: [...byOwner.entries()].map(([userId, { name, inputs }]) => buildOwnerScorecard({ userId, name }, inputs)).sort((a, b) => a.owner.name.localeCompare(b.owner.name)),
    unowned: scored.filter((definition) => !definition.ownerUserId).map((definition) => definition.key),
  };
}
