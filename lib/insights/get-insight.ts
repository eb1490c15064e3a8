import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { insights } from "@/db/schema";
import { decodeCursor, encodeCursor } from "@/lib/api/common-schemas";
import { can } from "@/lib/authz/policy";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { NO_VOICES, readInsightVoices } from "./insight-voices";
import { readInsightPassages } from "./read-insight-passages";
import { readRepresentation } from "@/lib/representation/read-representation";
import { isCitedByDecision } from "./require-insight";
import { listInsightsSchema, type ListInsightsInput } from "./schemas";

const columns = { id: insights.id, claim: insights.claim, body: insights.body, status: insights.status, publishedAt: insights.publishedAt, createdAt: insights.createdAt, updatedAt: insights.updatedAt };

/**
 * One insight with its evidence, voices and whether a decision cites it. Drafts are the research
 * team's own: to a leader a draft does not exist.
 */
export async function getInsight(db: Db, actor: Actor | null, org: OrgRef, insightId: string) {
  const { organization, role } = await requirePermission(db, actor, org, "insights.view");
  if (!isUuid(insightId)) throw new AppError("NOT_FOUND", "notFound");
  const canCode = can(role, "insights.code");
  const [insight] = await db.select(columns).from(insights).where(and(eq(insights.id, insightId), eq(insights.organizationId, organization.id)));
  if (!insight || (insight.status === "draft" && !canCode)) throw new AppError("NOT_FOUND", "notFound");
  const [voices, passages, isCited] = await Promise.all([readInsightVoices(db, organization.id, [insight.id]), readInsightPassages(db, organization.id, insight.id), isCitedByDecision(db, organization.id, insight.id)]);
  // Who was heard against the programs' populations, from the items its words come from (withheld passages included).
  const itemIds = [...new Set(passages.flatMap((passage) => (passage.kind === "kpi" ? [] : [passage.itemId])))];
  const representation = await readRepresentation(db, organization.id, itemIds);
  return { ...insight, voices: voices.get(insight.id) ?? NO_VOICES, passages, isCited, canCode, representation };
}

/**
 * The organization's insights, most recently changed first, a page at a time, with evidence and
 * voice counts. Leaders see published ones only.
 */
export async function listInsights(db: Db, actor: Actor | null, org: OrgRef, rawInput: ListInsightsInput = {}) {
  const { organization, role } = await requirePermission(db, actor, org, "insights.view");
  const { status, page, limit } = listInsightsSchema.parse(rawInput);
  const canCode = can(role, "insights.code");
  const shown = canCode ? status : "published";
  const where = and(eq(insights.organizationId, organization.id), shown ? eq(insights.status, shown) : undefined, !canCode && status === "draft" ? sql`false` : undefined);
  const [rows, [{ total }]] = await Promise.all([
    db.select(columns).from(insights).where(where).orderBy(desc(insights.updatedAt), desc(insights.id)).limit(limit).offset((page - 1) * limit),
    db.select({ total: sql<number>`count(*)::int` }).from(insights).where(where),
  ]);
  const voices = await readInsightVoices(db, organization.id, rows.map((row) => row.id));
  return { insights: rows.map((row) => ({ ...row, voices: voices.get(row.id) ?? NO_VOICES })), total: Number(total), page, pageCount: Math.max(1, Math.ceil(Number(total) / limit)), canCode };
}

/** The organization's published insights a decision can cite, newest first. */
export async function listCitableInsights(db: Db, organizationId: string) {
  return db
    .select({ id: insights.id, claim: insights.claim, publishedAt: insights.publishedAt })
    .from(insights)
    .where(and(eq(insights.organizationId, organizationId), eq(insights.status, "published")))
    .orderBy(desc(insights.publishedAt))
    .limit(100);
}

/**
 * A page of the organization's published insights, most recently published first, with their
 * voices (people and segments, never words): what other systems read. The position is kept as the
 * database writes the time, which a JavaScript date would round.
 */
export async function listPublishedInsights(db: Db, actor: Actor | null, org: OrgRef, { cursor, limit }: { cursor?: string; limit: number }) {
  const { organization } = await requirePermission(db, actor, org, "insights.view");
  const after = decodeCursor(cursor, z.tuple([z.string().max(40), z.uuid()])) as [string, string] | null;
  const rows = await db
    .select({ ...columns, position: sql<string>`${insights.publishedAt}::text` })
    .from(insights)
    .where(and(eq(insights.organizationId, organization.id), eq(insights.status, "published"), after ? sql`(${insights.publishedAt}, ${insights.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined))
    .orderBy(desc(insights.publishedAt), desc(insights.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const voices = await readInsightVoices(db, organization.id, page.map((row) => row.id));
  const last = page.at(-1);
  return {
    data: page.map((row) => ({ ...row, voices: voices.get(row.id) ?? NO_VOICES })),
    nextCursor: rows.length > limit && last ? encodeCursor([last.position, last.id]) : null,
  };
}
