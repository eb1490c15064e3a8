import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { webhookEndpoints } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { setEndpointEnabledSchema } from "./schemas";

export const DISABLED_BY_ADMIN = "manual";

/**
 * An admin pauses an endpoint (events meanwhile are not sent to it) or enables it again, which
 * starts its count of failed deliveries afresh.
 */
export async function setWebhookEndpointEnabled(db: Db, actor: Actor | null, org: OrgRef, rawInput: { endpointId: string; isEnabled: boolean }): Promise<void> {
  const context = await requirePermission(db, actor, org, "webhooks.manage");
  const { endpointId, isEnabled } = setEndpointEnabledSchema.parse(rawInput);
  const now = new Date();
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(webhookEndpoints)
      .set(isEnabled ? { isEnabled, consecutiveFailures: 0, disabledAt: null, disabledReason: null, updatedAt: now } : { isEnabled, disabledAt: now, disabledReason: DISABLED_BY_ADMIN, updatedAt: now })
      .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.organizationId, context.organization.id)))
      .returning({ id: webhookEndpoints.id });
    if (!updated) throw new AppError("NOT_FOUND", "notFound");
    await recordAudit(tx, {
      organizationId: context.organization.id,
      actorUserId: context.userId,
      action: isEnabled ? "webhook.updated" : "webhook.disabled",
      targetType: "webhook_endpoint",
      targetId: endpointId,
      details: isEnabled ? { enabled: true } : { reason: DISABLED_BY_ADMIN },
    });
  });
}
