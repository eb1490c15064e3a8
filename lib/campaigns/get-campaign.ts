import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { campaignConcepts, campaigns } from "@/db/schema";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { decodeCursor, encodeCursor } from "@/lib/api/common-schemas";
import { AppError } from "@/lib/errors";
import { campaignIdSchema } from "./schemas";

export const campaignColumns = { id: campaigns.id, name: campaigns.name, markets: campaigns.markets, audiences: campaigns.audiences, status: campaigns.status, createdAt: campaigns.createdAt, updatedAt: campaigns.updatedAt };

/** A campaign of the organization with its concepts; another organization's campaign is not found. */
export async function getCampaign(db: Db, actor: Actor | null, org: OrgRef, rawCampaignId: string) {
  const { organization } = await requirePermission(db, actor, org, "campaigns.view");
  const parsed = campaignIdSchema.safeParse(rawCampaignId);
  if (!parsed.success) throw new AppError("NOT_FOUND", "notFound");
  const [campaign] = await db.select(campaignColumns).from(campaigns).where(and(eq(campaigns.id, parsed.data), eq(campaigns.organizationId, organization.id)));
  if (!campaign) throw new AppError("NOT_FOUND", "notFound");
  const concepts = await db
    .select({ id: campaignConcepts.id, title: campaignConcepts.title, copy: campaignConcepts.copy, imageAssetId: campaignConcepts.imageAssetId, position: campaignConcepts.position })
    .from(campaignConcepts)
    .where(eq(campaignConcepts.campaignId, campaign.id))
    .orderBy(asc(campaignConcepts.position));
  return { ...campaign, concepts: concepts.map((concept) => ({ ...concept, hasImage: concept.imageAssetId !== null })) };
}

/** The organization's campaigns, newest first. */
export async function listCampaigns(db: Db, actor: Actor | null, org: OrgRef) {
  const { organization } = await requirePermission(db, actor, org, "campaigns.view");
  return db.select(campaignColumns).from(campaigns).where(eq(campaigns.organizationId, organization.id)).orderBy(desc(campaigns.createdAt)).limit(200);
}

/**
 * A page of the organization's campaigns, newest first, for the API. The position is kept as the
 * database writes the time (microseconds), which a JavaScript date would round.
 */
export async function listCampaignPage(db: Db, actor: Actor | null, org: OrgRef, { cursor, limit }: { cursor?: string; limit: number }) {
  const { organization } = await requirePermission(db, actor, org, "campaigns.view");
  const after = decodeCursor(cursor, z.tuple([z.string().max(40), z.uuid()])) as [string, string] | null;
  const rows = await db
    .select({ ...campaignColumns, position: sql<string>`${campaigns.createdAt}::text` })
    .from(campaigns)
    .where(and(eq(campaigns.organizationId, organization.id), after ? sql`(${campaigns.createdAt}, ${campaigns.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined))
    .orderBy(desc(campaigns.createdAt), desc(campaigns.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { data: page, nextCursor: rows.length > limit && last ? encodeCursor([last.position, last.id]) : null };
}
