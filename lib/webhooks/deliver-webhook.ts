import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { env } from "@/lib/env";
import { enqueueJob, type AfterCommit, type Job } from "@/lib/jobs/queue";
import { disableFailingEndpoint } from "./disable-failing-endpoint";
import { webhookBody } from "./events";
import { deliverWebhookJobPayloadSchema, WEBHOOK_JOB } from "./jobs";
import { recordAttempt } from "./record-attempt";
import { nextRetryDelayMs } from "./retry-schedule";
import { sendWebhook, type OutgoingMessage } from "./send-webhook";

export interface DeliveryOptions {
  /** Deliveries that may fail in a row before the endpoint is disabled. */
  failureLimit?: number;
  allowLoopback?: boolean;
}

/** The message of a delivery: its id and the exact body, the same on every attempt. */
export function outgoingMessage(delivery: { id: string; eventType: string; payload: Record<string, unknown>; createdAt: Date }): OutgoingMessage {
  return { id: delivery.id, body: webhookBody(delivery.eventType, delivery.createdAt, delivery.payload) };
}

/**
 * Job "webhook.deliver": one scheduled attempt of one delivery. The request is made after the job's
 * transaction commits, so a slow receiver never holds the database; the next attempt is queued
 * before it, so a process that dies mid-request still sends the message again (receivers drop
 * repeats by webhook-id). Nothing here throws (a throw would roll the schedule back). When the
 * schedule runs out the endpoint's run of failed deliveries grows, and at the limit the endpoint is
 * disabled and its admin mailed.
 */
export async function deliverWebhookJob(tx: Db, job: Job, now: Date, options: DeliveryOptions = {}): Promise<AfterCommit | void> {
  const { deliveryId, attempt } = deliverWebhookJobPayloadSchema.parse(job.payload);
  const [row] = await tx
    .select({
      id: webhookDeliveries.id,
      organizationId: webhookDeliveries.organizationId,
      endpointId: webhookDeliveries.endpointId,
      eventType: webhookDeliveries.eventType,
      payload: webhookDeliveries.payload,
      status: webhookDeliveries.status,
      createdAt: webhookDeliveries.createdAt,
      url: webhookEndpoints.url,
      secret: webhookEndpoints.secret,
      isEnabled: webhookEndpoints.isEnabled,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(eq(webhookDeliveries.id, deliveryId))
    .for("update", { of: webhookDeliveries });
  // Delivered meanwhile (a person sent it again), given up, or gone with its endpoint.
  if (!row || row.status !== "pending") return;
  if (!row.isEnabled) {
    await tx.update(webhookDeliveries).set({ status: "failed", nextAttemptAt: null, lastError: "endpoint_disabled" }).where(eq(webhookDeliveries.id, row.id));
    return;
  }

  const delay = nextRetryDelayMs(attempt);
  const retryAt = delay === null ? null : new Date(now.getTime() + delay);
  if (retryAt) {
    await tx.update(webhookDeliveries).set({ nextAttemptAt: retryAt }).where(eq(webhookDeliveries.id, row.id));
    await enqueueJob(tx, { kind: WEBHOOK_JOB.deliver, runAt: retryAt, payload: { deliveryId: row.id, attempt: attempt + 1 }, dedupeKey: `${WEBHOOK_JOB.deliver}:${row.id}:${attempt + 1}`, organizationId: row.organizationId, maxAttempts: 3 });
  }

  return async (db) => {
    const outcome = await sendWebhook(row, outgoingMessage(row), { allowLoopback: options.allowLoopback ?? env.ATTUNE_WEBHOOKS_ALLOW_LOOPBACK });
    await db.transaction(async (after) => {
      const work = after as unknown as Db;
      await recordAttempt(work, row, outcome, { at: now, isManual: false });
      if (outcome.error === null || retryAt) return;
      await work.update(webhookDeliveries).set({ status: "failed", nextAttemptAt: null }).where(and(eq(webhookDeliveries.id, row.id), eq(webhookDeliveries.status, "pending")));
      const [endpoint] = await work
        .update(webhookEndpoints)
        .set({ consecutiveFailures: sql`${webhookEndpoints.consecutiveFailures} + 1` })
        .where(and(eq(webhookEndpoints.id, row.endpointId), eq(webhookEndpoints.isEnabled, true)))
        .returning({ consecutiveFailures: webhookEndpoints.consecutiveFailures });
      if (endpoint && endpoint.consecutiveFailures >= (options.failureLimit ?? env.ATTUNE_WEBHOOK_FAILURE_LIMIT)) {
        await disableFailingEndpoint(work, { id: row.endpointId, organizationId: row.organizationId }, endpoint.consecutiveFailures, now);
      }
    });
  };
}
