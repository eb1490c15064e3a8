import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { insights } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";

/** The organization's insight, locked for a change; any other id (or another organization's) is NOT_FOUND. */
export async function lockInsight(db: Db, organizationId: string, insightId: string) {
  if (!isUuid(insightId)) throw new AppError("NOT_FOUND", "notFound");
  const [insight] = await db
    .select({ id: insights.id, status: insights.status })
    .from(insights)
    .where(and(eq(insights.id, insightId), eq(insights.organizationId, organizationId)))
    .for("update");
  if (!insight) throw new AppError("NOT_FOUND", "notFound");
  return insight;
}

/** Whether a decision of the organization cites the insight (its evidence holds it frozen). */
export async function isCitedByDecision(db: Db, organizationId: string, insightId: string): Promise<boolean> {
  const rows = rowsOf(await db.execute(sql`select 1 from decisions d where d.organization_id = ${organizationId}::uuid and d.evidence->'items' @> jsonb_build_array(jsonb_build_object('type', 'insight', 'insightId', ${insightId}::text)) limit 1`));
  return rows.length > 0;
}
