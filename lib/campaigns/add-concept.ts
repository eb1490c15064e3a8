import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaignConcepts, campaigns } from "@/db/schema";
import { storeImage } from "@/lib/assets/upload-asset";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { addConceptSchema, type AddConceptInput } from "./schemas";

/**
 * Adds a concept (copy in one or more languages, and an image if given) at the end of a
 * campaign's concepts. A refused image stores nothing of the concept.
 */
export async function addConcept(db: Db, actor: Actor | null, orgId: string, rawInput: AddConceptInput, image: Uint8Array | null = null) {
  const { organization, userId } = await requirePermission(db, actor, { id: orgId }, "campaigns.manage");
  const input = addConceptSchema.parse(rawInput);
  return db.transaction(async (tx) => {
    const [campaign] = await tx.select({ id: campaigns.id }).from(campaigns).where(and(eq(campaigns.id, input.campaignId), eq(campaigns.organizationId, organization.id))).for("update");
    if (!campaign) throw new AppError("NOT_FOUND", "notFound");
    const copy = Object.fromEntries(Object.entries({ en: input.copyEn, pl: input.copyPl, ru: input.copyRu }).filter(([, text]) => text));
    const imageAssetId = image ? (await storeImage(tx, { organizationId: organization.id, userId }, image, "image")).id : null;
    const [concept] = await tx
      .insert(campaignConcepts)
      .values({ campaignId: campaign.id, organizationId: organization.id, title: input.title, copy, imageAssetId, position: sql`(select coalesce(max(${campaignConcepts.position}), 0) + 1 from ${campaignConcepts} where ${campaignConcepts.campaignId} = ${campaign.id})` })
      .returning({ id: campaignConcepts.id });
    await tx.update(campaigns).set({ updatedAt: new Date() }).where(eq(campaigns.id, campaign.id));
    await recordAudit(tx, { organizationId: organization.id, actorUserId: actor!.userId, action: "campaign.concept_added", targetType: "campaign", targetId: campaign.id });
    return concept;
  });
}
