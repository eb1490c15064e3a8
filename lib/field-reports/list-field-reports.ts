import "server-only";
import { and, desc, eq, gte, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { olderThan, timestampCursor } from "@/db/keyset";
import { decodeKeysetCursor, keysetPage } from "@/lib/pagination/keyset-cursor";
import { fieldReports } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { DAY_MS } from "@/lib/clock";
import { listFieldReportsQuerySchema, type ListFieldReportsQuery } from "./schemas";

export const FIELD_REPORTS_PAGE_SIZE = 25;

/**
 * The only columns researchers ever get: what was heard, how urgent, where. Never the author —
 * anonymity is enforced here, by what is selected, not by what a page chooses to show.
 */
const ANONYMOUS_REPORT = {
  id: fieldReports.id,
  kind: fieldReports.kind,
  urgency: fieldReports.urgency,
  body: fieldReports.body,
  team: fieldReports.team,
  location: fieldReports.location,
  createdAt: fieldReports.createdAt,
};

/** One page of the organization's reports, newest first, filtered by kind and urgency, without authors. */
export async function listFieldReports(db: Db, actor: Actor | null, orgId: string, query: ListFieldReportsQuery = {}) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "frontline.manage");
  const { kind, urgency, after } = listFieldReportsQuerySchema.parse(query);
  const conditions: SQL[] = [eq(fieldReports.organizationId, organization.id)];
  if (kind) conditions.push(eq(fieldReports.kind, kind));
  if (urgency) conditions.push(eq(fieldReports.urgency, urgency));
  if (after) conditions.push(olderThan(fieldReports.createdAt, fieldReports.id, decodeKeysetCursor(after)));
  const rows = await db
    .select({ ...ANONYMOUS_REPORT, cursorAt: timestampCursor(fieldReports.createdAt) })
    .from(fieldReports)
    .where(and(...conditions))
    .orderBy(desc(fieldReports.createdAt), desc(fieldReports.id))
    .limit(FIELD_REPORTS_PAGE_SIZE + 1);
  const page = keysetPage(rows, FIELD_REPORTS_PAGE_SIZE);
  return { reports: page.rows, nextCursor: page.nextCursor };
}

/** How many urgent reports came in over the last week, for the badge beside "Reports". */
export async function countRecentUrgentFieldReports(db: Db, actor: Actor | null, orgId: string, now = new Date()): Promise<number> {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "frontline.manage");
  const [{ count }] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(fieldReports)
    .where(and(eq(fieldReports.organizationId, organization.id), eq(fieldReports.urgency, "urgent"), gte(fieldReports.createdAt, new Date(now.getTime() - 7 * DAY_MS))));
  return count;
}
