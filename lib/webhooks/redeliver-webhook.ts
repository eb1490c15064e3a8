import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { outgoingMessage } from "./deliver-webhook";
import { recordAttempt } from "./record-attempt";
import { deliveryRefSchema } from "./schemas";
import { sendWebhook, type AttemptOutcome } from "./send-webhook";

/**
 * An admin sends a delivery again, now, with the same id and body (receivers drop repeats by
 * webhook-id). Also to a disabled endpoint, to check a fix before enabling it. The request is made
 * outside any transaction; its outcome is logged as a manual attempt. A failure changes no schedule.
 */
export async function redeliverWebhook(db: Db, actor: Actor | null, org: OrgRef, ref: { deliveryId: string }, now = new Date(), { allowLoopback = env.ATTUNE_WEBHOOKS_ALLOW_LOOPBACK } = {}): Promise<AttemptOutcome> {
  const context = await requirePermission(db, actor, org, "webhooks.manage");
  const parsed = deliveryRefSchema.safeParse(ref);
  if (!parsed.success) throw new AppError("NOT_FOUND", "notFound");
  const [delivery] = await db
    .select({ id: webhookDeliveries.id, endpointId: webhookDeliveries.endpointId, eventType: webhookDeliveries.eventType, payload: webhookDeliveries.payload, createdAt: webhookDeliveries.createdAt, url: webhookEndpoints.url, secret: webhookEndpoints.secret })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(and(eq(webhookDeliveries.id, parsed.data.deliveryId), eq(webhookDeliveries.organizationId, context.organization.id)));
  if (!delivery) throw new AppError("NOT_FOUND", "notFound");

  const outcome = await sendWebhook(delivery, outgoingMessage(delivery), { allowLoopback });
  await db.transaction(async (tx) => {
    await recordAttempt(tx as unknown as Db, delivery, outcome, { at: now, isManual: true });
    await recordAudit(tx, {
      organizationId: context.organization.id,
      actorUserId: context.userId,
      action: "webhook.redelivered",
      targetType: "webhook_delivery",
      targetId: delivery.id,
      details: { endpointId: delivery.endpointId, event: delivery.eventType, status: outcome.responseStatus, error: outcome.error },
    });
  });
  return outcome;
}
