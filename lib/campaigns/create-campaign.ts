import "server-only";
import type { Db } from "@/db/client";
import { campaigns } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { campaignColumns } from "./get-campaign";
import { createCampaignSchema, type CreateCampaignInput } from "./schemas";

export async function createCampaign(db: Db, actor: Actor | null, orgId: string, rawInput: CreateCampaignInput) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "campaigns.manage");
  const input = createCampaignSchema.parse(rawInput);
  return db.transaction(async (tx) => {
    const [campaign] = await tx.insert(campaigns).values({ organizationId: organization.id, name: input.name, markets: input.markets, audiences: input.audiences, createdByUserId: actor!.userId }).returning(campaignColumns);
    await recordAudit(tx, { organizationId: organization.id, actorUserId: actor!.userId, action: "campaign.created", targetType: "campaign", targetId: campaign.id });
    return { ...campaign, concepts: [] };
  });
}
