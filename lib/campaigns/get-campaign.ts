import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaignConcepts, campaigns } from "@/db/schema";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { campaignIdSchema } from "./schemas";

const campaignColumns = { id: campaigns.id, name: campaigns.name, markets: campaigns.markets, audiences: campaigns.audiences, status: campaigns.status, createdAt: campaigns.createdAt, updatedAt: campaigns.updatedAt };

/** A campaign of the organization with its concepts; another organization's campaign is not found. */
export async function getCampaign(db: Db, actor: Actor | null, org: OrgRef, rawCampaignId: string) {
  const { organization } = await requirePermission(db, actor, org, "campaigns.manage");
  const parsed = campaignIdSchema.safeParse(rawCampaignId);
  if (!parsed.success) throw new AppError("NOT_FOUND", "notFound");
  const [campaign] = await db.select(campaignColumns).from(campaigns).where(and(eq(campaigns.id, parsed.data), eq(campaigns.organizationId, organization.id)));
  if (!campaign) throw new AppError("NOT_FOUND", "notFound");
  const concepts = await db
    .select({ id: campaignConcepts.id, title: campaignConcepts.title, copy: campaignConcepts.copy, imageAssetId: campaignConcepts.imageAssetId, position: campaignConcepts.position })
    .from(campaignConcepts)
    .where(eq(campaignConcepts.campaignId, campaign.id))
    .orderBy(asc(campaignConcepts.position));
  return { ...campaign, concepts };
}

/** The organization's campaigns, newest first. */
export async function listCampaigns(db: Db, actor: Actor | null, org: OrgRef) {
  const { organization } = await requirePermission(db, actor, org, "campaigns.manage");
  return db.select(campaignColumns).from(campaigns).where(eq(campaigns.organizationId, organization.id)).orderBy(desc(campaigns.createdAt)).limit(200);
}
