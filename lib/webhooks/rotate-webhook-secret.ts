import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { webhookEndpoints } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { endpointRefSchema } from "./schemas";
import { newWebhookSecret } from "./webhook-secret";

/** A new signing secret, in force at once: receivers must be given it before the next event. */
export async function rotateWebhookSecret(db: Db, actor: Actor | null, org: OrgRef, ref: { endpointId: string }): Promise<void> {
  const context = await requirePermission(db, actor, org, "webhooks.manage");
  const { endpointId } = endpointRefSchema.parse(ref);
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(webhookEndpoints)
      .set({ secret: newWebhookSecret(), updatedAt: new Date() })
      .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.organizationId, context.organization.id)))
      .returning({ id: webhookEndpoints.id });
    if (!updated) throw new AppError("NOT_FOUND", "notFound");
    await recordAudit(tx, { organizationId: context.organization.id, actorUserId: context.userId, action: "webhook.updated", targetType: "webhook_endpoint", targetId: endpointId, details: { secretRotated: true } });
  });
}
