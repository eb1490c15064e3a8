import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { setCampaignStatusSchema } from "./schemas";

export async function setCampaignStatus(db: Db, actor: Actor | null, orgId: string, rawInput: { campaignId: string; status: string }) {
  const { organization } = await requirePermission(db, actor, { id: orgId }, "campaigns.manage");
  const input = setCampaignStatusSchema.parse(rawInput);
  return db.transaction(async (tx) => {
    const [updated] = await tx.update(campaigns).set({ status: input.status, updatedAt: new Date() }).where(and(eq(campaigns.id, input.campaignId), eq(campaigns.organizationId, organization.id))).returning({ id: campaigns.id });
    if (!updated) throw new AppError("NOT_FOUND", "notFound");
    await recordAudit(tx, { organizationId: organization.id, actorUserId: actor!.userId, action: "campaign.status_changed", targetType: "campaign", targetId: updated.id, details: { status: input.status } });
  });
}
